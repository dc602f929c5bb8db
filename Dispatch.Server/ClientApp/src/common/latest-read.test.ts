import { describe, expect, it } from 'vitest';
import { LatestRead } from './latest-read';

/** A read whose answer the test gives when it chooses: no timers, the order of events is the test's. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => [resolve, reject] = [ok, fail]);
  return { promise, resolve, reject };
}

describe('LatestRead', () => {
  it('gives the answer of a read when no other was started', async () => {
    const reads = new LatestRead();
    expect(await reads.run(async () => 'today')).toEqual({ value: 'today' });
  });

  it('drops an older read that answers after a newer one', async () => {
    const reads = new LatestRead();
    const lastWeek = deferred<string>();
    const today = deferred<string>();
    const first = reads.run(() => lastWeek.promise);
    const second = reads.run(() => today.promise);
    today.resolve('today');
    expect(await second).toEqual({ value: 'today' });
    lastWeek.resolve('last week');
    expect(await first).toBeUndefined();
  });

  it('drops an older read even when it answers first: its filters are no longer the ones shown', async () => {
    const reads = new LatestRead();
    const lastWeek = deferred<string>();
    const today = deferred<string>();
    const first = reads.run(() => lastWeek.promise);
    const second = reads.run(() => today.promise);
    lastWeek.resolve('last week');
    expect(await first).toBeUndefined();
    today.resolve('today');
    expect(await second).toEqual({ value: 'today' });
  });

  it('passes a failed read on to its caller', async () => {
    const reads = new LatestRead();
    await expect(reads.run(() => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(await reads.run(async () => 'again')).toEqual({ value: 'again' });
  });
});
