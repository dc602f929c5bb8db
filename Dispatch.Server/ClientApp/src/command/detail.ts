// One incident in full: every caller's words, where it is and who answers for it, its clocks, the units on it and
// the units recommended, one-click dispatch, hand-over and resolve, and its timeline. Redrawn from the server on
// every push that concerns it, so it never goes stale.

import { actionLabel } from '../common/actions';
import { revealCallerPhones, telLink } from '../common/caller-phones';
import { ApiError, getJson, postJson } from '../common/api';
import { type ClockBoard } from '../common/clocks';
import { currentLang, pick } from '../common/i18n';
import { dateTime, timeOfDay } from '../common/time';
import { describeMatch } from './address';
import { ask } from './dialog';
import { button, el } from './dom';
import { formatDistance, formatEta, maskPhone } from './format';
import { organisationOptions } from './lookups';
import { PANEL_TEXT } from './panel-text';
import { handToLinkage, shortLinkage, linkageSection, type LinkageService } from './linkage';
import { decideTriage, type TriageAction } from './triage';
import { categoryOf, kindOf } from './queue';
import { TEXT } from './text';
import type { IncidentDetail, RecommendedUnit } from './types';
import { actorName, errorText, inLanguage } from '../common/one-language';

const RELOAD_DELAY_MS = 250;

/** A refused dispatch: the server's sentence, kept until the next dispatch so a redraw does not lose it. */
interface Refusal { unit: string; message: string; busy: boolean }

