// The requests behind a responder's step buttons. Which steps show is the server's answer (ResponderAssignment's
// nextSteps, from its state machine and field rules: AssignmentSteps); nothing here decides it.

export const STEPS = ['acknowledge', 'en-route', 'on-scene', 'resolve', 'reinforce', 'hand-over', 'clear', 'decline'] as const;
export type Step = (typeof STEPS)[number];

/** The steps the server offers that this page can take (a step added on the server shows once the page knows it). */
export const knownSteps = (offered: readonly string[]): Step[] => offered.filter((s): s is Step => (STEPS as readonly string[]).includes(s));

/** Steps that need a sentence from the responder (kept in the audit log). */
export const NEEDS_TEXT: ReadonlySet<Step> = new Set<Step>(['resolve', 'reinforce', 'hand-over', 'decline']);

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
