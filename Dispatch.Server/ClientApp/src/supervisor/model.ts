// The shapes of /api/audit/breaches, /api/assessment and the incident timeline: the server's (../common/model).

export type { AssessmentReport, AssessmentRow, Breach, TimelineEntry } from '../common/model';

/** A rate as people read it: "67%", or a dash when there was nothing to divide by. */
export const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
