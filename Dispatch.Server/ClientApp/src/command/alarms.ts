// The alarm list: every unacknowledged alarm of the incidents this user may see, as the server keeps them
// (GET /api/alarms), so alarms raised while the page was closed are there too, and an acknowledgement on another
// screen (pushed as AlarmsChanged) clears this one. A row opens its incident; 确认 and 全部确认 are audited.
import { getJson, postJson } from '../common/api';
import { currentLang, pick } from '../common/i18n';
import { timeOfDay } from '../common/time';
import type { AlarmList as AlarmsRead } from '../common/model';
import { ALARM_TEXT, type Alarm, alarmText } from './alarm-text';
import { button, el } from './dom';

export class AlarmList {
  private alarms: Alarm[] = [];
  private loading: Promise<void> | null = null;
  private again = false;

  /** @param changed told the alarms after every load: which ids are new since the last, and which incidents alarm. */
  constructor(
    private readonly panel: HTMLElement,
    private readonly select: (incidentId: string) => void,
    private readonly changed: (alarms: readonly Alarm[], fresh: readonly Alarm[]) => void,
  ) {}

  get incidents(): ReadonlySet<string> {
    return new Set(this.alarms.map((a) => a.incidentId));
  }

  /** Reads the list again; calls that arrive while one is under way are folded into one more read after it. */
  load(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = (async () => {
      do {
        this.again = false;
        try {
          const { items } = await getJson<AlarmsRead>('/api/alarms');
          const known = new Set(this.alarms.map((a) => a.id));
          this.alarms = items;
          this.render();
          this.changed(items, items.filter((a) => !known.has(a.id)));
        } catch (error) {
          console.warn('Could not load the alarms', error);
        }
      } while (this.again);
      this.loading = null;
    })();
    return this.loading;
  }

  render(): void {
    const t = pick(ALARM_TEXT);
    const lang = currentLang();
    this.panel.hidden = this.alarms.length === 0;
    this.panel.setAttribute('aria-label', t.title);
    const rows = this.alarms.map((alarm) => {
      const row = el('li', { className: 'alarm-row', testid: 'alarm-row', data: { alarmId: alarm.id, incidentId: alarm.incidentId, kind: alarm.kind } },
        el('time', { className: 'alarm-time', text: timeOfDay(alarm.at) }),
        el('span', { className: 'alarm-text', text: alarmText(alarm, lang) }),
        button(t.acknowledge, 'alarm-ack', () => void this.acknowledge(`/api/alarms/${encodeURIComponent(alarm.id)}/acknowledge`)));
      // The row opens the incident, the way a queue row does; its 确认 button must not open it too.
      row.tabIndex = 0;
      row.addEventListener('click', (event) => {
        if (!(event.target as Element).closest('button')) this.select(alarm.incidentId);
      });
      row.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && event.target === row) this.select(alarm.incidentId);
      });
      return row;
    });
    this.panel.replaceChildren(
      el('header', { className: 'alarm-head' },
        el('h2', { className: 'alarm-count', testid: 'alarm-count', text: t.count(this.alarms.length) }),
        button(t.acknowledgeAll, 'alarm-ack-all', () => void this.acknowledge('/api/alarms/acknowledge-all'))),
      el('ul', { className: 'alarm-items', testid: 'alarm-items' }, ...rows));
  }

  private async acknowledge(url: string): Promise<void> {
    try {
      await postJson(url);
    } catch (error) {
      console.warn('Could not acknowledge', error);
    }
    await this.load();
  }
}
