// The command screen's live map: every open incident the queue holds and every unit, kept current by the hub.
// Clicking an incident chooses it, as clicking its row does.

import type { HubConnection } from '@microsoft/signalr';
import { getJson } from '../common/api';
import { onLanguage, pick } from '../common/i18n';
import { KeyedList } from '../common/keyed-list';
import { DispatchMap, markerStyle } from '../common/map';
import type { GeoPoint, IncidentSummary } from '../common/model';
import { button } from './dom';
import { TEXT } from './text';

interface Unit { code: string; name: string; organisation: string; position: GeoPoint | null; status: string }

const UNIT_TEXT = { zh: { Available: '空闲', Dispatched: '已派', EnRoute: '途中', OnScene: '到场', Busy: '忙碌', OffDuty: '下班' },
  en: { Available: 'available', Dispatched: 'dispatched', EnRoute: 'en route', OnScene: 'on scene', Busy: 'busy', OffDuty: 'off duty' } };

export class CommandMap {
  private readonly map: DispatchMap;
  // Every unit the map knows, read and pushed: a push that lands while a read is in flight survives the read's answer.
  private readonly units = new KeyedList<string, Unit>((unit) => unit.code);

  constructor(element: HTMLElement, private readonly select: (id: string) => void) {
    this.map = new DispatchMap(element);
    this.addControls(element.closest<HTMLElement>('.map-pane') ?? element);
  }

  /** 全区 (back to the whole jurisdiction), 全屏 (the map alone on the wall; Esc returns), and what the colours mean. */
  private addControls(pane: HTMLElement): void {
    const bar = document.createElement('div');
    bar.className = 'map-buttons leaflet-bar';
    const whole = button('', 'map-whole-area', () => this.map.overview(), '');
    const full = button('', 'map-full-screen', () => setFull(!pane.classList.contains('is-full')), '');
    const setFull = (on: boolean) => {
      pane.classList.toggle('is-full', on);
      full.setAttribute('aria-pressed', String(on));
      label();
      this.map.resize();
    };
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && pane.classList.contains('is-full')) setFull(false);
    });
    bar.append(whole, full);
    this.map.addControl(bar, 'topleft');

    const legend = document.createElement('div');
    legend.className = 'map-legend';
    legend.dataset.testid = 'map-legend';
    this.map.addControl(legend, 'bottomleft');

    // Words in the page's language, again whenever it changes.
    const label = () => {
      const t = pick(TEXT);
      whole.textContent = t.wholeArea;
      full.textContent = pane.classList.contains('is-full') ? t.exitFullScreen : t.fullScreen;
      const entries: Array<[string, string, string]> = [
        ['incident', 'Open', t.status.Open], ['incident', 'InProgress', t.status.InProgress], ['incident', 'NeedsTriage', t.status.NeedsTriage],
        ['unit', 'Available', t.legendUnitFree], ['unit', 'OnScene', t.legendUnitBusy],
      ];
      legend.replaceChildren(...entries.map(([kind, state, text]) => {
        const swatch = document.createElement('span');
        swatch.className = `legend-swatch legend-${kind}`;
        swatch.style.background = markerStyle(kind, state).fillColor ?? '';
        const item = document.createElement('span');
        item.className = 'legend-item';
        item.append(swatch, document.createTextNode(text));
        return item;
      }));
    };
    label();
    onLanguage(label);
  }

  async load(): Promise<void> {
    await this.map.load();
  }

  /** Open incidents with a position are drawn; closed ones leave the map. */
  showIncidents(incidents: IncidentSummary[]): void {
    const t = pick(TEXT);
    for (const incident of incidents) {
      if (!incident.location || incident.status === 'Closed') {
        this.map.remove('incident', incident.id);
        continue;
      }
      const label = `${t.status[incident.status] ?? incident.status} · ${incident.categoryName ?? incident.categoryCode ?? ''} · ${incident.address ?? ''}`;
      this.map.upsert('incident', { id: incident.id, ...incident.location, state: incident.status, label }, this.select);
    }
  }

  private showUnit(unit: Unit): void {
    if (!unit.position || unit.status === 'OffDuty') {
      this.map.remove('unit', unit.code);
      return;
    }
    const status = (pick(UNIT_TEXT) as Record<string, string>)[unit.status] ?? unit.status;
    this.map.upsert('unit', { id: unit.code, ...unit.position, state: unit.status, label: `${unit.name} · ${status}` });
  }

  /**
   * Units are read once per (re)connection; UnitChanged keeps them moving after that. The answer is every unit the
   * operator may see, so a marker whose unit it no longer holds (out of scope now, or gone) leaves the map. A failed
   * read leaves the markers as they were and rejects.
   */
  async loadUnits(): Promise<void> {
    await this.units.load(() => getJson<Unit[]>('/api/units'));
    const units = this.units.values();
    const held = new Set(units.map((unit) => unit.code));
    for (const id of this.map.ids('unit')) if (!held.has(id)) this.map.remove('unit', id);
    for (const unit of units) this.showUnit(unit);
  }

  /** The push carries the whole unit (UnitSummary), so it replaces what was known of it. */
  listen(connection: HubConnection): void {
    connection.on('UnitChanged', (unit: Unit) => {
      this.units.put(unit);
      this.showUnit(unit);
    });
  }

  focus(incident: IncidentSummary): void {
    if (incident.location) this.map.focus(incident.location.lat, incident.location.lon);
  }
}
