// The callers' full numbers, read on demand for calling back: the server masks them everywhere else and audits
// each read, so the page asks only when someone presses the button, and shows the answer as tel: links.

import { getJson } from './api';
import type { CallerPhones } from './model';

export async function revealCallerPhones(incidentId: string): Promise<{ alertId: string; phone: string }[]> {
  const answer = await getJson<CallerPhones>(`/api/incidents/${encodeURIComponent(incidentId)}/caller-phones`);
  return answer.phones;
}

/** A tel: link; the number is text, and only digits, spaces, '+' and '-' reach the href (intake refuses the rest). */
export function telLink(phone: string, label: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = `tel:${phone.replace(/[^0-9+]/g, '')}`;
  link.textContent = label;
  link.dataset.testid = 'caller-tel';
  link.className = 'caller-tel';
  return link;
}
