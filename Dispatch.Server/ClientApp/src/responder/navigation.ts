// Navigation that works on a Chinese phone: 高德地图 and Apple Maps (whose China data is AutoNavi's) take GCJ-02,
// 百度地图 takes BD-09, and the geo: URI (RFC 5870) takes WGS-84 for whatever maps app the phone has. Positions are
// stored in WGS-84; each link gets the datum its app expects, or the car is sent a few hundred metres off.

import { gcj02ToBd09, wgs84ToGcj02 } from '../common/gcj02';
import type { GeoPoint } from '../common/model';

export type NavigationApp = 'amap' | 'baidu' | 'apple' | 'geo';

export interface NavigationLink { app: NavigationApp; href: string }

const fixed = (value: number): string => value.toFixed(6);

export function navigationLinks(at: GeoPoint, label: string): NavigationLink[] {
  const [gLon, gLat] = wgs84ToGcj02(at.lon, at.lat);
  const [bLon, bLat] = gcj02ToBd09(gLon, gLat);
  const name = encodeURIComponent(label);
  return [
    // callnative=1: the AMap app opens when installed, the web page otherwise.
    { app: 'amap', href: `https://uri.amap.com/navigation?to=${fixed(gLon)},${fixed(gLat)},${name}&mode=car&coordinate=gaode&callnative=1&src=dispatch` },
    { app: 'baidu', href: `https://api.map.baidu.com/marker?location=${fixed(bLat)},${fixed(bLon)}&title=${name}&content=${name}&coord_type=bd09ll&output=html&src=dispatch` },
    { app: 'apple', href: `https://maps.apple.com/?daddr=${fixed(gLat)},${fixed(gLon)}&dirflg=d&q=${name}` },
    { app: 'geo', href: `geo:${at.lat},${at.lon}?q=${at.lat},${at.lon}(${name})` },
  ];
}
