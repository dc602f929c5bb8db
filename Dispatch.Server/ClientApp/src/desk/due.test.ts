import { describe, expect, it } from 'vitest';
import { byUrgency, dueState, nextDate, WorkCalendar } from './due';

// 2025: 国庆 1–8 October off, Sunday 28 September and Saturday 11 October make-up working days.
const national = new WorkCalendar([
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ name: '国庆节', date: `2025-10-${d}`, isOffDay: true })),
  { name: '国庆节', date: '2025-09-28', isOffDay: false },
  { name: '国庆节', date: '2025-10-11', isOffDay: false },
]);
const at = (text: string) => Date.parse(text);

describe('WorkCalendar', () => {
  it('follows the notice: holidays off, make-up weekend days on, else Monday–Friday', () => {
    expect(national.isWorkingDay('2025-10-03')).toBe(false); // a Friday in the holiday
    expect(national.isWorkingDay('2025-10-11')).toBe(true); // a make-up Saturday
    expect(national.isWorkingDay('2025-10-12')).toBe(false); // Sunday
    expect(national.isWorkingDay('2025-10-13')).toBe(true);
  });

  it('counts the working days after the first date up to the second, across month ends', () => {
    expect(national.workingDaysBetween('2025-09-30', '2025-10-10')).toBe(2); // 9 and 10 October
    expect(national.workingDaysBetween('2025-10-10', '2025-10-10')).toBe(0);
    expect(nextDate('2025-12-31')).toBe('2026-01-01');
  });
});

describe('dueState', () => {
  const due = '2025-10-14T15:59:59Z'; // 23:59:59 on Tuesday 14 October, Beijing time

  it('counts working days left, the day itself not counted', () => {
    // Thursday 9 October, 10:00 Beijing: Friday 10, make-up Saturday 11, Monday 13, Tuesday 14.
    expect(dueState(due, at('2025-10-09T02:00:00Z'), national)).toEqual({ urgency: 'ok', workingDays: 4, hours: 133 });
  });

  it('is amber from the working day before the due day, and on it', () => {
    expect(dueState(due, at('2025-10-13T02:00:00Z'), national).urgency).toBe('soon');
    expect(dueState(due, at('2025-10-14T14:00:00Z'), national)).toEqual({ urgency: 'soon', workingDays: 0, hours: 1 });
  });

  it('is overdue one second after the due instant, with the hours late rounded up', () => {
    expect(dueState(due, at('2025-10-14T16:00:00Z'), national)).toEqual({ urgency: 'overdue', workingDays: 0, hours: 1 });
  });
});

describe('byUrgency', () => {
  it('puts open orders first by due time, then finished ones newest first', () => {
    const order = (id: string, status: string, dueAt: string, assignedAt = '2025-10-01T00:00:00Z') => ({ id, status, dueAt, assignedAt });
    const sorted = byUrgency([
      order('done-old', 'Completed', '2025-10-01T00:00:00Z', '2025-09-01T00:00:00Z'),
      order('late', 'Accepted', '2025-10-20T00:00:00Z'),
      order('done-new', 'Closed', '2025-10-01T00:00:00Z', '2025-09-20T00:00:00Z'),
      order('soon', 'Issued', '2025-10-10T00:00:00Z'),
    ]);
    expect(sorted.map((o) => o.id)).toEqual(['soon', 'late', 'done-new', 'done-old']);
  });
});
