// The triage queue: incidents routing could not decide, urgent ones (danger to life) first, then oldest first, with the reasons, and the two decisions an
// operator makes here: another category (routed again by it) or an organisation by hand.

import { getJson, postJson } from '../common/api';
import { pick } from '../common/i18n';
import { KeyedList } from '../common/keyed-list';
import type { IncidentSummary } from '../common/model';
import { timeOfDay } from '../common/time';
import { candidatesToPick, describeMatch } from './address';
import { ask, type Field } from './dialog';
import { button, el } from './dom';
import { categoryOptions, organisationOptions } from './lookups';
import { PANEL_TEXT } from './panel-text';
import { categoryOf } from './queue';
import { errorText, inLanguage } from '../common/one-language';

const PAGE_SIZE = 200;

export class TriageQueue {
  private readonly waiting = new KeyedList<string, IncidentSummary>((incident) => incident.id);
  private readonly errors = new Map<string, string>();

  constructor(private readonly root: HTMLElement, private readonly count: HTMLElement, private readonly select: (id: string) => void) {}

  async load(): Promise<void> {
    try {
      await this.waiting.load(async () => (await getJson<{ items: IncidentSummary[] }>(`/api/triage?pageSize=${PAGE_SIZE}`)).items);
    } catch (error) {
      console.warn('Could not load the triage queue', error);
    }
    this.render();
  }

  /** Every incident push passes through here: it joins the queue in triage and leaves it once decided. */
  apply(incident: IncidentSummary): void {
    if (incident.status === 'NeedsTriage') this.waiting.put(incident);
    else if (!this.waiting.remove(incident.id)) return;
    this.render();
  }

  render(): void {
    const t = pick(PANEL_TEXT);
    const urgent = (i: IncidentSummary) => (i.routing?.urgent ? 0 : 1);
    const items = this.waiting.values().sort((a, b) => urgent(a) - urgent(b) || Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
    const list = el('ol', { className: 'triage-list', testid: 'triage-list' });
    for (const incident of items) {
      // The model's scoring stays in the details: the headline is what the call is about and where.
      const said = incident.routing?.reasons ?? [];
      const reasons = el('details', { className: 'reasons-box' }, el('summary', { text: t.basis(said.length) }),
        el('ul', { className: 'reasons' }, ...said.map((reason) => el('li', { text: inLanguage(reason) }))));
      const open = el('button', { className: 'link', testid: 'triage-open', text: `${timeOfDay(incident.receivedAt)} · ${categoryOf(incident)} · ${incident.address ?? ''}` });
      open.type = 'button';
      open.addEventListener('click', () => this.select(incident.id));
      const item = el('li', { testid: 'triage-item', className: incident.routing?.urgent ? 'is-urgent' : '', data: { incidentId: incident.id } },
        ...(incident.routing?.urgent ? [el('strong', { className: 'urgent-badge', testid: 'triage-urgent', text: t.urgent })] : []),
        open,
        el('p', { className: 'words', text: incident.description }),
        reasons,
        ...this.addressCandidates(incident),
        el('p', { className: 'detail-actions' },
          button(t.reclassify, 'reclassify', () => void this.decide(incident.id, 'reclassify')),
          button(t.reroute, 'reroute', () => void this.decide(incident.id, 'route'))));
      const error = this.errors.get(incident.id);
      if (error) {
        const line = el('p', { className: 'refusal', testid: 'triage-error', text: error });
        line.setAttribute('role', 'alert');
        item.append(line);
      }
      list.append(item);
    }
    this.root.replaceChildren(items.length ? list : el('p', { className: 'hint', text: t.noTriage }));
    this.count.textContent = t.triageCount(items.length);
    this.count.dataset.count = String(items.length);
  }

  /** The register's candidates for an address that did not place the incident: one click picks one and routes there. */
  private addressCandidates(incident: IncidentSummary): HTMLElement[] {
    const t = pick(PANEL_TEXT);
    const candidates = candidatesToPick(incident.addressMatch);
    if (!candidates.length) return [];
    const list = el('ul', { className: 'address-candidates', testid: 'address-candidates' },
      ...candidates.map((candidate) => el('li', {},
        button(`${t.pickAddress} ${candidate.address}（${candidate.score.toFixed(2)}）`, 'pick-address', () => void this.pickAddress(incident.id, candidate.addressId), 'link'))));
    return [el('p', { className: 'hint', text: `${t.addressCandidates} · ${describeMatch(incident.addressMatch, t) ?? ''}` }), list];
  }

  private async pickAddress(id: string, addressId: string): Promise<void> {
    const t = pick(PANEL_TEXT);
    this.errors.delete(id);
    try {
      this.apply(await postJson<IncidentSummary>(`/api/incidents/${id}/address`, { addressId, reason: t.pickReason }));
    } catch (error) {
      this.errors.set(id, errorText(error));
      this.render();
    }
  }

  private async decide(id: string, action: TriageAction): Promise<void> {
    this.errors.delete(id);
    try {
      const decided = await decideTriage(id, action);
      if (decided) this.apply(decided);
    } catch (error) {
      this.errors.set(id, errorText(error));
      this.render();
    }
  }
}

export type TriageAction = 'reclassify' | 'route';

/**
 * The two decisions of triage, from the queue or from the incident's own panel: another category (chosen from the
 * catalogue by kind, with a search box) or an organisation by hand, each with a reason. Null when cancelled.
 */
export async function decideTriage(id: string, action: TriageAction): Promise<IncidentSummary | null> {
  const t = pick(PANEL_TEXT);
  const choice: Field = action === 'reclassify'
    ? { name: 'categoryCode', label: t.categoryField, options: await categoryOptions(), search: true }
    : { name: 'organisationCode', label: t.organisationField, options: await organisationOptions(), search: true };
  const values = await ask(action === 'reclassify' ? t.reclassify : t.reroute, [choice, { name: 'reason', label: t.reason }]);
  return values ? await postJson<IncidentSummary>(`/api/incidents/${id}/${action}`, values) : null;
}
