// The responder's phone (role Responder): duty, my assignments with big step buttons, location sharing, new-work alerts.
import '../common/base.css';
import './responder.css';

import { getJson, getJsonOnce, postJson } from '../common/api';
import { beep, ClockBoard } from '../common/clocks';
import { onLanguage, pick } from '../common/i18n';
import { KeyedList } from '../common/keyed-list';
import { live } from '../common/live';
import type { UnitSummary } from '../common/model';
import { startPage } from '../common/session';
import { AssignmentCards, type ResponderAssignment } from './cards';
import { LocationSharing } from './location';
import { showOffline } from './offline';
import { askText } from './reason';
import { notifyNewWork, requestNotifications, showNotifyState } from './notify';
import { NEEDS_TEXT, type Step, stepRequest } from './steps';
import { TEXT } from './text';
import { errorText } from '../common/one-language';
import { timeOfDay } from '../common/time';

/** What the duty line reads of the unit (GET /api/units/mine answers UnitView, the duty route UnitSummary). */
type UnitView = Pick<UnitSummary, 'code' | 'status'>;

showOffline(TEXT);

startPage({
  text: TEXT,
  roles: ['Responder'],
  start: async () => {
    const dutyState = document.querySelector<HTMLElement>('[data-testid=duty-state]')!;
    const dutyToggle = document.querySelector<HTMLButtonElement>('[data-testid=duty-toggle]')!;
    const dutyError = document.querySelector<HTMLElement>('[data-testid=duty-error]')!;
    const locationState = document.querySelector<HTMLElement>('[data-testid=location-state]')!;
    const banner = document.querySelector<HTMLElement>('[data-testid=new-assignment-banner]')!;
    let unit: UnitView | null = null;

    const location = new LocationSharing((state) => {
      locationState.dataset.state = state;
      locationState.textContent = pick(TEXT).location[state];
    });

    const showDuty = () => {
      const t = pick(TEXT);
      const onDuty = unit !== null && unit.status !== 'OffDuty';
      dutyState.dataset.onDuty = String(onDuty);
      dutyState.textContent = unit ? `${unit.code} · ${onDuty ? t.onDuty : t.offDuty}` : '';
      dutyToggle.textContent = onDuty ? t.signOff : t.signOn;
      dutyToggle.disabled = unit === null;
      if (onDuty && unit) location.start(unit.code);
      else location.stop();
    };

    const loadUnit = async () => {
      const units = await getJson<UnitView[]>('/api/units/mine').catch(() => null);
      if (units) unit = units[0] ?? null;
      showDuty();
    };

    dutyToggle.addEventListener('click', async () => {
      if (!unit) return;
      dutyError.textContent = '';
      try {
        unit = await postJson<UnitView>(`/api/units/${encodeURIComponent(unit.code)}/duty`, { onDuty: unit.status === 'OffDuty' });
      } catch (failure) {
        // A unit with open work cannot sign off: the server's sentence says which incident holds it.
        dutyError.textContent = errorText(failure);
      }
      showDuty();
    });

    const clocks = new ClockBoard();
    const openList = document.querySelector<HTMLElement>('[data-testid=assignment-list]')!;
    const cards = new AssignmentCards(
      openList,
      document.querySelector<HTMLElement>('[data-testid=finished-list]')!,
      clocks,
      (item, step, card) => void act(item, step, card),
    );

    // The list is read at start, at each connection, at each push and after each step, and those reads can overlap: an
    // older read answering last would bring back a step already taken, so its answer is dropped.
    const assignments = new KeyedList<string, ResponderAssignment>((item) => item.assignment.id);
    // New work is what the list shows as Dispatched that the page had not seen: checked on every read, so a dispatch
    // pushed while the page was still subscribing, or while it was away, rings too (the push alone would miss it).
    let seen: Set<string> | null = null;
    const loadList = async () => {
      try {
        await assignments.load(() => getJson<ResponderAssignment[]>('/api/assignments/mine'));
        const items = assignments.values();
        cards.show(items);
        const known = seen;
        seen = new Set(items.map((item) => item.assignment.id));
        // Until the first read answers the page does not know the unit has no work: "暂无派单" waits for it.
        openList.dataset.loaded = 'true';
        if (known) for (const item of items.filter((i) => i.assignment.state === 'Dispatched' && !known.has(i.assignment.id))) alertNewWork(item.assignment.id, item);
      } catch (error) {
        console.warn('Could not load the assignments', error);
      }
    };

    // The departments a case can be handed to from the scene: every organisation but the police themselves.
    const departments = async () => {
      const all = await getJsonOnce<Array<{ code: string; name: string; type: string }>>('/api/organisations').catch(() => []);
      return all.filter((o) => o.type !== 'PoliceStation' && o.type !== 'CommandRoom').map((o) => ({ value: o.code, label: o.name }));
    };

    const act = async (item: ResponderAssignment, step: Step, card: HTMLElement) => {
      const error = card.querySelector<HTMLElement>('[data-testid=card-error]')!;
      let text = '';
      let organisation: string | null = null;
      if (NEEDS_TEXT.has(step)) {
        const given = await askText(pick(TEXT).prompt[step], step === 'hand-over' ? await departments() : []);
        if (given === null) return;
        ({ text, choice: organisation } = given);
      }
      const buttons = card.querySelectorAll<HTMLButtonElement>('button.step');
      for (const button of buttons) button.disabled = true;
      try {
        const { url, body } = stepRequest(step, item.assignment.id, item.assignment.incidentId, text, organisation);
        const answer = await postJson<{ at?: string }>(url, body);
        await loadList();
        // The centre has the request: say so on the card, with the time the server took it.
        if (step === 'reinforce') cards.note(item.assignment.id, pick(TEXT).reinforceSent(timeOfDay(answer?.at ?? new Date().toISOString())));
      } catch (failure) {
        // Out of order (409) or gone: say the server's sentence, then show the assignment as it now is.
        const message = errorText(failure);
        await loadList();
        const fresh = document.querySelector<HTMLElement>(`[data-testid=assignment-card][data-assignment-id="${CSS.escape(item.assignment.id)}"] [data-testid=card-error]`);
        (fresh ?? error).textContent = message;
        for (const button of buttons) button.disabled = false;
      }
    };

    const notifyLine = document.querySelector<HTMLElement>('[data-testid=notify-state]')!;
    const notifyEnable = notifyLine.querySelector<HTMLButtonElement>('[data-testid=notify-enable]')!;
    const showNotify = () => showNotifyState(notifyLine, notifyLine.querySelector<HTMLElement>('.notify-text')!, notifyEnable);
    notifyEnable.addEventListener('click', () => void requestNotifications().then(showNotify));
    // The permission can change in the browser's settings while the page is open.
    document.addEventListener('visibilitychange', showNotify);

    const alertNewWork = (assignmentId: string, item: ResponderAssignment) => {
      const t = pick(TEXT);
      const text = t.arrived(item.categoryName ?? '', item.address ?? t.noAddress);
      banner.querySelector('.banner-text')!.textContent = text;
      banner.hidden = false;
      void notifyNewWork(assignmentId, text);
      // Where the browser allows: Chrome on Android vibrates; iOS Safari has no vibration; sound needs an earlier tap.
      navigator.vibrate?.([400, 150, 400]);
      beep();
    };
    banner.querySelector('button')!.addEventListener('click', () => { banner.hidden = true; });

    const hub = live('/hubs/responder', async (connection) => {
      await connection.invoke('WatchAssignments');
      await Promise.all([loadUnit(), loadList()]);
    });
    // The push carries the assignment only; the card needs the incident's address and clocks, so the list is re-read.
    hub.connection.on('AssignmentChanged', () => void loadList());

    onLanguage(() => {
      showDuty();
      showNotify();
      cards.render();
    });
    setInterval(() => cards.tick(), 1000);

    await loadUnit();
    void loadList();
    void hub.start();
  },
});

if ('serviceWorker' in navigator) {
  // The app shell only, so the page opens without a network; the worker never answers /api or /hubs.
  navigator.serviceWorker.register('/responder-sw.js', { scope: '/responder.html' }).catch((error) => console.warn('No service worker', error));
}
