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
  /** Revision of the last event (for a deleted stream: of its tombstone). */
  revision: number;
  firstPosition: number;
  lastPosition: number;
  /** Present and true once the stream is deleted. */
  deleted?: true;
}
// #endregion read

// #region aggregate
/**
 * A left fold over one stream's events. `version` names the fold's logic: a snapshot is used only
 * by a fold of the same name AND version, so bump it whenever apply or the state shape changes.
 * Snapshots store the state as JSON, so a snapshotted state must survive JSON round-tripping.
 */
export interface Fold<S> {
  name: string;
  version?: string;
  initial: S;
  apply(state: S, event: RecordedEvent): S;
}

export interface AggregateOptions {
  /**
   * Fold only up to a revision (inclusive), or up to a time: events with recordedAt at or before
   * it (inclusive). Time is the store's recordedAt, never the envelope's timestamp: recordedAt is
   * assigned by the store and never decreases along the stream, so "state at time X" is
   * deterministic; a producer's timestamp can be skewed or out of order.
   */
  until?: { revision: number } | { time: string | Date };
  /**
   * Take a snapshot every N events (at revisions N-1, 2N-1, ...), kept as a cache: a later
   * aggregate starts from the newest usable one. Requires fold.version. Deleting snapshots
   * (clearSnapshots, or their files) changes no result, only the work done.
   */
  snapshotEvery?: number;
}

export interface AggregateResult<S> {
  state: S;
  /** Revision of the last event folded in, or 'no-stream' when none was. */
  revision: number | 'no-stream';
  /** Events applied by this call (fewer than revision + 1 when it started from a snapshot). */
  eventsApplied: number;
  /** The revision of the snapshot this call started from, if any. */
  fromSnapshot?: number;
}
// #endregion aggregate

// #region causation
export interface CausationNode {
  event: RecordedEvent;
  /** Events whose metadata.causationId is this event's eventId, in global order. */
  children: CausationNode[];
}

export interface CausationTree {
  /** The chain of causes above the event, outermost first (the root cause first); empty for a root. */
  ancestors: RecordedEvent[];
  /** The event itself with everything it caused, transitively. */
  root: CausationNode;
}
// #endregion causation

export interface DeleteStreamOptions {
  /** Default 'any'. */
  expectedRevision?: ExpectedRevision;
}

export interface DeleteResult {
  stream: string;
  /** The tombstone's revision and position. */
  revision: number;
  position: number;
  /** True when the stream was already deleted by this tombstone (a retried delete). */
  duplicate: boolean;
}

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
  /**
   * Folds a stream's events into a state, up to a revision or a recorded time, optionally from and
   * into snapshots. A deleted stream folds to `initial` (its reads return nothing).
   */
  aggregate<S>(stream: string, fold: Fold<S>, options?: AggregateOptions): Promise<AggregateResult<S>>;
  /** Drops cached snapshots (of one fold name, or all); results never change, only speed. */
  clearSnapshots(foldName?: string): Promise<void>;
  /** Every event whose metadata.correlationId is this, in global order (deleted streams' events included: the log keeps them). */
  readCorrelation(correlationId: string): AsyncIterable<RecordedEvent>;
  /** What the event caused (by metadata.causationId), and its chain of causes; undefined for an unknown eventId. */
  causationTree(eventId: string): Promise<CausationTree | undefined>;
  /**
   * Deletes a stream with a tombstone (hard delete): its events stay in the log (readAll,
   * readCorrelation and export still see them, and the tombstone event of type $streamDeleted),
   * readStream returns nothing, listStreams marks it deleted, and appending to it rejects with
   * StreamDeletedError forever. A mismatch of expectedRevision rejects with WrongExpectedRevisionError.
   */
  deleteStream(stream: string, options?: DeleteStreamOptions): Promise<DeleteResult>;
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
