// The department desk (department handlers; admins may look): the organisation's task orders, live over /hubs/desk.
import '../common/base.css';
import './desk.css';

import { getJson } from '../common/api';
import { beep } from '../common/clocks';
import { onLanguage, pick } from '../common/i18n';
import { live } from '../common/live';
import { headerSlot, startPage } from '../common/session';
import { dateOf } from '../common/time';
import { DetailPane } from './detail';
import { type HolidayDay, WorkCalendar } from './due';
import { OrderList } from './list';
import type { TaskOrderView } from './model';
import { TEXT } from './text';

/** This year's and next year's notices; a year not imported yet counts Monday–Friday, as the server does. */
async function loadCalendar(): Promise<WorkCalendar> {
  const year = Number(dateOf(Date.now()).slice(0, 4));
  const days = await Promise.all([year, year + 1].map((y) =>
    getJson<{ days: HolidayDay[] }>(`/api/calendar/years/${y}`).then((found) => found.days, () => [] as HolidayDay[])));
  return new WorkCalendar(days.flat());
}

startPage({
  text: TEXT,
  roles: ['DepartmentHandler', 'Admin'],
  start: async () => {
    const count = document.createElement('p');
    count.className = 'count';
    count.dataset.testid = 'task-order-count';
    headerSlot().append(count);
    const announcer = document.querySelector<HTMLElement>('[data-testid="announcer"]')!;

    let calendar = new WorkCalendar();
    const list: OrderList = new OrderList(() => calendar, count, (id) => void choose(id));
    const pane = new DetailPane(() => calendar, (order) => list.upsert([order], false));
    const choose = async (id: string) => {
      list.selected = id;
      list.render();
      await pane.show(id).catch((error: unknown) => console.warn('Could not load the task order', error));
    };
    // Orders seen on the first load are not arrivals.
    let loadedOnce = false;

    const load = async () => {
      try {
        list.replace(await getJson<TaskOrderView[]>('/api/task-orders'));
        loadedOnce = true;
        if (pane.id) await pane.show(pane.id);
      } catch (error) {
        console.warn('Could not load the task orders', error);
      }
    };

    const hub = live('/hubs/desk', async (connection) => {
      await connection.invoke('WatchTaskOrders');
      await load();
    });
    hub.connection.on('TaskOrderChanged', (order: TaskOrderView) => {
      const arrived = loadedOnce && !list.orders.has(order.id);
      list.upsert([order], true);
      if (arrived) {
        announcer.textContent = pick(TEXT).arrived(order.instructions);
        beep(660, 0.3);
      }
      // Another handler's step shows at once, history and all.
      if (pane.id === order.id) void pane.show(order.id).catch(() => undefined);
    });

    onLanguage(() => {
      list.render();
      pane.render();
    });
    // Countdowns move by the hour; a minute is often enough.
    setInterval(() => {
      list.render();
      pane.render();
    }, 60_000);

    calendar = await loadCalendar();
    void load();
    void hub.start();
  },
});
