// The supervisor desk (supervisors; admins may look): breaches of a period with filters, the assessment with its
// charts and heat map, any incident's timeline, CSV exports. Live: a breach anywhere in scope reloads the figures.
import '../common/base.css';
import './supervisor.css';

import { getJson, query } from '../common/api';
import { LatestRead } from '../common/latest-read';
import { onLanguage, pick } from '../common/i18n';
import { live } from '../common/live';
import { headerLink, headerSlot, startPage } from '../common/session';
import { showAssessment } from './assessment';
import { BreachTable } from './breaches';
import type { AssessmentReport, Breach } from './model';
import { type PeriodKind, periodOf } from './period';
import { TEXT } from './text';
import { TimelineViewer } from './timeline';

// Pushes come in bursts (a sweep breaches several clocks at once): one reload per burst.
const RELOAD_DELAY_MS = 400;

startPage({
  text: TEXT,
  roles: ['Supervisor', 'Admin'],
  start: async () => {
    const form = document.querySelector<HTMLFormElement>('[data-testid="filters"]')!;
    const announcer = document.querySelector<HTMLElement>('[data-testid="announcer"]')!;
    const shown = document.querySelector<HTMLElement>('[data-testid="shown-period"]')!;
    const count = document.createElement('p');
    count.className = 'count';
    count.dataset.testid = 'breach-count';
    headerSlot().append(count);
    // Delay requests are decided on the desk, where the orders are.
    headerLink('/desk.html', 'deskLink', pick(TEXT).deskLink);

    const names = new Map<string, string>();
    const timeline = new TimelineViewer();
    const table = new BreachTable(names, (id) => void timeline.show(id));
    let reports: [AssessmentReport, AssessmentReport, AssessmentReport] | null = null;
    let breachCount = 0;

    const filters = () => {
      const data = new FormData(form);
      const kind = String(data.get('period') ?? 'today') as PeriodKind;
      for (const custom of form.querySelectorAll<HTMLElement>('.custom')) custom.hidden = kind !== 'custom';
      const period = periodOf(kind, Date.now(), { from: String(data.get('from') ?? ''), to: String(data.get('to') ?? '') });
      return { period, organisation: String(data.get('organisation') ?? ''), kind: String(data.get('kind') ?? ''), street: String(data.get('street') ?? '') };
    };

    const showCounts = () => {
      const { period } = filters();
      shown.textContent = pick(TEXT).shownPeriod(period.from, period.to, breachCount);
      count.textContent = shown.textContent;
    };

    const fillStreets = (streets: AssessmentReport) => {
      const select = form.querySelector<HTMLSelectElement>('[name=street]')!;
      const known = new Set([...select.options].map((o) => o.value));
      for (const row of streets.rows) {
        if (row.code === '-' || known.has(row.code)) continue;
        select.append(new Option(row.name, row.code));
      }
    };

    // A filter changed while a read is in flight starts another: only the last one's answer is shown.
    const breachReads = new LatestRead();
    const assessmentReads = new LatestRead();

    const loadBreaches = async (live: boolean) => {
      const f = filters();
      const params = { from: f.period.from, to: f.period.to, kind: f.kind, organisation: f.organisation, street: f.street };
      document.querySelector<HTMLAnchorElement>('[data-testid="breaches-csv"]')!.href = `/api/audit/breaches${query({ ...params, format: 'csv' })}`;
      const answer = await breachReads.run(() => getJson<Breach[]>(`/api/audit/breaches${query(params)}`));
      if (!answer) return;
      const breaches = answer.value;
      breachCount = breaches.length;
      const fresh = table.show(breaches, live);
      if (fresh.length > 0) announcer.textContent = pick(TEXT).newBreach(fresh.map((b) => pick(TEXT).kinds[b.kind] ?? b.kind).join('、'));
      showCounts();
    };

    const loadAssessment = async () => {
      const { period } = filters();
      const at = (groupBy: string) => `/api/assessment${query({ from: period.from, to: period.to, groupBy })}`;
      document.querySelector<HTMLAnchorElement>('[data-testid="assessment-csv"]')!.href = `${at('organisation')}&format=csv`;
      const answer = await assessmentReads.run(() => Promise.all([at('organisation'), at('street'), at('community')].map((url) => getJson<AssessmentReport>(url))));
      if (!answer) return;
      reports = answer.value as typeof reports;
      for (const row of reports!.flatMap((r) => r.rows)) if (row.code !== '-') names.set(row.code, row.name);
      fillStreets(reports![1]);
      showAssessment(...reports!);
      table.render();
    };

    const load = async (live = false) => {
      try {
        await Promise.all([loadBreaches(live), loadAssessment()]);
      } catch (error) {
        console.warn('Could not load the figures', error);
      }
    };

    let pending: ReturnType<typeof setTimeout> | undefined;
    const reloadSoon = () => {
      clearTimeout(pending);
      pending = setTimeout(() => void load(true), RELOAD_DELAY_MS);
    };

    // The organisations' names for the filter and the tables; the assessment adds the areas' names.
    for (const organisation of await getJson<Array<{ code: string; name: string }>>('/api/organisations').catch(() => [])) {
      names.set(organisation.code, organisation.name);
      form.querySelector<HTMLSelectElement>('[name=organisation]')!.append(new Option(organisation.name, organisation.code));
    }
    form.addEventListener('change', () => void load());
    form.addEventListener('submit', (event) => event.preventDefault());

    // One connection, so the header's light tells the truth: the command hub carries both what moves the figures,
    // a clock breached (ClockAlarm) and a task order changed or gone overdue (TaskOrderChanged), for the supervisor's areas.
    const command = live('/hubs/command', async (connection) => {
      await connection.invoke('WatchIncidents');
      await load();
    });
    command.connection.on('ClockAlarm', reloadSoon);
    command.connection.on('TaskOrderChanged', reloadSoon);

    onLanguage(() => {
      table.render();
      if (reports) showAssessment(...reports);
      showCounts();
    });
    void load();
    void command.start();
  },
});
