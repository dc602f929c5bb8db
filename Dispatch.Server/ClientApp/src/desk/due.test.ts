import { describe, expect, it } from 'vitest';
import { byUrgency, countdown, isRunning } from './due';

const at = (text: string) => Date.parse(text);
const due = '2025-10-14T15:59:59Z'; // 23:59:59 on Tuesday 14 October, Beijing time

describe('countdown', () => {
  it('shows the server\'s due state and working days left', () => {
    expect(countdown({ dueAt: due, dueState: 'Ok', workingDaysLeft: 4 }, at('2025-10-09T02:00:00Z'))).toEqual({ urgency: 'ok', workingDays: 4, hours: 133 });
  });

  it('counts the hours left on the due day', () => {
    expect(countdown({ dueAt: due, dueState: 'Soon', workingDaysLeft: 0 }, at('2025-10-14T14:00:00Z'))).toEqual({ urgency: 'soon', workingDays: 0, hours: 1 });
  });

  it('counts the hours late once overdue, rounded up', () => {
    expect(countdown({ dueAt: due, dueState: 'Overdue', workingDaysLeft: 0 }, at('2025-10-14T16:00:00Z'))).toEqual({ urgency: 'overdue', workingDays: 0, hours: 1 });
  });

  it('shows nothing for an order whose deadline does not run', () => {
    expect(countdown({ dueAt: due, dueState: null, workingDaysLeft: null }, at('2025-10-20T00:00:00Z'))).toBeNull();
    expect(isRunning({ dueState: null })).toBe(false);
  });
});

describe('byUrgency', () => {
  it('puts open orders first by due time, then finished ones newest first', () => {
    const order = (id: string, dueState: 'Ok' | null, dueAt: string, assignedAt = '2025-10-01T00:00:00Z') => ({ id, dueState, dueAt, assignedAt });
    const sorted = byUrgency([
      order('done-old', null, '2025-10-01T00:00:00Z', '2025-09-01T00:00:00Z'),
      order('late', 'Ok', '2025-10-20T00:00:00Z'),
      order('done-new', null, '2025-10-01T00:00:00Z', '2025-09-20T00:00:00Z'),
      order('soon', 'Ok', '2025-10-10T00:00:00Z'),
    ]);
    expect(sorted.map((o) => o.id)).toEqual(['soon', 'late', 'done-new', 'done-old']);
  });
});
