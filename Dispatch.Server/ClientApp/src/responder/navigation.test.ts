import { describe, expect, it } from 'vitest';
import { navigationLinks } from './navigation';

const params = (href: string): URLSearchParams => new URL(href).searchParams;

describe('navigationLinks', () => {
  // The published reference point: WGS-84 (116.404, 39.915) is GCJ-02 (116.410244, 39.916404) and BD-09
  // (116.416627, 39.922700) — worked with the published formulas in a separate script, not with this code.
  const links = Object.fromEntries(navigationLinks({ lon: 116.404, lat: 39.915 }, '云峰路18号').map((l) => [l.app, l.href]));

  it('sends AMap GCJ-02 coordinates, lon first, with the name', () => {
    expect(params(links.amap).get('to')).toBe('116.410244,39.916404,云峰路18号');
    expect(params(links.amap).get('coordinate')).toBe('gaode');
  });

  it('sends Baidu BD-09 coordinates, lat first, and says so', () => {
    expect(params(links.baidu).get('location')).toBe('39.922700,116.416627');
    expect(params(links.baidu).get('coord_type')).toBe('bd09ll');
  });

  it('sends Apple Maps GCJ-02, lat first', () => {
    expect(params(links.apple).get('daddr')).toBe('39.916404,116.410244');
  });

  it('keeps WGS-84 in the geo: URI', () => {
    expect(links.geo).toBe('geo:39.915,116.404?q=39.915,116.404(%E4%BA%91%E5%B3%B0%E8%B7%AF18%E5%8F%B7)');
  });
});
