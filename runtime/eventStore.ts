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

// #region subscribe
export interface SubscribeOptions {
  /**
   * Where a subscription to the whole log starts (inclusive, like readAll's fromPosition):
   * 'start' (default), 'end' (only events that become durable after subscribe returns), or a
   * position (to resume after a checkpoint, pass the last handled position + 1). With `stream`,
   * only 'start' and 'end' are accepted: use fromRevision for a place in the stream.
   */
  fromPosition?: number | 'start' | 'end';
  /** Subscribe to one stream instead of the whole log. */
  stream?: string;
  /** With `stream`: the first revision to deliver (inclusive); default 0. */
  fromRevision?: number;
  /** Applied to every event, in catch-up and live alike (see ReadFilter). */
  filter?: ReadFilter;
  /** Aborting ends the subscription like return(): a pending next() resolves done. */
  signal?: AbortSignal;
  /**
   * At most this many events are fetched from the store per pull (default 256): a subscription
   * holds no more than this in memory, however far behind its consumer is.
   */
  batchSize?: number;
}

/** A live subscription: an async iterator with a bounded read-ahead. */
export interface Subscription extends AsyncIterableIterator<RecordedEvent> {
  /** Events fetched from the store but not yet delivered; never more than batchSize. */
  readonly buffered: number;
  /** Stops the subscription and releases what it holds; a pending next() resolves done. */
  return(): Promise<IteratorResult<RecordedEvent>>;
}
// #endregion subscribe

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
  /**
   * Delivers the log's events (or one stream's) from a start position, first catching up from the
   * store and then live as new events become durable: in position order, each exactly once, with
   * no gap or repeat at the switch (events appended during the catch-up included). Pull-based with
   * bounded memory: events are fetched in batches of at most batchSize only when the consumer
   * pulls, so a slow consumer makes the subscription hold nothing more; a commit only signals that
   * there is more to read, and the next pull reads it from the store.
   * Ends (next() resolves done) on return(), when options.signal aborts, when the store closes,
   * and, for a stream subscription, once the stream is deleted (its reads stop, as readStream's).
   * A read failure rejects next() and ends the subscription. Throws InvalidRequestError for bad
   * options, StoreClosedError on a closed store.
   *
   * How other backends keep the promise: PostgreSQL catches up with `position >= $cursor ORDER BY
   * position LIMIT batchSize` and waits on LISTEN/NOTIFY between batches, re-querying from the
   * cursor on each notification (a notification carries nothing but "there is more", so a missed
   * or coalesced one loses nothing); it must only read below the position under which every
   * transaction has committed (sequence values commit out of order), or a late commit is skipped.
   * NATS JetStream uses an ordered pull consumer from the start sequence (DeliverByStartSequence)
   * and fetches batchSize messages per pull.
   */
  subscribe(options?: SubscribeOptions): Subscription;
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