export class IncidentDetailPanel {
  private id: string | null = null;
  private detail: IncidentDetail | null = null;
  private recommended: RecommendedUnit[] = [];
  private noRecommendation = '';
  private refusal: Refusal | null = null;
  private actionError = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly root: HTMLElement, private readonly clocks: ClockBoard) {}

  get incidentId(): string | null {
    return this.id;
  }

  async open(id: string): Promise<void> {
    if (id !== this.id) {
      this.refusal = null;
      this.actionError = '';
    }
    this.id = id;
    await this.load();
  }

  /** Many pushes arrive together (a dispatch moves the incident, the assignment and the unit): read once after them. */
  reloadSoon(): void {
    if (!this.id) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), RELOAD_DELAY_MS);
  }

  /** Whether a unit's change can alter what the panel shows (its assignments or its recommendations). */
  shows(unitCode: string): boolean {
    return this.recommended.some((r) => r.unit.code === unitCode) || (this.detail?.assignments ?? []).some((a) => a.unitCode === unitCode);
  }

  tick(): void {
    const cell = this.root.querySelector<HTMLElement>('[data-testid=detail-clocks]');
    if (!cell || !this.id) return;
    this.clocks.fill(cell, this.id);
    // The clocks say when the incident went to another service: the respond clock was met by that hand-off.
    for (const linkage of this.detail?.linkages ?? []) cell.append(el('span', { className: 'clock-linkage', testid: 'clock-linkage', text: shortLinkage(linkage) }));
  }

  private async load(): Promise<void> {
    const id = this.id;
    if (!id) return;
    try {
      const [detail, recommended] = await Promise.all([
        getJson<IncidentDetail>(`/api/incidents/${id}`),
        getJson<{ units: RecommendedUnit[] }>(`/api/incidents/${id}/recommendations`).then(
          (answer) => ({ units: answer.units, why: '' }),
          (error: unknown) => ({ units: [] as RecommendedUnit[], why: errorText(error) })),
      ]);
      if (id !== this.id) return;
      this.detail = detail;
      this.recommended = recommended.units;
      this.noRecommendation = recommended.why;
      for (const view of detail.clocks ?? []) this.clocks.set(view);
    } catch (error) {
      this.actionError = errorText(error);
    }
    this.render();
  }

  render(): void {
    const t = pick(PANEL_TEXT);
    const detail = this.detail;
    if (!detail) {
      this.root.replaceChildren(el('p', { className: 'hint', text: t.pickIncident }));
      return;
    }
    const incident = detail.incident;
    const q = pick(TEXT);
    const where = incident.jurisdiction;
    const layers = [
      [t.areaLayers.community, where?.community?.name ?? where?.street?.name],
      [t.areaLayers.grid, where?.grid?.name],
      [t.areaLayers.precinct, where?.precinct?.name],
    ].filter(([, name]) => name).map(([layer, name]) => `${layer}：${name}`);

    const heading = el('h2', { className: 'detail-heading' },
      el('span', { className: 'badge', text: q.kind[kindOf(incident)], data: { kind: kindOf(incident) } }),
      el('span', { text: ` ${categoryOf(incident)} ` }),
      el('span', { className: 'pill', testid: 'detail-status', text: q.status[incident.status] ?? incident.status, data: { status: incident.status } }));

    const facts = el('dl', { className: 'facts' },
      ...fact(t.address, incident.address ?? '—', 'detail-address'),
      ...(incident.addressMatch ? fact(t.addressMatch, describeMatch(incident.addressMatch, t) ?? '—', 'detail-address-match') : []),
      ...fact(t.area, layers.join(' · ') || q.noArea, 'detail-area'),
      ...fact(t.category, `${categoryOf(incident)} · ${q.kind[kindOf(incident)]}`, 'detail-category'),
      ...fact(t.organisation, incident.routing?.organisation?.name ?? inLanguage(incident.routing?.reasons.at(-1) ?? '—'), 'detail-organisation'),
      ...fact(t.clocks, '', 'detail-clocks'));

    this.root.replaceChildren(heading, facts, this.callers(detail), this.assignments(detail), this.recommendations(), this.actions(),
      linkageSection(detail.linkages ?? [], incident.status !== 'Closed', (service) => void this.link(service)), this.timeline(detail));
    this.root.dataset.incidentId = incident.id;
    this.tick();
  }

  private callers(detail: IncidentDetail): HTMLElement {
    const t = pick(PANEL_TEXT);
    const list = el('ol', { className: 'callers-list', testid: 'detail-callers' });
    for (const alert of detail.alerts) {
      const meta = el('span', { className: 'meta', text: `${timeOfDay(alert.receivedAt)} · ${t.caller(maskPhone(alert.callerPhone))}` });
      if (alert.callerPhone) {
        const reveal = button(t.revealPhone, 'reveal-phone', () => void this.revealPhone(detail.incident.id, alert.alertId, reveal));
        meta.append(' ', reveal);
      }
      list.append(el('li', { testid: 'caller' }, meta, el('span', { className: 'words', text: alert.description })));
    }
    const event = detail.gridEvent;
    if (event) {
      list.append(el('li', { testid: 'grid-event' },
        el('span', { className: 'meta', text: `${timeOfDay(event.reportedAt)} · ${t.gridEvent} · ${t.eventReporter(event.reporter, event.tier)}` }),
        el('span', { className: 'words', text: event.description })));
    }
    return section(t.callers, list);
  }

  private assignments(detail: IncidentDetail): HTMLElement {
    const t = pick(PANEL_TEXT);
    const list = el('ul', { className: 'units', testid: 'detail-assignments' });
    for (const assignment of detail.assignments ?? []) {
      list.append(el('li', { testid: 'assignment', data: { unit: assignment.unitCode, state: assignment.state } },
        el('strong', { text: assignment.unitCode }),
        el('span', { className: 'role', text: t.role[assignment.role] ?? assignment.role }),
        el('span', { className: 'state', text: t.assignmentState[assignment.state] ?? assignment.state }),
        el('span', { className: 'meta', text: timeOfDay(assignment.dispatchedAt) })));
    }
    if (!list.children.length) list.append(el('li', { className: 'hint', text: t.noAssignments }));
    return section(t.assignments, list);
  }

  private recommendations(): HTMLElement {
    const t = pick(PANEL_TEXT);
    const list = el('ul', { className: 'units', testid: 'detail-recommendations' });
    const closed = this.detail?.incident.status === 'Closed';
    for (const { unit, distanceMetres, etaSeconds, stale } of closed ? [] : this.recommended) {
      const item = el('li', { testid: 'recommendation', data: { unit: unit.code } },
        el('strong', { text: unit.code }),
        el('span', { text: unit.name }),
        el('span', { className: 'distance', testid: 'distance', text: formatDistance(distanceMetres) }),
        el('span', { className: 'eta', testid: 'eta', text: formatEta(etaSeconds, currentLang()) + (stale ? ' ?' : '') }),
        el('span', { className: 'state', text: t.unitStatus[unit.status] ?? unit.status }),
        button(t.dispatch, 'dispatch', () => void this.dispatch(unit.code, null)));
      list.append(item);
    }
    if (!list.children.length) list.append(el('li', { className: 'hint', text: this.noRecommendation || t.noRecommendations }));
    const refusal = this.refusal;
    const children: HTMLElement[] = [list];
    if (refusal) {
      const box = el('p', { className: 'refusal', testid: 'dispatch-refusal', text: refusal.message });
      box.setAttribute('role', 'alert');
      if (refusal.busy) box.append(button(t.dispatchAnyway, 'dispatch-anyway', () => void this.dispatchAnyway(refusal.unit)));
      children.push(box);
    }
    return section(t.recommendations, ...children);
  }

  private actions(): HTMLElement {
    const t = pick(PANEL_TEXT);
    const bar = el('p', { className: 'detail-actions' });
    if (this.detail?.incident.status === 'NeedsTriage') {
      // Triage from the incident's own panel: the operator reading it decides here, without finding it in the queue.
      bar.append(button(t.reclassify, 'detail-reclassify', () => void this.triage('reclassify')),
        button(t.reroute, 'detail-reroute', () => void this.triage('route')));
    }
    if (this.detail?.incident.status !== 'Closed') {
      bar.append(button(t.handOver, 'hand-over', () => void this.handOver()), button(t.resolve, 'resolve', () => void this.resolve()));
    }
    if (this.actionError) {
      const error = el('span', { className: 'refusal', testid: 'action-error', text: this.actionError });
      error.setAttribute('role', 'alert');
      bar.append(error);
    }
    return bar;
  }

  private timeline(detail: IncidentDetail): HTMLElement {
    const list = el('ol', { className: 'timeline', testid: 'detail-timeline' });
    for (const step of detail.timeline) {
      const at = el('time', { text: dateTime(step.at) });
      at.dateTime = step.at;
      list.append(el('li', {}, at, el('span', { className: 'action-name', text: actionLabel(step.action), data: { action: step.action } }), el('span', { className: 'meta', text: actorName(step.actor) })));
    }
    return section(pick(PANEL_TEXT).timeline, list);
  }

  private async dispatch(unit: string, overrideReason: string | null): Promise<void> {
    const id = this.id;
    if (!id) return;
    this.refusal = null;
    try {
      // No role: the server sends the primary unit, or a reinforcement when the incident already has one.
      const body = overrideReason === null
        ? { units: [{ code: unit }] }
        : { units: [{ code: unit }], override: true, reason: overrideReason };
      await postJson(`/api/incidents/${id}/dispatch`, body);
    } catch (error) {
      // A busy unit is 409 naming its work: the operator may still send it, with a reason kept in the audit log —
      // only when the server says an override would do (a unit already on this incident stays refused).
      this.refusal = error instanceof ApiError
        ? { unit, message: error.message, busy: error.status === 409 && overridable(error.problem) }
        : { unit, message: errorText(error), busy: false };
    }
    await this.load();
  }

  private async triage(action: TriageAction): Promise<void> {
    const id = this.id;
    if (!id) return;
    this.actionError = '';
    try {
      await decideTriage(id, action);
    } catch (error) {
      this.actionError = errorText(error);
    }
    await this.load();
  }

  /** The full number, read (and audited) only when the operator asks, shown as a link to call. */
  private async revealPhone(incidentId: string, alertId: string, where: HTMLElement): Promise<void> {
    try {
      const phone = (await revealCallerPhones(incidentId)).find((p) => p.alertId === alertId)?.phone;
      where.replaceWith(phone ? telLink(phone, phone) : document.createTextNode(pick(PANEL_TEXT).noPhone));
    } catch (error) {
      this.actionError = errorText(error);
      this.render();
    }
  }

  private async dispatchAnyway(unit: string): Promise<void> {
    const t = pick(PANEL_TEXT);
    const values = await ask(`${t.dispatchAnyway} ${unit}`, [{ name: 'reason', label: t.overrideReason }]);
    if (values) await this.dispatch(unit, values.reason);
  }

  private async handOver(): Promise<void> {
    const t = pick(PANEL_TEXT);
    const options = await organisationOptions().catch(() => undefined);
    const values = await ask(t.handOver, [
      ...(options ? [{ name: 'organisationCode', label: t.organisationField, options, value: this.detail?.incident.routing?.organisation?.code }] : []),
      { name: 'instructions', label: t.instructions },
    ]);
    if (values) await this.act('hand-over', values);
  }

  private async link(service: LinkageService): Promise<void> {
    const id = this.id;
    if (!id) return;
    this.actionError = '';
    try {
      if (!await handToLinkage(id, service)) return;
    } catch (error) {
      this.actionError = errorText(error);
    }
    await this.load();
  }

  private async resolve(): Promise<void> {
    const t = pick(PANEL_TEXT);
    const values = await ask(t.resolve, [{ name: 'result', label: t.result }]);
    if (values) await this.act('resolve', values);
  }

  private async act(path: string, body: Record<string, string>): Promise<void> {
    this.actionError = '';
    try {
      await postJson(`/api/incidents/${this.id}/${path}`, body);
    } catch (error) {
      this.actionError = errorText(error);
    }
    await this.load();
  }
}

function fact(term: string, value: string, testid: string): HTMLElement[] {
  return [el('dt', { text: term }), el('dd', { testid, text: value })];
}

function section(title: string, ...content: HTMLElement[]): HTMLElement {
  return el('section', { className: 'detail-section' }, el('h3', { text: title }), ...content);
}

function overridable(problem: unknown): boolean {
  const conflicts = (problem as { conflicts?: { overridable?: boolean }[] } | undefined)?.conflicts;
  return Array.isArray(conflicts) && conflicts.length > 0 && conflicts.every((c) => c.overridable === true);
}
