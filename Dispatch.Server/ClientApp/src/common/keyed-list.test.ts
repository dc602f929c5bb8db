import { describe, expect, it } from 'vitest';
import { KeyedList } from './keyed-list';

interface Item { id: string; state: string }

/** A read whose answer the test gives when it chooses: no timers, the order of events is the test's. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => [resolve, reject] = [ok, fail]);
  return { promise, resolve, reject };
}

const list = () => new KeyedList<string, Item>((item) => item.id);
const states = (items: KeyedList<string, Item>) => items.values().map((item) => `${item.id}:${item.state}`);

describe('KeyedList', () => {
  it('holds the answer of a read, replacing what it held', async () => {
    const items = list();
    items.put({ id: 'old', state: 'open' });
    await items.load(async () => [{ id: 'a', state: 'open' }, { id: 'b', state: 'open' }]);
    expect(states(items)).toEqual(['a:open', 'b:open']);
  });

  it('keeps a push that lands while a read is in flight, over the answer taken before it', async () => {
    const items = list();
    const read = deferred<Item[]>();
    const loading = items.load(() => read.promise);
    items.put({ id: 'new', state: 'open' });
    items.put({ id: 'a', state: 'done' });
    read.resolve([{ id: 'a', state: 'open' }]);
    await loading;
    expect(states(items)).toEqual(['a:done', 'new:open']);
  });

  it('keeps an item removed while a read is in flight removed, even one the list did not hold yet', async () => {
    const items = list();
    const read = deferred<Item[]>();
    const loading = items.load(() => read.promise);
    expect(items.remove('a')).toBe(false);
    read.resolve([{ id: 'a', state: 'open' }, { id: 'b', state: 'open' }]);
    await loading;
    expect(states(items)).toEqual(['b:open']);
  });

  it('applies a merging push again on top of the answer, in the order the pushes came', async () => {
    const items = list();
    const read = deferred<Item[]>();
    const loading = items.load(() => read.promise);
    items.update('a', (known) => ({ id: 'a', state: `${known?.state ?? 'none'}+1` }));
    items.update('a', (known) => ({ id: 'a', state: `${known?.state ?? 'none'}+2` }));
    read.resolve([{ id: 'a', state: 'read' }]);
    await loading;
    expect(states(items)).toEqual(['a:read+1+2']);
  });

  it('does not let an older read that answers last overwrite a newer one', async () => {
    const items = list();
    const older = deferred<Item[]>();
    const newer = deferred<Item[]>();
    const first = items.load(() => older.promise);
    const second = items.load(() => newer.promise);
    newer.resolve([{ id: 'a', state: 'done' }]);
    await second;
    older.resolve([{ id: 'a', state: 'open' }, { id: 'gone', state: 'open' }]);
    await first;
    expect(states(items)).toEqual(['a:done']);
  });

  it('lets an older read that answers first be replaced by the newer one', async () => {
    const items = list();
    const older = deferred<Item[]>();
    const newer = deferred<Item[]>();
    const first = items.load(() => older.promise);
    const second = items.load(() => newer.promise);
    older.resolve([{ id: 'a', state: 'open' }]);
    await first;
    expect(states(items)).toEqual(['a:open']);
    newer.resolve([{ id: 'b', state: 'open' }]);
    await second;
    expect(states(items)).toEqual(['b:open']);
  });

  it('replays on a newer read only the pushes taken since it started, which its answer may not hold', async () => {
    const items = list();
    const older = deferred<Item[]>();
    const newer = deferred<Item[]>();
    const first = items.load(() => older.promise);
    items.put({ id: 'a', state: 'before' });
    const second = items.load(() => newer.promise);
    items.put({ id: 'b', state: 'after' });
    older.resolve([]);
    await first;
    expect(states(items)).toEqual(['a:before', 'b:after']);
    // The newer read started after the first push, so its answer is newer than it: the push is not applied again.
    newer.resolve([{ id: 'a', state: 'changed since' }]);
    await second;
    expect(states(items)).toEqual(['a:changed since', 'b:after']);
  });

  it('keeps what it held, pushes included, when a read fails', async () => {
    const items = list();
    await items.load(async () => [{ id: 'a', state: 'open' }]);
    const read = deferred<Item[]>();
    const loading = items.load(() => read.promise);
    items.put({ id: 'b', state: 'open' });
    read.reject(new Error('offline'));
    await expect(loading).rejects.toThrow('offline');
    expect(states(items)).toEqual(['a:open', 'b:open']);
  });

  it('forgets the pushes once no read is in flight: a later read is not given them again', async () => {
    const items = list();
    const read = deferred<Item[]>();
    const loading = items.load(() => read.promise);
    items.put({ id: 'a', state: 'pushed' });
    read.resolve([]);
    await loading;
    await items.load(async () => [{ id: 'a', state: 'read later' }]);
    expect(states(items)).toEqual(['a:read later']);
  });
});
