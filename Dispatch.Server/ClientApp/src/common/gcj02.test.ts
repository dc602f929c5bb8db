import { describe, expect, it } from 'vitest';
import { gcj02ToBd09, gcj02ToWgs84, wgs84ToGcj02 } from './gcj02';

describe('wgs84ToGcj02', () => {
  it('matches the published reference value (and the server)', () => {
    const [lon, lat] = wgs84ToGcj02(116.404, 39.915);
    expect(lon).toBeCloseTo(116.41024449916938, 9);
    expect(lat).toBeCloseTo(39.91640428150164, 9);
  });

  it('shifts a point in Hangzhou by a few hundred metres', () => {
    const [lon, lat] = wgs84ToGcj02(120.15, 30.28);
    const metres = Math.hypot((lon - 120.15) * 96_000, (lat - 30.28) * 111_000);
    expect(metres).toBeGreaterThan(200);
    expect(metres).toBeLessThan(800);
  });

  it('leaves points outside China alone', () => {
    expect(wgs84ToGcj02(-0.1276, 51.5072)).toEqual([-0.1276, 51.5072]);
  });
});

describe('gcj02ToBd09', () => {
  it('matches the published reference value', () => {
    const [lon, lat] = gcj02ToBd09(116.404, 39.915);
    expect(lon).toBeCloseTo(116.41036949371029, 9);
    expect(lat).toBeCloseTo(39.92133699351021, 9);
  });
});

describe('gcj02ToWgs84', () => {
  it('undoes the shift of the published reference point to a centimetre', () => {
    const [lon, lat] = gcj02ToWgs84(116.41024449916938, 39.91640428150164);
    expect(lon).toBeCloseTo(116.404, 7);
    expect(lat).toBeCloseTo(39.915, 7);
  });
});
