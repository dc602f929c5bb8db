// WGS-84 → GCJ-02, the datum Chinese tile services (AMap, Tencent) draw in. Positions are stored in WGS-84; a map
// over GCJ-02 tiles shifts each one before drawing it, or every marker would sit a few hundred metres off.
// The same published algorithm as the server's Geo/ChinaCoordinates.cs.

const A = 6378245.0;
const EE = 0.00669342162296594323;

export const isOutsideChina = (lon: number, lat: number): boolean =>
  lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;

export function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  if (isOutsideChina(lon, lat)) return [lon, lat];
  const x = lon - 105.0;
  const y = lat - 35.0;
  const pi = Math.PI;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20.0 * Math.sin(6.0 * x * pi) + 20.0 * Math.sin(2.0 * x * pi)) * 2.0) / 3.0;
  dLat += ((20.0 * Math.sin(y * pi) + 40.0 * Math.sin((y / 3.0) * pi)) * 2.0) / 3.0;
  dLat += ((160.0 * Math.sin((y / 12.0) * pi) + 320.0 * Math.sin((y * pi) / 30.0)) * 2.0) / 3.0;
  let dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLon += ((20.0 * Math.sin(6.0 * x * pi) + 20.0 * Math.sin(2.0 * x * pi)) * 2.0) / 3.0;
  dLon += ((20.0 * Math.sin(x * pi) + 40.0 * Math.sin((x / 3.0) * pi)) * 2.0) / 3.0;
  dLon += ((150.0 * Math.sin((x / 12.0) * pi) + 300.0 * Math.sin((x / 30.0) * pi)) * 2.0) / 3.0;
  const radLat = (lat / 180.0) * pi;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * pi);
  dLon = (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * pi);
  return [lon + dLon, lat + dLat];
}

/** GCJ-02 → BD-09, the datum of Baidu Maps (Baidu's published conversion). */
export function gcj02ToBd09(lon: number, lat: number): [number, number] {
  const xPi = (Math.PI * 3000.0) / 180.0;
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * xPi);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * xPi);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/**
 * GCJ-02 → WGS-84, for a point picked on a map drawn in GCJ-02: the published shift has no closed inverse, so it is
 * undone by iteration (each step shrinks the error about a thousandfold; three reach well under a centimetre).
 */
export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  let [x, y] = [lon, lat];
  for (let i = 0; i < 3; i++) {
    const [sx, sy] = wgs84ToGcj02(x, y);
    x -= sx - lon;
    y -= sy - lat;
  }
  return [x, y];
}
