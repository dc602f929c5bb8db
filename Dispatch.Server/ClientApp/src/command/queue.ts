// The incident queue, one row per incident however often it arrives: every open incident, urgent and breached first
// (order.ts), then the recent closed ones. Everything the server sends is
// data: it reaches the page through textContent or attributes only, never as HTML.

import { type ClockBoard } from '../common/clocks';
import { pick } from '../common/i18n';
import type { IncidentKind, IncidentSummary } from '../common/model';
import { dateOf, timeOfDay } from '../common/time';
import { orderQueue } from './order';
import { TEXT } from './text';
import { inLanguage } from '../common/one-language';

export const kindOf = (incident: IncidentSummary): IncidentKind =>
  (incident.kind in TEXT.zh.kind ? incident.kind : 'Unknown');
export const categoryOf = (incident: IncidentSummary): string => incident.categoryName || incident.categoryCode || '—';

interface Entry { incident: IncidentSummary; row: HTMLTableRowElement }

export class IncidentQueue {
  private readonly shown = new Map<string, Entry>();
  private readonly list = document.querySelector<HTMLElement>('[data-testid="incident-list"]')!;
  private readonly template = document.querySelector<HTMLTemplateElement>('#row-template')!;
  private readonly empty = document.querySelector<HTMLElement>('.empty')!;
  private readonly count: HTMLElement;
  // Incidents with an unacknowledged alarm: their rows flash until the alarm list is empty of them.
  private alarmed: ReadonlySet<string> = new Set();

  constructor(private readonly clocks: ClockBoard, countLine: HTMLElement, private readonly select: (id: string) => void) {
    this.count = countLine;
  }

  /** Marks the row whose detail is open. */
  mark(id: string | null): void {
    for (const [key, { row }] of this.shown) row.setAttribute('aria-selected', String(key === id));
  }

  get incidents(): IncidentSummary[] {
    return [...this.shown.values()].map((entry) => entry.incident);
  }

  has(id: string): boolean {
    return this.shown.has(id);
  }

  row(id: string): HTMLTableRowElement | undefined {
    return this.shown.get(id)?.row;
  }

  /** The incidents whose alarms are unacknowledged; every other row stops flashing. */
  setAlarmed(ids: ReadonlySet<string>): void {
    this.alarmed = ids;
    for (const [id, { row }] of this.shown) row.classList.toggle('is-alarm', ids.has(id));
  }

  upsert(incidents: IncidentSummary[], highlight: boolean): void {
    const changed = new Set<string>();
    for (const incident of incidents) {
      changed.add(incident.id);
      let entry = this.shown.get(incident.id);
      if (!entry) {
        const row = this.template.content.firstElementChild!.cloneNode(true) as HTMLTableRowElement;
        row.dataset.incidentId = incident.id;
        row.addEventListener('animationend', () => row.classList.remove('is-new'));
        // Rows are focusable and open the detail on a click or Enter, so the queue works from the keyboard too.
        row.tabIndex = 0;
        row.addEventListener('click', () => this.select(incident.id));
        row.addEventListener('keydown', (event) => {
          if (event.key === 'Enter') this.select(incident.id);
        });
        if (highlight) row.classList.add('is-new');
        entry = { incident, row };
        this.shown.set(incident.id, entry);
      }
      entry.incident = incident;
    }
    this.render(changed);
  }

  /**
   * Puts the rows in order, moving only those out of place, and refills the `changed` ones — every
   * row when not given (language, "is it today?", clocks). A push refills its own row only: with hundreds of open
   * incidents, refilling all of them on every alert was the screen's longest task.
   */
  render(changed?: ReadonlySet<string>): void {
    // A wall display runs for days: the closed history is bounded, open work never is.
    const { kept, dropped } = orderQueue(this.incidents, (id) => this.clocks.breached(id));
    for (const incident of dropped) {
      this.shown.get(incident.id)?.row.remove();
      this.shown.delete(incident.id);
    }
    const entries = kept.map((incident) => this.shown.get(incident.id)!);
    const today = dateOf(Date.now());
    entries.forEach(({ incident, row }, index) => {
      if (!changed || changed.has(incident.id)) this.fill(row, incident, today);
      // Moving a row that is already in place would restart its highlight.
      if (this.list.children[index] !== row) this.list.insertBefore(row, this.list.children[index] ?? null);
    });
    this.count.textContent = pick(TEXT).shown(entries.length);
    this.empty.hidden = entries.length > 0;
  }

  /** Redraws the countdowns only: called every second. */
  tick(): void {
    for (const [id, entry] of this.shown) if (this.clocks.has(id)) this.clocks.fill(entry.row.querySelector('.clocks')!, id);
  }

  private fill(row: HTMLTableRowElement, incident: IncidentSummary, today: string): void {
    const t = pick(TEXT);
    const cell = (selector: string) => row.querySelector<HTMLElement>(selector)!;
    const day = dateOf(incident.receivedAt);
    (cell('time') as HTMLTimeElement).dateTime = incident.receivedAt;
    cell('.clock').textContent = timeOfDay(incident.receivedAt);
    cell('.date').textContent = day === today ? '' : day;

    const kind = kindOf(incident);
    cell('.badge').dataset.kind = kind;
    cell('.badge').textContent = t.kind[kind];
    cell('.pill').dataset.status = incident.status;
    cell('.pill').textContent = t.status[incident.status] ?? incident.status;
    row.dataset.status = incident.status;
    row.classList.toggle('is-alarm', this.alarmed.has(incident.id));

    cell('.category').textContent = categoryOf(incident);
    cell('.callers').textContent = incident.alertCount > 1 ? t.callers(incident.alertCount) : '';
    cell('.text').textContent = incident.description;
    cell('.address').textContent = incident.address ?? '';

    const where = incident.jurisdiction;
    cell('.community').textContent = where?.community?.name ?? where?.street?.name ?? where?.precinct?.name ?? t.noArea;
    cell('.grid').textContent = where?.grid?.name ?? '';

    // Routed: who is responsible. In triage: the last reason, which says what an operator must decide.
    const routing = incident.routing;
    cell('.org').textContent = routing?.organisation?.name ?? '';
    cell('.why').textContent = routing?.outcome === 'NeedsTriage' ? inLanguage(routing.reasons.at(-1) ?? '') : '';
    this.clocks.fill(cell('.clocks'), incident.id);
  }
}
