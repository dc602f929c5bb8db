// The shapes the command screen's panels read (camelCase JSON of the server's records; enums as names).

import type { ClockView } from '../common/clocks';
import type { GeoPoint, IncidentKind, IncidentSummary } from '../common/model';
import type { IncidentLinkage } from './linkage';

export type AssignmentState = 'Dispatched' | 'Acknowledged' | 'EnRoute' | 'OnScene' | 'Cleared' | 'Declined';

export interface AssignmentSummary {
  id: string;
  incidentId: string;
  unitCode: string;
  role: 'Primary' | 'Reinforcement';
  state: AssignmentState;
  dispatchedAt: string;
  dispatchedBy: string;
  overrideReason: string | null;
}

export interface UnitSummary {
  code: string;
  name: string;
  organisation: string;
  kind: string;
  position: GeoPoint | null;
  status: string;
}

export interface RecommendedUnit { unit: UnitSummary; distanceMetres: number; etaSeconds: number; stale: boolean }

export interface StoredAlert {
  alertId: string;
  receivedAt: string;
  description: string;
  address: string | null;
  callerPhone: string | null;
}

export interface StoredGridEvent {
  eventId: string;
  reportedAt: string;
  reporter: string;
  reporterKind: string;
  tier: string;
  description: string;
  gridCode: string | null;
}

export interface TimelineEntry { at: string; actor: string; action: string }

/** `GET /api/incidents/{id}`. */
export interface IncidentDetail {
  incident: IncidentSummary;
  alerts: StoredAlert[];
  timeline: TimelineEntry[];
  gridEvent: StoredGridEvent | null;
  clocks: ClockView[] | null;
  assignments: AssignmentSummary[] | null;
  linkages: IncidentLinkage[] | null;
}

export type TaskOrderStatus = 'Issued' | 'Accepted' | 'DelayRequested' | 'Completed' | 'Evaluated' | 'Closed' | 'Returned' | 'Reopened';

export interface TaskOrderView {
  id: string;
  incidentId: string;
  organisation: { code: string; name: string };
  status: TaskOrderStatus;
  instructions: string;
  issuedAt: string;
  dueAt: string;
  remindAt: string;
  reason: string | null;
  overdue: boolean;
}

export interface CategoryView { code: string; nameZh: string; nameEn: string; kind: IncidentKind }
export interface OrganisationView { code: string; name: string; type: string; typeZh: string }
