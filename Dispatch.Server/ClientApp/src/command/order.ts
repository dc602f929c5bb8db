// The order of the command queue: open work first and never trimmed away — danger to life (priority 1), then
// breached clocks, then the newest — and below it the closed history, newest first.

import type { IncidentSummary } from '../common/model';

/** Closed incidents kept below the open ones; open ones are never dropped, however many there are. */
export const MAX_CLOSED_ROWS = 100;

export const isOpen = (incident: IncidentSummary): boolean => incident.status !== 'Closed';

export function compareQueue(a: IncidentSummary, b: IncidentSummary, breached: (id: string) => boolean): number {
  const rank = (incident: IncidentSummary) =>
    !isOpen(incident) ? 3 : incident.priority === 1 ? 0 : breached(incident.id) ? 1 : 2;
  return rank(a) - rank(b)
    || Date.parse(b.receivedAt) - Date.parse(a.receivedAt)
    || a.id.localeCompare(b.id);
}

/** The queue's rows in order, and the closed ones beyond the kept history. */
export function orderQueue(incidents: IncidentSummary[], breached: (id: string) => boolean): { kept: IncidentSummary[]; dropped: IncidentSummary[] } {
  const sorted = [...incidents].sort((a, b) => compareQueue(a, b, breached));
  const openCount = sorted.filter(isOpen).length;
  return { kept: sorted.slice(0, openCount + MAX_CLOSED_ROWS), dropped: sorted.slice(openCount + MAX_CLOSED_ROWS) };
}
