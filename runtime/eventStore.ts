// The EventStore interface every backend implements: the local log (runtime/backends/local) now,
// PostgreSQL and NATS JetStream later. test/contracts/eventStore.contract.ts is its executable spec.
//
// Vocabulary (KurrentDB's): a stream is an ordered sequence of events named like `order-123`; an
// event's revision is its 0-based index in its stream; its position is its place in the global
// order of the whole store. Positions only grow; the local log has no gaps, other backends may
// (a PostgreSQL sequence after a rolled-back transaction), so callers never do arithmetic on them.
import type { EventEnvelope } from './envelope';
import type { ExpectedRevision } from './expectedRevision';

// #region append
export interface AppendOptions {
  /** Default 'any'. See expectedRevision.ts for the meaning of each value. */
  expectedRevision?: ExpectedRevision;
}

export interface AppendedEvent {
  eventId: string;
  stream: string;
  revision: number;
  position: number;
}

export interface AppendResult {
  stream: string;
  /** The stream's revision after the append: pass it as expectedRevision to append next. */
  nextExpectedRevision: number | 'no-stream';
  /** One entry per event of the batch, in order. */
  events: AppendedEvent[];
  /** True when every eventId was stored already: nothing was written, the originals are returned. */
  duplicate: boolean;
}

export interface StreamAppend {
  stream: string;
  events: readonly EventEnvelope[];
  expectedRevision?: ExpectedRevision;
}
// #endregion append

// #region read
export interface ReadFilter {
  /** Only these event types. */
  eventTypes?: readonly string[];
  /** Only streams of this category (`order` matches `order-123`). */
  category?: string;
  /** Only events whose metadata.correlationId is this. */
  correlationId?: string;
  /** Only events recorded at or after this time (ISO 8601 or Date). */
  recordedFrom?: string | Date;
  /** Only events recorded at or before this time. */
  recordedUntil?: string | Date;
}

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: ReadDirection;
  /** Inclusive start revision; default: the first (forwards) or last (backwards) event. */
  fromRevision?: number;
  maxCount?: number;
  filter?: ReadFilter;
}

export interface ReadAllOptions {
  direction?: ReadDirection;
  /** Inclusive start position; default: the start (forwards) or end (backwards) of the log. */
  fromPosition?: number;
  maxCount?: number;
  filter?: ReadFilter;
}

export interface RecordedEvent {
  stream: string;
  revision: number;
  position: number;
  /** When the store committed the event (ISO 8601, UTC); never decreases along positions. */
  recordedAt: string;
  event: EventEnvelope;
}

export interface StreamInfo {
  stream: string;
  /** Revision of the last event. */
  revision: number;
  firstPosition: number;
  lastPosition: number;
}
// #endregion read

export interface EventStore {
  /**
   * Appends events to one stream atomically (all or none), after checking expectedRevision.
   * Resolves only once the events are durable under the store's durability setting.
   * Idempotent by eventId, forever: resending a stored batch returns the original revisions and
   * positions (`duplicate: true`) without checking expectedRevision again; a batch mixing stored
   * and new ids rejects with PartialDuplicateBatchError; a mismatch rejects with
   * WrongExpectedRevisionError.
   */
  append(stream: string, events: readonly EventEnvelope[], options?: AppendOptions): Promise<AppendResult>;
  /** Appends to several streams in one atomic commit, each with its own expectedRevision. */
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** The stream's last revision, or 'no-stream'. */
  streamRevision(stream: string): Promise<number | 'no-stream'>;
  listStreams(): AsyncIterable<StreamInfo>;
  /** The position the next event will get (0 for an empty store). */
  headPosition(): Promise<number>;
  /** Waits for pending appends, then releases files and locks. */
  close(): Promise<void>;
}

/** Reads an async iterable to an array (tests, small reads). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
