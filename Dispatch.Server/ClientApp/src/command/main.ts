// The command screen (operators, supervisors): the live incident queue with the 1/3/5 clocks and the breach alarm,
// and beside it the incident detail, the triage queue, the task-order board and the units, all kept live by the
// command hub, and the history of closed incidents to filter and page through.
import '../common/base.css';
import './command.css';
import './panels.css';
import './history.css';

import { getJson } from '../common/api';
import { beep, ClockBoard, type ClockView } from '../common/clocks';
import { onLanguage, pick } from '../common/i18n';
import { AlarmList } from './alarms';
import { live } from '../common/live';
import type { IncidentSummary } from '../common/model';
import { headerLink, headerSlot, startPage } from '../common/session';
import { densityToggle } from './density';
import { manualEntryButton } from './manual-entry';
import { UnitBoard } from './unit-board';
import { CommandMap } from './map-pane';
import { TaskBoard } from './board';
import { IncidentDetailPanel } from './detail';
import { HistoryPanel } from './history';
import { PANEL_TEXT } from './panel-text';
import { IncidentQueue, kindOf } from './queue';
import { tabs } from './tabs';
import { TEXT } from './text';
import { TriageQueue } from './triage';
import type { AssignmentSummary, TaskOrderView, UnitSummary } from './types';

const CLOSED_PAGE_SIZE = 50;
// Clocks are fetched for the newest open incidents on load only; later ones arrive by push.
const CLOCK_FETCH_LIMIT = 30;

interface ClockAlarm { clock: ClockView; incident: IncidentSummary }

