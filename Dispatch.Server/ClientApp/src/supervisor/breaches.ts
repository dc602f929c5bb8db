// The breaches of the period as a table (newest deadline first) and by hour of day. Server data by textContent only.

import { pick } from '../common/i18n';
import { dateTime } from '../common/time';
import { columnChart } from './charts';
import type { Breach } from './model';
import { byHourOfDay } from './period';
import { TEXT } from './text';

export class BreachTable {
  private readonly body = document.querySelector<HTMLElement>('[data-testid="breach-list"]')!;
  private readonly empty = document.querySelector<HTMLElement>('.breaches .empty')!;
  private readonly hours = document.querySelector<HTMLElement>('[data-testid="chart-hours"]')!;
  private breaches: Breach[] = [];
  private known = new Set<string>();

  constructor(private readonly names: Map<string, string>, private readonly open: (incidentId: string) => void) {}

  /** Replaces the list; answers the breaches not shown before when `live` (a push, not a new period or filter). */
  show(breaches: Breach[], live: boolean): Breach[] {
    const key = (b: Breach) => `${b.incidentId}/${b.kind}/${b.dueAt}`;
    const fresh = live ? breaches.filter((b) => !this.known.has(key(b))) : [];
    this.breaches = breaches;
    this.known = new Set(breaches.map(key));
    this.render(new Set(fresh.map(key)));
    return fresh;
  }

  render(fresh = new Set<string>()): void {
    const t = pick(TEXT);
    const name = (code: string | null) => (code ? (this.names.get(code) ?? code) : '—');
    const rows = [...this.breaches].reverse().map((breach) => {
      const row = document.createElement('tr');
      row.dataset.testid = 'breach-row';
      row.dataset.incidentId = breach.incidentId;
      row.dataset.kind = breach.kind;
      if (fresh.has(`${breach.incidentId}/${breach.kind}/${breach.dueAt}`)) row.classList.add('is-new');
      const what = `${breach.categoryName ?? t.unknownCategory} · ${breach.address ?? '—'}`;
      const cells = [dateTime(breach.dueAt), t.kinds[breach.kind] ?? breach.kind, what, t.late(breach.lateSeconds),
        name(breach.organisationCode), `${name(breach.streetCode)} / ${name(breach.communityCode)}`];
      for (const text of cells) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      const open = document.createElement('button');
      open.type = 'button';
      open.dataset.testid = 'open-timeline';
      open.textContent = t.openTimeline;
      open.title = breach.incidentId;
      open.addEventListener('click', () => this.open(breach.incidentId));
      const cell = document.createElement('td');
      cell.append(open);
      row.append(cell);
      return row;
    });
    this.body.replaceChildren(...rows);
    this.empty.hidden = rows.length > 0;
    const hours = byHourOfDay(this.breaches.map((b) => b.breachedAt));
    const labels = hours.map((_, hour) => String(hour).padStart(2, '0'));
    this.hours.replaceChildren(columnChart(t.hourChart, hours, labels));
  }
}
