// How an incident's address matched the standard address register, in words for the detail and triage panels.
// Text only: every part is set with textContent by the callers, never as HTML.

import type { AddressCandidate, AddressLocation } from '../common/model';
import type { PANEL_TEXT } from './panel-text';

type Text = (typeof PANEL_TEXT)['zh'];

/** One line: the matched address, how sure, and whether it placed the incident (or how far it lies from the given point). */
export function describeMatch(match: AddressLocation | null | undefined, t: Text): string | null {
  if (!match) return null;
  const best = match.best;
  if (!best) return t.noAddressMatch;
  const parts = [best.address, t.addressScore(best.score.toFixed(2)), match.used ? t.addressUsed : t.addressNotUsed];
  if (match.distanceFromGivenMetres != null && match.distanceFromGivenMetres > 500) {
    parts.push(t.addressFar(Math.round(match.distanceFromGivenMetres)));
  }
  return parts.join(' · ');
}

/** The entries an operator may pick from: the best first, then the alternatives; none once the address placed the incident. */
export function candidatesToPick(match: AddressLocation | null | undefined): AddressCandidate[] {
  if (!match || match.used) return [];
  return [...(match.best ? [match.best] : []), ...match.alternatives].slice(0, 4);
}
