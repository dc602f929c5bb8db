// The task-order desk, live over /hubs/desk: department handlers work their organisation's orders; operators (回访评价,
// 返工, 改派, 结案) and supervisors (延期审批) the orders of their areas; admins may look. The buttons each sees are the
// steps the server offers them.
import '../common/base.css';
import './desk.css';

import { getJson } from '../common/api';
import { beep } from '../common/clocks';
import { onLanguage, pick } from '../common/i18n';
import { live } from '../common/live';
import { headerLink, headerSlot, homeOf, startPage } from '../common/session';
import { dateOf } from '../common/time';
import { DetailPane } from './detail';
import { OrderList } from './list';
import type { TaskOrderView } from './model';
import { TEXT } from './text';

startPage({
  text: TEXT,
  roles: ['DepartmentHandler', 'Operator', 'Supervisor', 'Admin'],
  start: async (me) => {
    if (me.role !== 'DepartmentHandler') {
      const heading = document.querySelector<HTMLElement>('#orders-heading')!;
      heading.dataset.i18n = 'areaOrders';
      heading.textContent = pick(TEXT).areaOrders;
      headerLink(homeOf(me.role), 'homeLink', pick(TEXT).homeLink);
    }
    const count = document.createElement('p');
    count.className = 'count';
    count.dataset.testid = 'task-order-count';
    headerSlot().append(count);
    const announcer = document.querySelector<HTMLElement>('[data-testid="announcer"]')!;

    const list: OrderList = new OrderList(count, (id) => void choose(id));
    const pane = new DetailPane((order) => list.update(order));
    const choose = async (id: string) => {
      list.selected = id;
      list.render();
      await pane.show(id).catch((error: unknown) => console.warn('Could not load the task order', error));
    };
    // Orders seen on the first load are not arrivals.
    let loadedOnce = false;

    const load = async () => {
      try {
        await list.load(() => getJson<TaskOrderView[]>('/api/task-orders'));
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
      const arrived = loadedOnce && !list.has(order.id);
      list.push(order);
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
    // Countdowns move by the hour; a minute is often enough. The server's due states change at the reminder and the due
    // time, each pushed as a change; the working days left change at midnight in Beijing, when the list is read again.
    let today = dateOf(Date.now());
    setInterval(() => {
      if (dateOf(Date.now()) !== today) {
        today = dateOf(Date.now());
        void load();
      }
      list.render();
      pane.render();
    }, 60_000);

    void load();
    void hub.start();
  },
});
