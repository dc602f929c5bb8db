// 力量: every unit the operator may see, with its status, how old its position is and the incident it works on;
// filtered by organisation and status. An available unit — any precinct's, not only the recommended ones — is sent
// to the incident open in the detail with one click (the server makes it the primary or a reinforcement).

import { getJson, postJson } from '../common/api';
import { pick } from '../common/i18n';
import { KeyedList } from '../common/keyed-list';
import type { GeoPoint } from '../common/model';
import { button, el } from './dom';
import { organisationOptions } from './lookups';
import { PANEL_TEXT } from './panel-text';
import { errorText } from '../common/one-language';

export interface BoardUnit {
  code: string; name: string; organisation: string; status: string; position: GeoPoint | null;
  ageSeconds?: number | null; stale?: boolean; positionAt?: string | null; currentIncidentId?: string | null;
}

const STATUS_ORDER = ['Available', 'Dispatched', 'EnRoute', 'OnScene', 'Busy', 'OffDuty'];

export class UnitBoard {
  private readonly units = new KeyedList<string, BoardUnit>((unit) => unit.code);
  private organisations = new Map<string, string>();
  private organisation = '';
  private status = '';
  private error = '';
  private reload: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly count: HTMLElement,
    private readonly selected: () => string | null,
    private readonly open: (incidentId: string) => void,
  ) {}

  async load(): Promise<void> {
    try {
      await this.units.load(async () => {
        const [units, organisations] = await Promise.all([getJson<BoardUnit[]>('/api/units'), organisationOptions().catch(() => [])]);
        this.organisations = new Map((organisations ?? []).map((o) => [o.value, o.label]));
        return units;
      });
    } catch (error) {
      console.warn('Could not load the units', error);
    }
    this.render();
  }

  /** A unit's push: status and position, merged into what the read said of it; the position is fresh again. */
  applyUnit(unit: BoardUnit): void {
    this.units.update(unit.code, (known) =>
      ({ ...known, ...unit, ageSeconds: unit.positionAt ? Math.max(0, (Date.now() - Date.parse(unit.positionAt)) / 1000) : known?.ageSeconds ?? null }));
    this.render();
  }

  /**
   * An assignment's push: which incident each unit works on now is the server's answer (GET /api/units), not a rule
   * kept here, so the board reads it again; a burst of pushes (a dispatch, then its acknowledgement) is one read.
   */
  assignmentChanged(): void {
    if (this.reload !== undefined) return;
    this.reload = setTimeout(() => {
      this.reload = undefined;
      void this.load();
    }, 250);
  }

  render(): void {
    const t = pick(PANEL_TEXT);
    const all = this.units.values();
    const shown = all
      .filter((u) => (!this.organisation || u.organisation === this.organisation) && (!this.status || u.status === this.status))
      .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.code.localeCompare(b.code));

    const organisation = el('select', { testid: 'unit-filter-organisation' });
    organisation.append(new Option(t.unitAll, ''), ...[...new Set(all.map((u) => u.organisation))].sort()
      .map((code) => new Option(this.organisations.get(code) ?? code, code)));
    organisation.value = this.organisation;
    organisation.addEventListener('change', () => {
      this.organisation = organisation.value;
      this.render();
    });
    const status = el('select', { testid: 'unit-filter-status' });
    status.append(new Option(t.unitStatusAll, ''), ...STATUS_ORDER.map((s) => new Option(t.unitStatus[s] ?? s, s)));
    status.value = this.status;
    status.addEventListener('change', () => {
      this.status = status.value;
      this.render();
    });

    const incident = this.selected();
    const body = el('tbody');
    for (const unit of shown) {
      const working = unit.currentIncidentId
        ? button(t.openIncident, 'unit-incident', () => this.open(unit.currentIncidentId!), 'link')
        : el('span', { className: 'hint', text: '—' });
      const act = unit.status === 'Available' && incident
        ? button(t.unitDispatchHere, 'unit-dispatch', () => void this.dispatch(unit.code, incident))
        : el('span');
      body.append(el('tr', { testid: 'unit-row', data: { unit: unit.code, status: unit.status } },
        el('td', {}, el('strong', { text: unit.code }), el('span', { className: 'meta', text: ` ${unit.name}` })),
        el('td', { text: this.organisations.get(unit.organisation) ?? unit.organisation }),
        el('td', { className: 'state', text: t.unitStatus[unit.status] ?? unit.status }),
        el('td', { className: unit.stale ? 'stale' : '', text: t.unitAge(unit.ageSeconds ?? null, unit.stale ?? false) }),
        el('td', {}, working), el('td', {}, act)));
    }
    const children: HTMLElement[] = [el('p', { className: 'unit-filters' }, organisation, status)];
    if (!incident) children.push(el('p', { className: 'hint', text: t.unitNoIncident }));
    if (this.error) {
      const line = el('p', { className: 'refusal', testid: 'unit-error', text: this.error });
      line.setAttribute('role', 'alert');
      children.push(line);
    }
    children.push(shown.length ? el('table', { className: 'board-table unit-table', testid: 'unit-table' }, body) : el('p', { className: 'hint', text: t.noUnits }));
    this.root.replaceChildren(...children);
    this.count.textContent = t.unitsCount(all.filter((u) => u.status === 'Available').length, all.length);
  }

  private async dispatch(unit: string, incidentId: string): Promise<void> {
    this.error = '';
    try {
      await postJson(`/api/incidents/${incidentId}/dispatch`, { units: [{ code: unit }] });
    } catch (error) {
      this.error = errorText(error);
    }
    this.render();
  }
}