startPage({
  text: { zh: { ...TEXT.zh, ...PANEL_TEXT.zh }, en: { ...TEXT.en, ...PANEL_TEXT.en } },
  roles: ['Operator', 'Supervisor', 'Admin'],
  start: (me) => {
    const count = document.createElement('p');
    count.className = 'count';
    count.dataset.testid = 'incident-count';
    headerSlot().append(count, densityToggle());
    // 回访评价, 返工, 改派 and 结案 are taken on the desk, beside the department's own steps.
    headerLink('/desk.html', 'deskLink', pick(TEXT).deskLink);

    const clocks = new ClockBoard();
    const panel = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;
    const detail = new IncidentDetailPanel(panel('incident-detail'), clocks);
    const showTab = tabs((tab) => {
      if (tab === 'history') void historyPanel.show();
      else historyPanel.hide();
    });
    // One way to choose an incident, from a row, the triage list, the board, the history or the map: open it and centre on it.
    const select = (id: string) => {
      showTab('detail');
      queue.mark(id);
      void detail.open(id);
      units.render(); // its 派往当前警情 buttons send units to this incident now
      const incident = queue.incidents.find((i) => i.id === id);
      if (incident) map.focus(incident);
    };
    const map = new CommandMap(panel('map'), select);
    const queue = new IncidentQueue(clocks, count, select);
    const triage = new TriageQueue(panel('triage-queue'), panel('triage-count'), select);
    const board = new TaskBoard(panel('task-board'), panel('board-count'), select);
    const units = new UnitBoard(panel('unit-board'), panel('units-count'), () => detail.incidentId, select);
    const historyPanel = new HistoryPanel(panel('incident-history'), select);
    // 接警录入 (operators): the entered call opens in the detail once its incident exists, which the push announces.
    let entered: string | null = null;
    if (me.role === 'Operator') {
      headerSlot().append(manualEntryButton((id) => {
        if (queue.has(id)) select(id);
        else entered = id;
      }));
    }
    const show = (incident: IncidentSummary) => {
      queue.upsert(incident);
      map.showIncidents([incident]);
    };
    const announcer = document.querySelector<HTMLElement>('[data-testid="announcer"]')!;

    const loadClocks = async () => {
      const open = queue.incidents.filter((i) => i.status !== 'Closed').slice(0, CLOCK_FETCH_LIMIT);
      for (const incident of open) {
        const detail = await getJson<{ clocks?: ClockView[] }>(`/api/incidents/${incident.id}`).catch(() => null);
        for (const view of detail?.clocks ?? []) clocks.set(view);
      }
      queue.render(); // breached incidents rise
    };

    const loadList = async () => {
      try {
        // Every open incident, however many newer ones there are, and the most recent closed ones as history.
        await queue.load(async () => {
          const [open, closed] = await Promise.all([
            getJson<{ items: IncidentSummary[] }>('/api/incidents/open'),
            getJson<{ items: IncidentSummary[] }>(`/api/incidents?status=Closed&pageSize=${CLOSED_PAGE_SIZE}`),
          ]);
          return [...open.items, ...closed.items];
        });
        // What the queue holds, pushes taken during the read included: the answer alone may be older than them.
        map.showIncidents(queue.incidents);
        await loadClocks();
      } catch (error) {
        console.warn('Could not load the incident list', error);
      }
    };

    // The tone repeats while any alarm is unacknowledged: one beep is easy to miss in a busy room.
    const ALARM_REPEAT_MS = 4000;
    let tone: number | undefined;
    const alarms = new AlarmList(panel('alarm-list'), select, (all, fresh) => {
      queue.setAlarmed(new Set(all.map((a) => a.incidentId)));
      if (fresh.length > 0) beep();
      if (all.length > 0) tone ??= window.setInterval(() => beep(), ALARM_REPEAT_MS);
      else {
        window.clearInterval(tone);
        tone = undefined;
      }
    });
    const raiseAlarm = ({ clock }: ClockAlarm) => {
      clocks.set(clock);
      queue.render(); // a breach rises to the top
      void alarms.load();
    };

    const hub = live('/hubs/command', async (connection) => {
      await connection.invoke('WatchIncidents');
      // Alarms raised while the page was closed or the connection was down are listed, not lost.
      await Promise.all([loadList(), alarms.load(), triage.load(), board.load(), units.load(), map.loadUnits().catch((error) => console.warn('Could not load the units', error))]);
      detail.reloadSoon();
    });
    hub.connection.on('IncidentOpened', (incident: IncidentSummary) => {
      const isNew = !queue.has(incident.id);
      show(incident);
      if (isNew) {
        const t = pick(TEXT);
        announcer.textContent = t.announce(t.kind[kindOf(incident)], incident.categoryName || incident.categoryCode || '', incident.address ?? '');
        // Danger to life that the classifier could not place: the server lists it as an alarm, the operator must look now.
        if (incident.status === 'NeedsTriage' && incident.routing?.urgent) void alarms.load();
      }
      triage.apply(incident);
      historyPanel.changed();
      if (incident.id === entered) {
        entered = null;
        select(incident.id);
      }
    });
    hub.connection.on('IncidentUpdated', (incident: IncidentSummary) => {
      show(incident);
      triage.apply(incident);
      historyPanel.changed();
      if (incident.id === detail.incidentId) detail.reloadSoon();
    });
    hub.connection.on('AssignmentChanged', (assignment: AssignmentSummary) => {
      if (assignment.incidentId === detail.incidentId) detail.reloadSoon();
      units.assignmentChanged();
    });
    map.listen(hub.connection);
    hub.connection.on('UnitChanged', (unit: UnitSummary) => {
      if (detail.shows(unit.code)) detail.reloadSoon();
      units.applyUnit(unit);
    });
    hub.connection.on('TaskOrderChanged', (order: TaskOrderView) => board.apply(order));
    hub.connection.on('ClockChanged', (view: ClockView) => {
      clocks.set(view);
      if (view.state === 'Breached') queue.render();
      else queue.tick();
      detail.tick();
    });
    hub.connection.on('ClockAlarm', raiseAlarm);
    // Acknowledged on any screen, or reinforcement asked for: every operator's list follows the server's.
    hub.connection.on('AlarmsChanged', () => void alarms.load());

    onLanguage(() => {
      queue.render();
      alarms.render();
      detail.render();
      triage.render();
      board.render();
      historyPanel.render();
    });
    // The countdowns tick every second; yesterday's rows gain their date after midnight even when nothing arrives.
    // Task orders turn amber or red by the server's pushes (its reminder and overdue changes), not by this page's clock.
    setInterval(() => {
      queue.tick();
      detail.tick();
    }, 1000);
    setInterval(() => queue.render(), 60_000);

    // Load straight away so the queue shows even if the hub is slow or unreachable; subscribing loads again.
    void loadList();
    void alarms.load();
    void triage.load();
    void board.load();
    void hub.start();
    map.load().catch((error) => console.warn('Could not load the map', error));
  },
});
