// The task-order steps as the desk offers them: what each asks for and the body it sends. Which steps show is the
// server's answer (the detail's allowedSteps, from the routes' policies and each step's rule); nothing here decides it.

/** The step paths under /api/task-orders/{id}/, in the order their buttons stand. */
export const STEPS = [
  'accept', 'complete', 'request-delay', 'return', 'approve-delay', 'reject-delay', 'evaluate', 'reopen', 'reassign', 'close',
] as const;

export type Step = (typeof STEPS)[number];

/** The citizen's answers from the return call, as the server names them (CitizenRating). */
export const RATINGS = ['Satisfied', 'BasicallySatisfied', 'Dissatisfied'] as const;

/** What a step asks for; `text` names its free text (a comment is optional, a reason or result is not). */
export interface StepInput { text: 'result' | 'reason' | 'comment'; date?: true; rating?: true; organisation?: true }

/** The steps that ask for something first; the others are sent on the click. */
export const INPUT: Partial<Record<Step, StepInput>> = {
  complete: { text: 'result' },
  'request-delay': { text: 'reason', date: true },
  return: { text: 'reason' },
  'reject-delay': { text: 'reason' },
  evaluate: { text: 'comment', rating: true },
  reopen: { text: 'reason' },
  reassign: { text: 'reason', organisation: true },
};

export interface StepForm { text: string; date: string; rating: string; organisation: string }

/** The JSON body of a step from what the form holds. */
export function stepBody(step: Step, form: StepForm): Record<string, string> | undefined {
  const text = form.text.trim();
  switch (step) {
    case 'complete': return { result: text };
    // The last moment of the chosen day in Beijing time, as the server's due times are.
    case 'request-delay': return { reason: text, newDueAt: `${form.date}T23:59:59+08:00` };
    // A blank comment is left out: the server keeps no empty comment.
    case 'evaluate': return text ? { rating: form.rating, comment: text } : { rating: form.rating };
    case 'reassign': return { organisationCode: form.organisation, reason: text };
    case 'return': case 'reject-delay': case 'reopen': return { reason: text };
    default: return undefined;
  }
}

/** The organisations a returned order may go to: every one but the one that returned it (the server refuses that). */
export function reassignChoices<T extends { code: string }>(organisations: readonly T[], current: string): T[] {
  return organisations.filter((o) => o.code !== current);
}
