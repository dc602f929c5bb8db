// A list keyed by id that a panel fills from a read (its GET) and keeps current with the server's pushes between reads.
//
// A push can land while a read is in flight, and the read's answer may have been taken before the change it pushes:
// the answer as it stands would wipe the push, or bring back what it removed, until the next read. So every push
// taken while a read is in flight is applied again, in the order it came, on top of that read's answer. Reads can
// overlap (the page reads once at start and again when the hub connects): an answer older than the one the list
// already holds is dropped.

type Change<K, V> = (items: Map<K, V>) => unknown;

export class KeyedList<K, V> {
  private readonly items = new Map<K, V>();
  /** The pushes taken while any read is in flight, in the order they came; emptied once no read is. */
  private pushes: Array<Change<K, V>> = [];
  private reading = 0;
  /** Reads started, and the one whose answer the list holds (0: none yet): each read's number orders the answers. */
  private asked = 0;
  private held = 0;

  constructor(private readonly keyOf: (value: V) => K) {}

  /** In the order the answer gave them, those pushed since after them. */
  values(): V[] {
    return [...this.items.values()];
  }

  /**
   * Replaces the contents with `read`'s answer, then applies again every push taken since this read started. The answer
   * is dropped when a newer read's is held already. A failed read leaves the contents as they were and rejects.
   */
  async load(read: () => Promise<Iterable<V>>): Promise<void> {
    const asked = ++this.asked;
    const since = this.pushes.length;
    this.reading++;
    try {
      const answer = await read();
      if (asked < this.held) return;
      this.held = asked;
      this.items.clear();
      for (const value of answer) this.items.set(this.keyOf(value), value);
      for (const change of this.pushes.slice(since)) change(this.items);
    } finally {
      if (--this.reading === 0) this.pushes = [];
    }
  }

  /** A push of the whole item. */
  put(value: V): void {
    this.change((items) => items.set(this.keyOf(value), value));
  }

  /** A push that merges into what is known of the item (undefined when nothing is), applied again after a read too. */
  update(key: K, next: (known: V | undefined) => V): void {
    this.change((items) => items.set(key, next(items.get(key))));
  }

  /**
   * True when the item was there. Kept for the reads in flight even when it was not: their answers may still hold it.
   */
  remove(key: K): boolean {
    return this.change((items) => items.delete(key));
  }

  private change<T>(change: (items: Map<K, V>) => T): T {
    if (this.reading > 0) this.pushes.push(change);
    return change(this.items);
  }
}
