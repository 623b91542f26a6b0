// aggregate(): folding a stream into a state at a revision or a recorded time, shared by every
// backend. Snapshots are a cache behind the SnapshotStore interface (files for the local log, a
// table for PostgreSQL, a KV bucket for JetStream): a snapshot is used only when its fold name and
// version match and the stream still holds the event it was taken at, so dropping one changes
// nothing but the number of events replayed.
import { InvalidRequestError } from './errors';
import type { AggregateOptions, AggregateResult, EventStore, Fold, RecordedEvent } from './eventStore';

export interface Snapshot {
  fold: string;
  version: string;
  stream: string;
  /** The state after the event at this revision. */
  revision: number;
  /** That event's position and recordedAt: a snapshot whose event is gone or moved is ignored. */
  position: number;
  recordedAt: string;
  state: unknown;
}

export interface SnapshotStore {
  load(stream: string, foldName: string): Promise<Snapshot | undefined>;
  save(snapshot: Snapshot): Promise<void>;
  clear(foldName?: string): Promise<void>;
}

interface Bounds {
  revision: number;
  ms: number;
}

export async function runAggregate<S>(store: Pick<EventStore, 'readStream'>, snapshots: SnapshotStore, stream: string, fold: Fold<S>, options: AggregateOptions = {}): Promise<AggregateResult<S>> {
  assertFold(fold);
  const until = boundsOf(options);
  const every = snapshotInterval(options, fold);
  const snapshot = every === undefined ? undefined : await usableSnapshot(store, snapshots, stream, fold, until);
  let state: S = snapshot ? (snapshot.state as S) : structuredClone(fold.initial);
  let revision: number | 'no-stream' = snapshot ? snapshot.revision : 'no-stream';
  let eventsApplied = 0;
  let taken: Snapshot | undefined;
  for await (const event of store.readStream(stream, { fromRevision: snapshot ? snapshot.revision + 1 : 0 })) {
    if (event.revision > until.revision || Date.parse(event.recordedAt) > until.ms) break;
    state = fold.apply(state, event);
    revision = event.revision;
    eventsApplied++;
    if (every !== undefined && (event.revision + 1) % every === 0) taken = snapshotOf(fold, event, state);
  }
  if (taken) await snapshots.save(taken);
  return { state, revision, eventsApplied, ...(snapshot ? { fromSnapshot: snapshot.revision } : {}) };
}

async function usableSnapshot<S>(store: Pick<EventStore, 'readStream'>, snapshots: SnapshotStore, stream: string, fold: Fold<S>, until: Bounds): Promise<Snapshot | undefined> {
  const snapshot = await snapshots.load(stream, fold.name);
  if (!snapshot || snapshot.stream !== stream || snapshot.fold !== fold.name || snapshot.version !== fold.version) return undefined;
  if (snapshot.revision > until.revision || Date.parse(snapshot.recordedAt) > until.ms) return undefined;
  // The event it was taken at must still be there, at the same position (not deleted, not another store).
  for await (const event of store.readStream(stream, { fromRevision: snapshot.revision, maxCount: 1 })) {
    return event.position === snapshot.position && event.revision === snapshot.revision ? snapshot : undefined;
  }
  return undefined;
}

function snapshotOf<S>(fold: Fold<S>, event: RecordedEvent, state: S): Snapshot {
  // Copied through JSON now: a later apply may mutate the state in place.
  const copy = JSON.parse(JSON.stringify(state)) as unknown;
  return { fold: fold.name, version: fold.version as string, stream: event.stream, revision: event.revision, position: event.position, recordedAt: event.recordedAt, state: copy };
}

function assertFold(fold: Fold<unknown>): void {
  if (typeof fold !== 'object' || fold === null || typeof fold.name !== 'string' || fold.name === '' || typeof fold.apply !== 'function') {
    throw new InvalidRequestError('a fold is { name, version?, initial, apply(state, event) } with a non-empty name and an apply function.');
  }
}

function boundsOf(options: AggregateOptions): Bounds {
  const until = options.until;
  if (until === undefined) return { revision: Infinity, ms: Infinity };
  if ('revision' in until) {
    if (!Number.isSafeInteger(until.revision) || until.revision < 0) throw new InvalidRequestError(`until.revision must be a non-negative integer, got ${until.revision}.`);
    return { revision: until.revision, ms: Infinity };
  }
  const ms = until.time instanceof Date ? until.time.getTime() : Date.parse(until.time);
  if (Number.isNaN(ms)) throw new InvalidRequestError(`until.time "${String(until.time)}" is not a time: use ISO 8601, e.g. 2026-01-05T10:30:00Z.`);
  return { revision: Infinity, ms };
}

function snapshotInterval(options: AggregateOptions, fold: Fold<unknown>): number | undefined {
  const every = options.snapshotEvery;
  if (every === undefined) return undefined;
  if (!Number.isSafeInteger(every) || every < 1) throw new InvalidRequestError(`snapshotEvery must be a positive integer, got ${every}.`);
  if (typeof fold.version !== 'string' || fold.version === '') {
    throw new InvalidRequestError(`fold "${fold.name}" needs a version string to use snapshots: a snapshot is valid only for the same fold name and version, so bump it when apply changes.`);
  }
  return every;
}
