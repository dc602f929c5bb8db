// The task-order shapes the server sends (Dispatch.Contracts.TaskOrderView and TaskOrderEndpoints' records).

import type { IncidentSummary } from '../common/model';

export interface TaskOrderView {
  id: string;
  incidentId: string;
  source: string;
  organisation: { code: string; name: string };
  status: string;
  instructions: string;
  categoryCode: string | null;
  /** The incident's category and address (the server joins them in). */
  categoryName: string | null;
  address: string | null;
  workingDays: number;
  issuedAt: string;
  assignedAt: string;
  dueAt: string;
  result: string | null;
  completedAt: string | null;
  rating: string | null;
  reason: string | null;
  requestedDueAt: string | null;
  overdue: boolean;
}

export interface TaskOrderEvent {
  at: string;
  action: string;
  actor: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  rating: string | null;
}

/** `allowedSteps`: the step paths the signed-in person may take now, as the server decides them. */
export interface TaskOrderDetail { order: TaskOrderView; history: TaskOrderEvent[]; incident: IncidentSummary | null; allowedSteps: string[] }
