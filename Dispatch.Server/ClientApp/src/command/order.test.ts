import { describe, expect, it } from 'vitest';
import type { IncidentSummary } from '../common/model';
import { MAX_CLOSED_ROWS, orderQueue } from './order';

const incident = (id: string, minute: number, status: string, priority?: number): IncidentSummary =>
  ({ id, receivedAt: new Date(Date.UTC(2026, 11, 5, 8, minute)).toISOString(), status, priority, kind: 'Police', description: id, alertCount: 1 }) as unknown as IncidentSummary;

describe('the command queue order', () => {
  it('puts danger to life, then breached clocks, then the newest open work above the closed history', () => {
    const rows = [
      incident('closed-new', 50, 'Closed'),
      incident('open-new', 40, 'Open'),
      incident('breached-old', 1, 'InProgress'),
      incident('urgent-triage', 2, 'NeedsTriage', 1),
      incident('open-old', 3, 'Open'),
    ];
    const { kept } = orderQueue(rows, (id) => id === 'breached-old');
    expect(kept.map((r) => r.id)).toEqual(['urgent-triage', 'breached-old', 'open-new', 'open-old', 'closed-new']);
  });

  it('never drops an open incident, however many closed ones are newer', () => {
    const closed = Array.from({ length: MAX_CLOSED_ROWS + 30 }, (_, i) => incident(`closed-${i}`, 10 + i, 'Closed'));
    const open = Array.from({ length: 250 }, (_, i) => incident(`open-${i}`, i % 10, 'Open'));
    const { kept, dropped } = orderQueue([...closed, ...open], () => false);
    expect(kept.filter((r) => r.status === 'Open')).toHaveLength(250);
    expect(kept.filter((r) => r.status === 'Closed')).toHaveLength(MAX_CLOSED_ROWS);
    expect(dropped.map((r) => r.id)).toEqual(Array.from({ length: 30 }, (_, i) => `closed-${29 - i}`));
  });
});
