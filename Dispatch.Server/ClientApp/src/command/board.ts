// The task-order board: open orders handed to departments, soonest due first; overdue red, due today amber.

import { getJson } from '../common/api';
import { pick } from '../common/i18n';
import { dateTime } from '../common/time';
import { el } from './dom';
import { dueState, isOpenOrder } from './format';
import { PANEL_TEXT } from './panel-text';
import type { TaskOrderView } from './types';

export class TaskBoard {
  private readonly orders = new Map<string, TaskOrderView>();

  constructor(private readonly root: HTMLElement, private readonly count: HTMLElement, private readonly select: (incidentId: string) => void) {}

  async load(): Promise<void> {
    try {
      const orders = await getJson<TaskOrderView[]>('/api/task-orders');
      this.orders.clear();
      for (const order of orders) if (isOpenOrder(order.status)) this.orders.set(order.id, order);
    } catch (error) {
      console.warn('Could not load the task orders', error);
    }
    this.render();
  }

  apply(order: TaskOrderView): void {
    if (isOpenOrder(order.status)) this.orders.set(order.id, order);
    else this.orders.delete(order.id);
    this.render();
  }

  /** Also called every minute: an order turns amber or red by the passing of time alone. */
  render(now = Date.now()): void {
    const t = pick(PANEL_TEXT);
    const orders = [...this.orders.values()].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    let overdue = 0;
    const body = el('tbody');
    for (const order of orders) {
      const due = dueState(order, now);
      if (due === 'overdue') overdue++;
      const row = el('tr', { testid: 'task-order', data: { taskOrderId: order.id, incidentId: order.incidentId, due } },
        el('td', { className: 'org', text: order.organisation.name }),
        el('td', { className: 'words', text: order.instructions }),
        el('td', { className: 'state', text: t.orderStatusName[order.status] ?? order.status }),
        el('td', { className: 'due', testid: 'task-order-due' }, el('span', { text: dateTime(order.dueAt) }), el('span', { className: 'due-flag', text: t.due[due] })));
      row.tabIndex = 0;
      row.addEventListener('click', () => this.select(order.incidentId));
      row.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') this.select(order.incidentId);
      });
      body.append(row);
    }
    const head = el('thead', {}, el('tr', {}, ...[t.orderOrganisation, t.orderInstructions, t.orderStatus, t.orderDue].map((h) => {
      const cell = el('th', { text: h });
      cell.scope = 'col';
      return cell;
    })));
    this.root.replaceChildren(orders.length ? el('table', { className: 'board-table', testid: 'task-board-table' }, head, body) : el('p', { className: 'hint', text: t.noOrders }));
    this.count.textContent = t.boardCount(orders.length, overdue);
    this.count.dataset.overdue = String(overdue);
  }
}
