// subscribe for the local log. There is no separate catch-up and live phase: a subscription is a
// cursor (a position, or a revision of one stream) that every pull reads forward from, up to the
// durable head, at most batchSize events at a time. When the cursor reaches the head, the pull
// waits for the commit path to move the head (MemoryIndex.onDurable), then reads on from the same
// cursor. So events committed during the catch-up are read exactly once, in order, and a slow
// consumer costs nothing: a commit only wakes a waiting pull, it never pushes events anywhere.
// Commits are seen through this process's index: a read-only opener sees the log as it was at open.
import type { RecordedEvent, SubscribeOptions, Subscription } from '../../eventStore';
import { InvalidRequestError } from '../../errors';
import { compileFilter, type CompiledFilter } from '../../readFilter';
import type { MemoryIndex } from './memoryIndex';
import { eventAt } from './read';
import type { RecordReader } from './recordReader';

export const DEFAULT_SUBSCRIPTION_BATCH = 256;
const MAX_BATCH = 10_000;
const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

export class LocalSubscription implements Subscription {
  private readonly filter: CompiledFilter;
  private readonly stream: string | undefined;
  private readonly batchSize: number;
  /** The next position (whole log) or revision (one stream) to read. */
  private cursor: number;
  private buffer: RecordedEvent[] = [];
  private bufferStart = 0;
  private ended = false;
  private wake: (() => void) | undefined;
  private readonly stopListening: () => void;
  private readonly signal: AbortSignal | undefined;
  private readonly onAbort = () => this.end();
  /** Pulls run one after another, so concurrent next() calls still get events in order. */
  private pulls: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly index: MemoryIndex,
    private readonly reader: RecordReader,
    options: SubscribeOptions,
    private readonly onEnd: (subscription: LocalSubscription) => void,
  ) {
    const checked = checkOptions(options);
    this.stream = checked.stream;
    this.batchSize = checked.batchSize;
    this.filter = compileFilter(options.filter);
    this.cursor = this.startCursor(checked.from);
    this.stopListening = index.onDurable(() => {
      const wake = this.wake;
      this.wake = undefined;
      wake?.();
    });
    this.signal = options.signal;
    if (this.signal?.aborted) this.end();
    else this.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  get buffered(): number {
    return this.buffer.length - this.bufferStart;
  }

  /** True once ended (return(), abort, store close, stream deleted, or a read failure). */
  get finished(): boolean {
    return this.ended;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent>> {
    const result = this.pulls.then(() => this.pull());
    this.pulls = result.catch(() => undefined);
    return result;
  }

  async return(): Promise<IteratorResult<RecordedEvent>> {
    this.end();
    return DONE;
  }

  /** Stops delivering (idempotent); a waiting pull wakes up and resolves done. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.buffer = [];
    this.bufferStart = 0;
    this.stopListening();
    this.signal?.removeEventListener('abort', this.onAbort);
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
    this.onEnd(this);
  }

  /** Resolves once no pull is reading from the store (the store waits for this before closing its files). */
  async settled(): Promise<void> {
    await this.pulls;
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.ended) return DONE;
      if (this.stream !== undefined && this.index.isDeletedDurably(this.stream)) {
        this.end();
        return DONE;
      }
      if (this.bufferStart < this.buffer.length) {
        const value = this.buffer[this.bufferStart++];
        if (this.bufferStart === this.buffer.length) {
          this.buffer = [];
          this.bufferStart = 0;
        }
        return { done: false, value };
      }
      if (this.cursor < this.readableEnd()) {
        await this.fill();
        continue;
      }
      // Caught up: wait for the next commit. No await sits between the check above and setting
      // wake, so a commit cannot slip in unnoticed.
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** The cursor value below which events are durable and readable. */
  private readableEnd(): number {
    return this.stream === undefined ? this.index.durableHead : this.index.durableCount(this.stream);
  }

  /** Reads the next batch (at most batchSize events scanned) into the empty buffer. */
  private async fill(): Promise<void> {
    if (this.stream === undefined && this.filter.fromMs !== -Infinity) {
      this.cursor = Math.max(this.cursor, this.index.firstPositionAtOrAfter(this.filter.fromMs));
    }
    const stop = Math.min(this.readableEnd(), this.cursor + this.batchSize);
    const positions = this.stream === undefined ? undefined : this.index.streams.get(this.stream);
    try {
      while (this.cursor < stop) {
        const position = positions ? positions[this.cursor] : this.cursor;
        const event = await eventAt(this.index, this.reader, position);
        if (this.ended) return;
        this.cursor++;
        if (this.filter.matches(event)) this.buffer.push(event);
      }
    } catch (error) {
      // A read cut off by close() or return() is no failure: the subscription is over anyway.
      if (this.ended) return;
      this.end();
      throw error;
    }
  }

  private startCursor(from: number | 'start' | 'end'): number {
    if (typeof from === 'number') return from;
    if (from === 'start') return 0;
    return this.readableEnd();
  }
}

function checkOptions(options: SubscribeOptions): { stream: string | undefined; from: number | 'start' | 'end'; batchSize: number } {
  const { stream, fromPosition, fromRevision, batchSize = DEFAULT_SUBSCRIPTION_BATCH } = options;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH) {
    throw new InvalidRequestError(`batchSize must be an integer from 1 to ${MAX_BATCH}, got ${batchSize}.`);
  }
  if (stream !== undefined && (typeof stream !== 'string' || stream === '')) throw new InvalidRequestError('stream must be a non-empty stream name.');
  if (fromPosition !== undefined && fromPosition !== 'start' && fromPosition !== 'end' && !isIndex(fromPosition)) {
    throw new InvalidRequestError(`fromPosition must be 'start', 'end' or a non-negative integer, got ${String(fromPosition)}.`);
  }
  if (fromRevision !== undefined && !isIndex(fromRevision)) throw new InvalidRequestError(`fromRevision must be a non-negative integer, got ${String(fromRevision)}.`);
  if (stream === undefined) {
    if (fromRevision !== undefined) throw new InvalidRequestError('fromRevision needs a stream: pass { stream, fromRevision }, or use fromPosition for the whole log.');
    return { stream, from: fromPosition ?? 'start', batchSize };
  }
  if (typeof fromPosition === 'number') throw new InvalidRequestError('a stream subscription starts at a revision: pass fromRevision instead of a numeric fromPosition.');
  if (fromRevision !== undefined && fromPosition !== undefined) throw new InvalidRequestError("pass either fromRevision or fromPosition ('start' | 'end') for a stream subscription, not both.");
  return { stream, from: fromRevision ?? fromPosition ?? 'start', batchSize };
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
