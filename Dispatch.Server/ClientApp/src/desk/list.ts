// The organisation's task orders: open ones first by due time, each with its countdown. Server data by textContent only.

import { pick } from '../common/i18n';
import { KeyedList } from '../common/keyed-list';
import { dateTime } from '../common/time';
import { byUrgency, countdown, isRunning } from './due';
import type { TaskOrderView } from './model';
import { TEXT } from './text';

/** The countdown's words and colour, shared by the list and the pane. */
export function showDue(element: HTMLElement, order: TaskOrderView, now = Date.now()): void {
  const state = countdown(order, now);
  if (!state) {
    element.textContent = '';
    delete element.dataset.urgency;
    return;
  }
  const t = pick(TEXT);
  element.dataset.urgency = state.urgency;
  element.textContent = state.urgency === 'overdue' ? t.late(state.hours)
    : state.urgency === 'soon' ? t.hoursLeft(state.hours) : t.daysLeft(state.workingDays);
}

export function showStatus(element: HTMLElement, status: string): void {
  element.dataset.status = status;
  element.textContent = pick(TEXT).status[status] ?? status;
}

export class OrderList {
  // What the server said of each order, read and pushed: a push that lands while a read is in flight survives it.
  private readonly orders = new KeyedList<string, TaskOrderView>((order) => order.id);
  private readonly items = new Map<string, HTMLLIElement>();
  private readonly list = document.querySelector<HTMLElement>('[data-testid="task-order-list"]')!;
  private readonly template = document.querySelector<HTMLTemplateElement>('#order-template')!;
  private readonly empty = document.querySelector<HTMLElement>('.orders .empty')!;
  selected: string | null = null;

  constructor(private readonly count: HTMLElement, private readonly choose: (id: string) => void) {}

  /** True when the order is on the list. */
  has(id: string): boolean {
    return this.items.has(id);
  }

  /**
   * Reads the list (again, at each connection and each midnight): the answer replaces what was shown, with the pushes
   * taken during the read kept on top of it. A failed read leaves the list as it was and rejects.
   */
  async load(read: () => Promise<TaskOrderView[]>): Promise<void> {
    await this.orders.load(read);
    this.render();
  }

  /** A pushed order: highlighted when it is new to the list. */
  push(order: TaskOrderView): void {
    if (!this.items.has(order.id)) this.item(order.id).classList.add('is-new');
    this.orders.put(order);
    this.render();
  }

  /** The order as a step on this page left it: the handler took the step, so nothing is highlighted. */
  update(order: TaskOrderView): void {
    this.orders.put(order);
    this.render();
  }

  render(): void {
    const sorted = byUrgency(this.orders.values());
    const held = new Set(sorted.map((order) => order.id));
    for (const [id, item] of this.items) if (!held.has(id)) { item.remove(); this.items.delete(id); }
    sorted.forEach((order, index) => {
      const item = this.item(order.id);
      this.fill(item, order);
      if (this.list.children[index] !== item) this.list.insertBefore(item, this.list.children[index] ?? null);
    });
    const open = sorted.filter(isRunning);
    this.count.textContent = pick(TEXT).count(open.length, open.filter((o) => o.dueState === 'Overdue').length);
    this.empty.hidden = sorted.length > 0;
  }

  private item(id: string): HTMLLIElement {
    let item = this.items.get(id);
    if (!item) {
      item = this.template.content.firstElementChild!.cloneNode(true) as HTMLLIElement;
      const button = item.querySelector<HTMLButtonElement>('button')!;
      button.dataset.taskOrderId = id;
      button.addEventListener('click', () => this.choose(id));
      item.addEventListener('animationend', () => item!.classList.remove('is-new'));
      this.items.set(id, item);
    }
    return item;
  }

  private fill(item: HTMLLIElement, order: TaskOrderView): void {
    const button = item.querySelector<HTMLButtonElement>('button')!;
    button.dataset.status = order.status;
    button.setAttribute('aria-pressed', String(order.id === this.selected));
    showStatus(item.querySelector('.pill')!, order.status);
    showDue(item.querySelector('.due')!, order);
    // What the work is about and where, before the instructions: a handler scans the list by these.
    item.querySelector('.about')!.textContent = `${order.categoryName ?? pick(TEXT).unknown} · ${order.address ?? '—'}`;
    item.querySelector('.text')!.textContent = order.instructions;
    item.querySelector('.meta')!.textContent = `${dateTime(order.assignedAt)} · ${order.organisation.name}`;
  }
}
