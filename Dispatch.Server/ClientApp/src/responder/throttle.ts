// When a phone's position is worth sending: often enough to be seen moving, rarely enough to spare battery and data.

export interface Fix { lat: number; lon: number; at: number }

export const EVERY_MS = 15_000;
export const MOVED_METRES = 50;
/** Even at speed, no more often than this. */
export const AT_MOST_EVERY_MS = 3_000;

const EARTH_RADIUS_METRES = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Haversine distance on the sphere; plenty for tens of metres to kilometres. */
export function distanceMetres(a: Fix, b: Fix): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Send the first fix, then one every 15 s or after 50 m moved (but not more than every 3 s). */
export function shouldSend(lastSent: Fix | null, next: Fix): boolean {
  if (!lastSent) return true;
  const elapsed = next.at - lastSent.at;
  if (elapsed >= EVERY_MS) return true;
  return elapsed >= AT_MOST_EVERY_MS && distanceMetres(lastSent, next) >= MOVED_METRES;
}
