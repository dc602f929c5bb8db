import { describe, expect, it } from 'vitest';
import { distanceMetres, shouldSend } from './throttle';

const here = { lat: 30.29, lon: 120.21, at: 0 };
// 0.001° of latitude is about 111 m.
const north = (metres: number, at: number) => ({ lat: here.lat + metres / 111_195, lon: here.lon, at });

describe('distanceMetres', () => {
  it('measures a short hop', () => {
    expect(distanceMetres(here, north(100, 0))).toBeCloseTo(100, 0);
  });
});

describe('shouldSend', () => {
  it('sends the first fix', () => {
    expect(shouldSend(null, here)).toBe(true);
  });

  it('holds a fix that moved little and came soon', () => {
    expect(shouldSend(here, north(10, 5_000))).toBe(false);
  });

  it('sends after 15 s even without moving', () => {
    expect(shouldSend(here, north(0, 15_000))).toBe(true);
  });

  it('sends after 50 m moved', () => {
    expect(shouldSend(here, north(60, 4_000))).toBe(true);
  });

  it('never sends more often than every 3 s, however fast the phone moves', () => {
    expect(shouldSend(here, north(500, 1_000))).toBe(false);
  });
});
