// The shapes of /api/audit/breaches, /api/assessment and the incident timeline (camelCase JSON).

export interface Breach {
  incidentId: string;
  kind: string;
  taskOrderId: string | null;
  dueAt: string;
  breachedAt: string;
  lateSeconds: number;
  organisationCode: string | null;
  streetCode: string | null;
  communityCode: string | null;
  /** What happened and where: the incident's category and address, from the same query. */
  categoryName: string | null;
  address: string | null;
}

export interface AssessmentRow {
  code: string; name: string;
  received: number; completed: number; completedOnTime: number; onTimeRate: number | null;
  overdue: number; returned: number; reopened: number;
  evaluated: number; satisfactionRate: number | null;
  incidents: number; clockBreaches: number;
}

export interface AssessmentReport { rows: AssessmentRow[]; total: AssessmentRow; clocksAvailable: boolean }

export interface TimelineEntry { at: string; actor: string; action: string }

/** A rate as people read it: "67%", or a dash when there was nothing to divide by. */
export const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
