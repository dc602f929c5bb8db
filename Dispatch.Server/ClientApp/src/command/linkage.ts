// Linkage hand-off (联动): an incident handed to 119, 120 or 应急 with one action, and the hand-offs made so far, each
// with the reference the operator quotes to the other centre. The server records who and when, and counts the
// hand-off as the centre's response on the respond clock.

import { postJson } from '../common/api';
import type { IncidentLinkage, LinkageService } from '../common/model';
import { pick, type Bilingual } from '../common/i18n';
import { timeOfDay } from '../common/time';
import { ask } from './dialog';
import { button, el } from './dom';

export type { IncidentLinkage, LinkageService } from '../common/model';

export const LINKAGE_SERVICES: readonly LinkageService[] = ['Fire', 'Medical', 'Emergency'];

/** The server keeps the other centre's number to this length (HandToLinkage.MaxReferenceLength). */
const MAX_EXTERNAL_REFERENCE = 64;

export const LINKAGE_TEXT: Bilingual<{
  title: string; none: string; service: Record<LinkageService, string>; handTo: (service: string) => string;
  externalReference: string; note: string; handed: (service: string, reference: string) => string; handedShort: (service: string) => string;
  theirs: (reference: string) => string; by: (actor: string, time: string) => string;
}> = {
  zh: {
    title: '联动移交', none: '未移交其他部门',
    service: { Fire: '119 消防', Medical: '120 急救', Emergency: '应急管理' },
    handTo: (service) => `移交${service}`,
    externalReference: '对方编号（可不填）', note: '告知内容（可不填）',
    handed: (service, reference) => `已移交${service}，编号 ${reference}`,
    handedShort: (service) => `已移交${service}`,
    theirs: (reference) => `对方编号 ${reference}`,
    by: (actor, time) => `${actor} ${time}`,
  },
  en: {
    title: 'Linkage hand-off', none: 'Not handed to another service',
    service: { Fire: '119 fire', Medical: '120 medical', Emergency: 'Emergency management' },
    handTo: (service) => `Hand to ${service}`,
    externalReference: 'Their reference (optional)', note: 'What you told them (optional)',
    handed: (service, reference) => `Handed to ${service}, reference ${reference}`,
    handedShort: (service) => `Handed to ${service}`,
    theirs: (reference) => `their reference ${reference}`,
    by: (actor, time) => `${actor} ${time}`,
  },
};

/** One line per hand-off, for the incident panel and beside its clocks. */
export function describeLinkage(linkage: IncidentLinkage): string {
  const t = pick(LINKAGE_TEXT);
  const parts = [t.handed(t.service[linkage.service] ?? linkage.service, linkage.reference)];
  if (linkage.externalReference) parts.push(t.theirs(linkage.externalReference));
  return parts.join(' · ');
}

/** Beside the clocks: only which service, the panel below gives the references. */
export function shortLinkage(linkage: IncidentLinkage): string {
  const t = pick(LINKAGE_TEXT);
  return t.handedShort(t.service[linkage.service] ?? linkage.service);
}

/**
 * The hand-offs made, and while the incident is open a button for each service not yet handed to. A second
 * hand-off to the same service would only answer the first, so its button is not offered.
 */
export function linkageSection(linkages: readonly IncidentLinkage[], open: boolean, handTo: (service: LinkageService) => void): HTMLElement {
  const t = pick(LINKAGE_TEXT);
  const list = el('ul', { className: 'linkages', testid: 'detail-linkages' });
  for (const linkage of linkages) {
    list.append(el('li', { testid: 'linkage', data: { service: linkage.service } },
      el('span', { text: describeLinkage(linkage) }),
      el('span', { className: 'meta', text: t.by(linkage.actor, timeOfDay(linkage.at)) }),
      ...(linkage.note ? [el('span', { className: 'words', text: linkage.note })] : [])));
  }
  if (!linkages.length) list.append(el('li', { className: 'hint', text: t.none }));
  const bar = el('p', { className: 'detail-actions' });
  if (open) {
    for (const service of LINKAGE_SERVICES.filter((s) => !linkages.some((l) => l.service === s))) {
      bar.append(button(t.handTo(t.service[service]), `link-${service.toLowerCase()}`, () => handTo(service)));
    }
  }
  return el('section', { className: 'detail-section' }, el('h3', { text: t.title }), list, bar);
}

/** Asks for the other centre's number and a note (both optional), then hands off; false when the operator cancels. */
export async function handToLinkage(incidentId: string, service: LinkageService): Promise<boolean> {
  const t = pick(LINKAGE_TEXT);
  const values = await ask(t.handTo(t.service[service]), [
    { name: 'externalReference', label: t.externalReference, optional: true, maxLength: MAX_EXTERNAL_REFERENCE },
    { name: 'note', label: t.note, optional: true },
  ]);
  if (!values) return false;
  await postJson(`/api/incidents/${incidentId}/linkages`, { service, externalReference: values.externalReference || null, note: values.note || null });
  return true;
}
