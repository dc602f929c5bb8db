// Any incident's timeline, from the audit log: opened by clicking a breach or by typing the incident's id.

import { actionLabel } from '../common/actions';
import { getJson } from '../common/api';
import { pick } from '../common/i18n';
import type { IncidentSummary } from '../common/model';
import { dateTime } from '../common/time';
import type { TimelineEntry } from './model';
import { TEXT } from './text';
import { actorName, errorText } from '../common/one-language';

export class TimelineViewer {
  private readonly section = document.querySelector<HTMLElement>('[data-testid="timeline"]')!;
  private readonly input = this.section.querySelector<HTMLInputElement>('[data-testid="timeline-id"]')!;
  private readonly problem = this.section.querySelector<HTMLElement>('[data-testid="timeline-problem"]')!;

  constructor() {
    this.section.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.show(this.input.value.trim());
    });
  }

  async show(id: string): Promise<void> {
    this.input.value = id;
    this.problem.textContent = '';
    const body = this.section.querySelector<HTMLElement>('.timeline-body')!;
    try {
      const detail = await getJson<{ incident: IncidentSummary; timeline: TimelineEntry[] }>(`/api/incidents/${encodeURIComponent(id)}`);
      this.section.querySelector('[data-testid="timeline-incident"]')!.textContent =
        pick(TEXT).incidentLine(detail.incident.description, detail.incident.address ?? '—');
      this.section.querySelector('[data-testid="timeline-entries"]')!.replaceChildren(...detail.timeline.map((entry) => {
        const item = document.createElement('li');
        item.dataset.testid = 'timeline-entry';
        const when = document.createElement('time');
        when.dateTime = entry.at;
        when.textContent = dateTime(entry.at);
        const what = document.createElement('span');
        what.textContent = ` ${actionLabel(entry.action)} · ${actorName(entry.actor)}`;
        item.append(when, what);
        return item;
      }));
      body.hidden = false;
      this.section.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      body.hidden = true;
      this.problem.textContent = errorText(error);
    }
  }
}
