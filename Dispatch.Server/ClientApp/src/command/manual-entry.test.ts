import { describe, expect, it } from 'vitest';
import { manualAlertId } from './manual-entry';

describe('manualAlertId', () => {
  it('names the day and a random part, so two calls entered the same minute never collide', () => {
    const now = new Date('2026-12-05T13:50:00Z');
    expect(manualAlertId(now, () => 0.5)).toBe('manual-20261205-7fffffff');
    expect(manualAlertId(now, () => 0)).toBe('manual-20261205-00000000');
    expect(manualAlertId(now, () => 0.25)).not.toBe(manualAlertId(now, () => 0.75));
  });
});
