import { describe, expect, it } from 'vitest';
import { retryDelay } from './live';

describe('retryDelay', () => {
  it('tries again at once after the first loss', () => {
    expect(retryDelay(0, () => 0.99)).toBe(0);
  });

  it('waits 1–2 s between later attempts, and never gives up', () => {
    expect(retryDelay(1, () => 0)).toBe(1000);
    expect(retryDelay(50, () => 0.999)).toBe(1999);
    expect(retryDelay(10_000, () => 0.5)).toBe(1500);
  });
});
