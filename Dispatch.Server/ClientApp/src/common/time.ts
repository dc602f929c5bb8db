// Instants arrive in UTC; people read them in Beijing time wherever the browser is.

export const TIME_ZONE = 'Asia/Shanghai';

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
// en-CA writes dates as YYYY-MM-DD.
const day = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const minute = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export const timeOfDay = (instant: string | number | Date): string => clock.format(new Date(instant));
export const dateOf = (instant: string | number | Date): string => day.format(new Date(instant));
/** "2026-11-22 14:05", for due times and timelines. */
export const dateTime = (instant: string | number | Date): string => minute.format(new Date(instant)).replace(',', '');

/** "m:ss" left until `dueAt`, or null once it has passed. */
export function countdown(dueAt: string, now: number): string | null {
  const left = Math.round((Date.parse(dueAt) - now) / 1000);
  if (left < 0) return null;
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}
