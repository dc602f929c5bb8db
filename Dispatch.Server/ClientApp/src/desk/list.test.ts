import { beforeEach, describe, expect, it } from 'vitest';
import { OrderList } from './list';
import type { TaskOrderView } from './model';

/** The parts of desk.html the list works in. */
const PAGE = `
  <section class="orders"><ul class="order-list" data-testid="task-order-list"></ul><p class="empty"></p></section>
  <template id="order-template">
    <li><button type="button" class="order" data-testid="task-order-item">
      <span class="pill"></span><span class="due"></span><span class="about"></span><span class="text"></span><span class="meta"></span>
    </button></li>
  </template>`;

/** A read whose answer the test gives when it chooses: no timers, the order of events is the test's. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((ok) => resolve = ok);
  return { promise, resolve };
}

/** An order due on the given day of October 2025; a finished one (status Completed) has no due state. */
const order = (id: string, day: number, status = 'Assigned', instructions = `do ${id}`): TaskOrderView => ({
  id, incidentId: `incident-${id}`, status, instructions, categoryName: 'Noise', address: 'Street 1',
  organisation: { code: 'ORG', name: 'Org', type: 'Community' },
  assignedAt: '2025-10-01T00:00:00Z', dueAt: `2025-10-${String(day).padStart(2, '0')}T15:59:59Z`,
  dueState: status === 'Completed' ? null : 'Ok', workingDaysLeft: status === 'Completed' ? null : 3,
} as unknown as TaskOrderView);

/** The list as shown, top to bottom, as `id:status`. */
const shown = () => [...document.querySelectorAll<HTMLButtonElement>('[data-testid="task-order-item"]')]
  .map((button) => `${button.dataset.taskOrderId}:${button.dataset.status}`);
const item = (id: string) => document.querySelector(`[data-task-order-id="${id}"]`)!.closest('li')!;

describe('the desk\'s order list', () => {
  let count: HTMLElement;
  let list: OrderList;
  beforeEach(() => {
    document.body.innerHTML = PAGE;
    count = document.createElement('p');
    list = new OrderList(count, () => undefined);
  });

  it('shows the orders read, open ones first by due time, then the finished ones', async () => {
    await list.load(async () => [order('done', 1, 'Completed'), order('late', 20), order('soon', 10)]);
    expect(shown()).toEqual(['soon:Assigned', 'late:Assigned', 'done:Completed']);
    expect(item('soon').querySelector('.text')!.textContent).toBe('do soon');
    expect(document.querySelector<HTMLElement>('.empty')!.hidden).toBe(true);
    expect([list.has('soon'), list.has('other')]).toEqual([true, false]);
  });

  it('keeps an order pushed while a read is in flight, over the answer taken before it', async () => {
    const read = deferred<TaskOrderView[]>();
    const loading = list.load(() => read.promise);
    list.push(order('new', 12));
    list.push(order('a', 15, 'Accepted'));
    read.resolve([order('a', 15, 'Assigned')]);
    await loading;
    expect(shown()).toEqual(['new:Assigned', 'a:Accepted']);
  });

  it('drops the orders a later read no longer holds', async () => {
    await list.load(async () => [order('a', 10), order('b', 11)]);
    await list.load(async () => [order('b', 11)]);
    expect(shown()).toEqual(['b:Assigned']);
    expect(list.has('a')).toBe(false);
  });

  it('does not let an older read that answers last bring back what a newer one said', async () => {
    const older = deferred<TaskOrderView[]>();
    const newer = deferred<TaskOrderView[]>();
    const first = list.load(() => older.promise);
    const second = list.load(() => newer.promise);
    newer.resolve([order('a', 10, 'Completed')]);
    await second;
    older.resolve([order('a', 10, 'Assigned'), order('gone', 11)]);
    await first;
    expect(shown()).toEqual(['a:Completed']);
  });

  it('highlights a pushed order new to the list, not one it holds nor one a step here changed', async () => {
    await list.load(async () => [order('a', 10)]);
    list.push(order('a', 10, 'Accepted'));
    list.push(order('new', 12));
    list.update(order('a', 10, 'Completed'));
    expect(item('new').classList.contains('is-new')).toBe(true);
    expect(item('a').classList.contains('is-new')).toBe(false);
    expect(shown()).toEqual(['new:Assigned', 'a:Completed']);
  });

  it('keeps a step\'s answer that lands while a read is in flight', async () => {
    const read = deferred<TaskOrderView[]>();
    const loading = list.load(() => read.promise);
    list.update(order('a', 10, 'Completed'));
    read.resolve([order('a', 10, 'Assigned'), order('b', 11)]);
    await loading;
    expect(shown()).toEqual(['b:Assigned', 'a:Completed']);
  });

  it('moves an order to its place when a push changes its due time, reusing its row', async () => {
    await list.load(async () => [order('a', 10), order('b', 11), order('c', 12)]);
    const row = item('c');
    list.push(order('c', 5));
    expect(shown()).toEqual(['c:Assigned', 'a:Assigned', 'b:Assigned']);
    expect(item('c')).toBe(row);
  });

  it('says when the list is empty, and a failed read leaves it as it was', async () => {
    await list.load(async () => []);
    expect(document.querySelector<HTMLElement>('.empty')!.hidden).toBe(false);
    list.push(order('a', 10));
    await expect(list.load(async () => { throw new Error('offline'); })).rejects.toThrow('offline');
    expect(shown()).toEqual(['a:Assigned']);
  });
});
