// The incident queue, one row per incident however often it arrives: every open incident, urgent and breached first
// (order.ts), then the recent closed ones. Everything the server sends is
// data: it reaches the page through textContent or attributes only, never as HTML.

import { type ClockBoard } from '../common/clocks';
import { pick } from '../common/i18n';
import { KeyedList } from '../common/keyed-list';
import type { IncidentKind, IncidentSummary } from '../common/model';
import { dateOf, timeOfDay } from '../common/time';
import { orderQueue } from './order';
import { TEXT } from './text';
import { inLanguage } from '../common/one-language';

export const kindOf = (incident: IncidentSummary): IncidentKind =>
  (incident.kind in TEXT.zh.kind ? incident.kind : 'Unknown');
export const categoryOf = (incident: IncidentSummary): string => incident.categoryName || incident.categoryCode || '—';

export class IncidentQueue {
  // What the server said of each incident, read and pushed: a push that lands while a read is in flight survives it.
  private readonly known = new KeyedList<string, IncidentSummary>((incident) => incident.id);
  private readonly rows = new Map<string, HTMLTableRowElement>();
  // Rows seen on the first read are not "new"; only later arrivals are highlighted.
  private loaded = false;
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
    for (const [key, row] of this.rows) row.setAttribute('aria-selected', String(key === id));
  }

  get incidents(): IncidentSummary[] {
    return this.known.values();
  }

  has(id: string): boolean {
    return this.rows.has(id);
  }

  /** The incidents whose alarms are unacknowledged; every other row stops flashing. */
  setAlarmed(ids: ReadonlySet<string>): void {
    this.alarmed = ids;
    for (const [id, row] of this.rows) row.classList.toggle('is-alarm', ids.has(id));
  }

  /**
   * Reads the queue (again, at each connection): the answer joins what is shown — closed incidents beyond it stay
   * until the history's bound drops them. A failed read leaves the rows as they were and rejects.
   */
  async load(read: () => Promise<IncidentSummary[]>): Promise<void> {
    await this.known.load(async () => {
      const answer = await read();
      return [...this.known.values(), ...answer];
    });
    this.render();
    this.loaded = true;
  }

  /** A pushed incident: only its row is refilled, and highlighted when it is new to the queue. */
  upsert(incident: IncidentSummary): void {
    this.known.put(incident);
    this.addRow(incident.id, true);
    this.render(new Set([incident.id]));
  }

  /** The incident's row, made the first time it is shown. */
  private addRow(id: string, highlight: boolean): HTMLTableRowElement {
    const shown = this.rows.get(id);
    if (shown) return shown;
    const row = this.template.content.firstElementChild!.cloneNode(true) as HTMLTableRowElement;
    row.dataset.incidentId = id;
    row.addEventListener('animationend', () => row.classList.remove('is-new'));
    // Rows are focusable and open the detail on a click or Enter, so the queue works from the keyboard too.
    row.tabIndex = 0;
    row.addEventListener('click', () => this.select(id));
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.select(id);
    });
    if (highlight) row.classList.add('is-new');
    this.rows.set(id, row);
    return row;
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
      this.rows.get(incident.id)?.remove();
      this.rows.delete(incident.id);
      this.known.remove(incident.id);
    }
    const today = dateOf(Date.now());
    kept.forEach((incident, index) => {
      // A read's new incidents get their rows here, highlighted unless it is the first read.
      const fresh = !this.rows.has(incident.id);
      const row = this.addRow(incident.id, this.loaded);
      if (fresh || !changed || changed.has(incident.id)) this.fill(row, incident, today);
      // Moving a row that is already in place would restart its highlight.
      if (this.list.children[index] !== row) this.list.insertBefore(row, this.list.children[index] ?? null);
    });
    this.count.textContent = pick(TEXT).shown(kept.length);
    this.empty.hidden = kept.length > 0;
  }

  /** Redraws the countdowns only: called every second. */
  tick(): void {
    for (const [id, row] of this.rows) if (this.clocks.has(id)) this.clocks.fill(row.querySelector('.clocks')!, id);
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
