// How long a task order has left, in the words a department uses. Whether it is fine, due soon or overdue, and how
// many working days it has left, are the server's answer (TaskOrderView.dueState and workingDaysLeft, decided once by
// TaskOrderDue on the holiday calendar): the desk shows them as the command screen does. Only the hours on the due day
// (or how late) are counted here, from the due instant, so the countdown moves between the server's answers.

import type { TaskOrderDueState, TaskOrderView } from './model';

const HOUR = 3_600_000;

export type Urgency = Lowercase<TaskOrderDueState>;

/** `workingDays`: the server's working days left; `hours`: until the due instant, or how late once overdue. */
export interface Countdown { urgency: Urgency; workingDays: number; hours: number }

/** The countdown of an order whose deadline runs; null for one whose deadline does not (the server sends no due state). */
export function countdown(order: Pick<TaskOrderView, 'dueAt' | 'dueState' | 'workingDaysLeft'>, now: number): Countdown | null {
  if (!order.dueState) return null;
  const due = Date.parse(order.dueAt);
  const urgency = order.dueState.toLowerCase() as Urgency;
  const hours = urgency === 'overdue' ? Math.ceil(Math.max(0, now - due) / HOUR) : Math.floor(Math.max(0, due - now) / HOUR);
  return { urgency, workingDays: order.workingDaysLeft ?? 0, hours };
}

/** The organisation holds the work and its deadline runs: the server sends a due state for exactly these. */
export const isRunning = (order: Pick<TaskOrderView, 'dueState'>): boolean => order.dueState != null;

/** Open orders first, soonest due first; then the finished ones, most recently assigned first. */
export function byUrgency<T extends Pick<TaskOrderView, 'id' | 'dueState' | 'dueAt' | 'assignedAt'>>(orders: readonly T[]): T[] {
  return [...orders].sort((a, b) => {
    const openA = isRunning(a), openB = isRunning(b);
    if (openA !== openB) return openA ? -1 : 1;
    const order = openA ? Date.parse(a.dueAt) - Date.parse(b.dueAt) : Date.parse(b.assignedAt) - Date.parse(a.assignedAt);
    return order || a.id.localeCompare(b.id);
  });
}
