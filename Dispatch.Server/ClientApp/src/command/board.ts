// The task-order board: open orders handed to departments, soonest due first; overdue red, due today amber, as the
// server says (TaskOrderView.dueState, the same answer the desk shows).

import { getJson } from '../common/api';
import { pick } from '../common/i18n';
import { KeyedList } from '../common/keyed-list';
import { dateTime } from '../common/time';
import { el } from './dom';
import { isOpenOrder } from './format';
import { PANEL_TEXT } from './panel-text';
import type { TaskOrderView } from './types';

export class TaskBoard {
  private readonly orders = new KeyedList<string, TaskOrderView>((order) => order.id);

  constructor(private readonly root: HTMLElement, private readonly count: HTMLElement, private readonly select: (incidentId: string) => void) {}

  async load(): Promise<void> {
    try {
      await this.orders.load(async () => (await getJson<TaskOrderView[]>('/api/task-orders')).filter((order) => isOpenOrder(order.status)));
    } catch (error) {
      console.warn('Could not load the task orders', error);
    }
    this.render();
  }

  apply(order: TaskOrderView): void {
    if (isOpenOrder(order.status)) this.orders.put(order);
    else this.orders.remove(order.id);
    this.render();
  }

  /**
   * Each order's state changes at its reminder and its due time, each pushed by the server. Each order is one row of a
   * list, not a table: in the narrow side panel a table gave the unbreakable columns (organisation, due time) the
   * width and the instructions one character per line. Category and address take one line, the instructions two at
   * most; the whole text is the row's tooltip and the incident's detail.
   */
  render(): void {
    const t = pick(PANEL_TEXT);
    const orders = this.orders.values().sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    let overdue = 0;
    const list = el('ul', { className: 'order-list', testid: 'task-board-list' });
    for (const order of orders) {
      // A returned order's deadline does not run (the server sends no state): it waits for the command room, unflagged.
      const due = (order.dueState ?? 'Ok').toLowerCase() as 'ok' | 'soon' | 'overdue';
      if (due === 'overdue') overdue++;
      const words = el('p', { className: 'words', testid: 'task-order-instructions', text: order.instructions });
      words.title = order.instructions;
      // What the work is about and where, before the instructions: the operator knows the case by these.
      const about = el('p', { className: 'about', testid: 'task-order-about', text: [order.categoryName || t.unknownCategory, order.address?.trim() || ''].filter((part) => part.length > 0).join(' · ') });
      const org = el('span', { className: 'org', text: order.organisation.name });
      org.title = order.organisation.name;
      const item = el('li', { testid: 'task-order', data: { taskOrderId: order.id, incidentId: order.incidentId, due } },
        org,
        el('span', { className: 'state', text: t.orderStatusName[order.status] ?? order.status }),
        el('span', { className: 'due', testid: 'task-order-due' }, el('span', { text: dateTime(order.dueAt) }), el('span', { className: 'due-flag', text: t.due[due] })),
        about,
        words);
      item.tabIndex = 0;
      item.addEventListener('click', () => this.select(order.incidentId));
      item.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') this.select(order.incidentId);
      });
      list.append(item);
    }
    this.root.replaceChildren(orders.length ? list : el('p', { className: 'hint', text: t.noOrders }));
    this.count.textContent = t.boardCount(orders.length, overdue);
    this.count.dataset.overdue = String(overdue);
  }
}
