// Reads of which only the last one started may answer. A panel whose read depends on the operator's filters must not
// show the answer to filters that were changed while it was in flight: a slow answer for "last week" arriving after
// the quick one for "today" would put last week's rows under today's heading. Unlike KeyedList, which keeps an older
// answer until a newer one arrives, an answer here is dropped as soon as a newer read has started.

export class LatestRead {
  private started = 0;

  /** The read's answer, or undefined when another read was started before it answered (that one will answer). */
  async run<T>(read: () => Promise<T>): Promise<{ value: T } | undefined> {
    const ticket = ++this.started;
    const value = await read();
    return ticket === this.started ? { value } : undefined;
  }
}
