import { describe, expect, it } from 'vitest';
import { byHourOfDay, periodOf } from './period';

// 23:30 UTC on Sunday 30 November 2025 is already 07:30 on Monday 1 December in Beijing.
const lateSundayUtc = Date.parse('2025-11-30T23:30:00Z');

describe('periodOf', () => {
  it('takes today in Beijing, not in UTC', () => {
    expect(periodOf('today', lateSundayUtc)).toEqual({ from: '2025-12-01', to: '2025-12-01' });
  });

  it('runs a week from Monday to Sunday', () => {
    expect(periodOf('week', lateSundayUtc)).toEqual({ from: '2025-12-01', to: '2025-12-07' });
    expect(periodOf('week', Date.parse('2025-11-30T03:00:00Z'))).toEqual({ from: '2025-11-24', to: '2025-11-30' });
  });

  it('runs a month from its first to its last day, February included', () => {
    expect(periodOf('month', lateSundayUtc)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(periodOf('month', Date.parse('2024-02-10T00:00:00Z'))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('puts a custom period in order and fills a missing end', () => {
    expect(periodOf('custom', lateSundayUtc, { from: '2025-10-09', to: '2025-10-01' })).toEqual({ from: '2025-10-01', to: '2025-10-09' });
    expect(periodOf('custom', lateSundayUtc, { from: '2025-10-09', to: '' })).toEqual({ from: '2025-10-09', to: '2025-10-09' });
  });
});

describe('byHourOfDay', () => {
  it('counts by the Beijing hour', () => {
    const hours = byHourOfDay(['2025-10-01T16:10:00Z', '2025-10-01T16:50:00Z', '2025-10-01T01:00:00Z']);
    expect(hours).toHaveLength(24);
    expect(hours[0]).toBe(2);
    expect(hours[9]).toBe(1);
    expect(hours.reduce((a, b) => a + b)).toBe(3);
  });
});
