// How long a task order has left, in the words a department uses: working days, then hours on the due day.
// Pure: the calendar days come from /api/calendar/years/{year}; a year without a notice counts Monday–Friday, as the server does.

import { dateOf } from '../common/time';

export interface HolidayDay { name: string; date: string; isOffDay: boolean }

/** Working days per the State Council notices: listed holidays off, listed make-up days on, else Monday–Friday. */
export class WorkCalendar {
  private readonly listed = new Map<string, boolean>();

  constructor(days: readonly HolidayDay[] = []) {
    for (const day of days) this.listed.set(day.date, !day.isOffDay);
  }

  isWorkingDay(date: string): boolean {
    const listed = this.listed.get(date);
    if (listed !== undefined) return listed;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** Working days after `from` up to and including `to` (both YYYY-MM-DD); 0 when `to` is not after `from`. */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = nextDate(from); day <= to; day = nextDate(day)) if (this.isWorkingDay(day)) count++;
    return count;
  }
}

export const nextDate = (date: string): string => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
};

const HOUR = 3_600_000;

/**
 * overdue: past due (red); soon: the due day is today or the next working day (amber, as the server's reminder
 * at 00:00 of the due day); ok otherwise. `workingDays` counts those after today up to the due day, the day of
 * issue not counted (民法典 art. 201); `hours` is what is left until the due instant (or how late, when overdue).
 */
export interface DueState { urgency: 'overdue' | 'soon' | 'ok'; workingDays: number; hours: number }

export function dueState(dueAt: string, now: number, calendar: WorkCalendar): DueState {
  const due = Date.parse(dueAt);
  if (now > due) return { urgency: 'overdue', workingDays: 0, hours: Math.ceil((now - due) / HOUR) };
  const workingDays = calendar.workingDaysBetween(dateOf(now), dateOf(due));
  return { urgency: workingDays <= 1 ? 'soon' : 'ok', workingDays, hours: Math.floor((due - now) / HOUR) };
}

/** The statuses in which the organisation holds the work and its deadline runs (TaskOrder.Running on the server). */
export const RUNNING = new Set(['Issued', 'Accepted', 'DelayRequested', 'Reopened']);

/** Open orders first, soonest due first; then the finished ones, most recently assigned first. */
export function byUrgency<T extends { id: string; status: string; dueAt: string; assignedAt: string }>(orders: readonly T[]): T[] {
  return [...orders].sort((a, b) => {
    const openA = RUNNING.has(a.status), openB = RUNNING.has(b.status);
    if (openA !== openB) return openA ? -1 : 1;
    const order = openA ? Date.parse(a.dueAt) - Date.parse(b.dueAt) : Date.parse(b.assignedAt) - Date.parse(a.assignedAt);
    return order || a.id.localeCompare(b.id);
  });
}
