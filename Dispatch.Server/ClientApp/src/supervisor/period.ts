// Periods in Beijing time, as the assessment counts them: dates (YYYY-MM-DD) that /api/assessment and
// /api/audit/breaches read as whole days in Asia/Shanghai, `to` included.

import { dateOf } from '../common/time';

export type PeriodKind = 'today' | 'week' | 'month' | 'custom';
export interface Period { from: string; to: string }

const shift = (date: string, days: number): string => {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
};

/** Today, this week (Monday to Sunday) or this month in Beijing, wherever the browser is; custom as given, in order. */
export function periodOf(kind: PeriodKind, now: number, custom?: Period): Period {
  const today = dateOf(now);
  switch (kind) {
    case 'today':
      return { from: today, to: today };
    case 'week': {
      const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
      const monday = shift(today, -weekday);
      return { from: monday, to: shift(monday, 6) };
    }
    case 'month': {
      const first = `${today.slice(0, 7)}-01`;
      const next = new Date(`${first}T00:00:00Z`);
      next.setUTCMonth(next.getUTCMonth() + 1);
      return { from: first, to: shift(next.toISOString().slice(0, 10), -1) };
    }
    case 'custom': {
      const from = custom?.from || today, to = custom?.to || from;
      return from <= to ? { from, to } : { from: to, to: from };
    }
  }
}

/** The hour of day (0–23) of an instant in Beijing time. */
export const beijingHour = (instant: string): number => new Date(Date.parse(instant) + 8 * 3_600_000).getUTCHours();

/** How many breaches were recorded in each hour of the day, Beijing time. */
export function byHourOfDay(instants: readonly string[]): number[] {
  const hours = Array.from({ length: 24 }, () => 0);
  for (const instant of instants) hours[beijingHour(instant)]++;
  return hours;
}
