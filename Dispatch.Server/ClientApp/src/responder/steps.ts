// What a responder may do next with an assignment, and which request does it: the buttons show only these.

export type AssignmentState = 'Dispatched' | 'Acknowledged' | 'EnRoute' | 'OnScene' | 'Cleared' | 'Declined';
export type AssignmentRole = 'Primary' | 'Reinforcement';
export type Step = 'acknowledge' | 'en-route' | 'on-scene' | 'resolve' | 'reinforce' | 'hand-over' | 'clear' | 'decline';

/** Steps that need a sentence from the responder (kept in the audit log). */
export const NEEDS_TEXT: ReadonlySet<Step> = new Set<Step>(['resolve', 'reinforce', 'hand-over', 'decline']);

export const isOpen = (state: AssignmentState): boolean => state !== 'Cleared' && state !== 'Declined';

/**
 * The next allowed steps, the main one first. Mirrors the server's AssignmentTransitions (forward only; decline only
 * before on scene) and its field rules: only the primary on scene resolves, anyone on scene asks for reinforcement,
 * a reinforcement unit clears itself when done.
 */
export function nextSteps(state: AssignmentState, role: AssignmentRole, incidentClosed: boolean): Step[] {
  if (incidentClosed || !isOpen(state)) return [];
  switch (state) {
    case 'Dispatched': return ['acknowledge', 'decline'];
    case 'Acknowledged': return ['en-route', 'decline'];
    case 'EnRoute': return ['on-scene', 'decline'];
    default: return role === 'Primary' ? ['resolve', 'reinforce', 'hand-over'] : ['clear', 'reinforce'];
  }
}

/** The request a step makes. */
export function stepRequest(step: Step, assignmentId: string, incidentId: string, text = '', organisationCode: string | null = null): { url: string; body: object } {
  const assignment = `/api/assignments/${encodeURIComponent(assignmentId)}`;
  const incident = `/api/incidents/${encodeURIComponent(incidentId)}`;
  switch (step) {
    case 'decline': return { url: `${assignment}/decline`, body: { reason: text } };
    case 'resolve': return { url: `${incident}/resolve`, body: { result: text } };
    case 'reinforce': return { url: `${incident}/reinforcements`, body: { reason: text } };
    // Not settled on scene: the case goes to a department as a task order (a dispute to the street's 司法所, say).
    case 'hand-over': return { url: `${incident}/hand-over`, body: organisationCode ? { instructions: text, organisationCode } : { instructions: text } };
    default: return { url: `${assignment}/${step}`, body: {} };
  }
}
