// Typed store errors. Each names what was expected and what was found, and how to recover, so a
// caller can branch on the class (or on `code`, which survives a process boundary) and a person
// can act on the message.
import type { ExpectedRevision, StreamState } from './expectedRevision';

export type EventStoreErrorCode =
  | 'wrong-expected-revision'
  | 'partial-duplicate-batch'
  | 'event-id-conflict'
  | 'invalid-request'
  | 'stream-deleted'
  | 'store-locked'
  | 'store-corrupt'
  | 'store-closed'
  | 'store-failed';

export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;
}

/** The stream is not at the revision the append expected (another writer got there first). */
export class WrongExpectedRevisionError extends EventStoreError {
  override readonly name = 'WrongExpectedRevisionError';
  readonly code = 'wrong-expected-revision';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: StreamState,
  ) {
    super(
      `stream "${stream}": expected ${describeExpected(expected)} but ${describeActual(actual)}; ` +
        `read the stream again, decide again, and retry with expectedRevision ${actual === 'no-stream' ? '"no-stream"' : actual}.`,
    );
  }
}

/** Some eventIds of the batch are stored already and some are new: neither a retry nor new work. */
export class PartialDuplicateBatchError extends EventStoreError {
  override readonly name = 'PartialDuplicateBatchError';
  readonly code = 'partial-duplicate-batch';
  constructor(
    readonly stream: string,
    readonly storedEventIds: readonly string[],
    readonly newEventIds: readonly string[],
  ) {
    super(
      `stream "${stream}": ${storedEventIds.length} of the batch's ${storedEventIds.length + newEventIds.length} eventIds are stored already ` +
        `(first: ${storedEventIds[0]}) and ${newEventIds.length} are new (first: ${newEventIds[0]}); a retry must resend exactly the ` +
        `original batch, and new events need new eventIds. Nothing was written.`,
    );
  }
}

/** Every eventId of the batch is stored, but not as this batch in this stream. */
export class EventIdConflictError extends EventStoreError {
  override readonly name = 'EventIdConflictError';
  readonly code = 'event-id-conflict';
  constructor(
    readonly stream: string,
    readonly eventId: string,
    readonly storedIn: { stream: string; revision: number; position: number },
  ) {
    super(
      `stream "${stream}": eventId ${eventId} is stored already in stream "${storedIn.stream}" at revision ${storedIn.revision} ` +
        `(position ${storedIn.position}), so this is not a retry of that append; give new events new eventIds. Nothing was written.`,
    );
  }
}

/** The call itself is malformed (bad stream name, envelope without eventId, duplicate ids in one batch, bad read option). */
export class InvalidRequestError extends EventStoreError {
  override readonly name = 'InvalidRequestError';
  readonly code = 'invalid-request';
}

/** The stream was deleted (a tombstone ends it): it cannot be appended to or re-created. */
export class StreamDeletedError extends EventStoreError {
  override readonly name = 'StreamDeletedError';
  readonly code = 'stream-deleted';
  constructor(readonly stream: string) {
    super(`stream "${stream}" was deleted and cannot be appended to or re-created (deletion is permanent); write to a new stream name instead.`);
  }
}

/** Another live process holds the store's write lock. */
export class StoreLockedError extends EventStoreError {
  override readonly name = 'StoreLockedError';
  readonly code = 'store-locked';
  constructor(
    readonly lockFile: string,
    readonly holderPid: number,
    readonly holderHost: string | undefined,
  ) {
    super(
      `the store is locked by process ${holderPid}${holderHost ? ` on ${holderHost}` : ''} (lock file ${lockFile}); ` +
        `only one process may write at a time: stop that process, or open the store read-only to read it.`,
    );
  }
}

export interface CorruptionReport {
  segment: string;
  offset: number;
  reason: string;
}

/** Data in the log fails its checksum or format checks; the store will not serve it. */
export class StoreCorruptError extends EventStoreError {
  override readonly name = 'StoreCorruptError';
  readonly code = 'store-corrupt';
  constructor(readonly problems: readonly CorruptionReport[]) {
    const first = problems[0];
    super(
      `the event log is corrupt: ${problems.length} problem${problems.length === 1 ? '' : 's'}, first in segment ${first?.segment} at byte offset ${first?.offset}: ${first?.reason}. ` +
        `Run 'eventline store verify' for the full report and restore the segment from a backup.`,
    );
  }
}

export class StoreClosedError extends EventStoreError {
  override readonly name = 'StoreClosedError';
  readonly code = 'store-closed';
  constructor() {
    super('the event store is closed: open it again to use it.');
  }
}

/** A write or fsync failed; pending appends were not acknowledged and the store must be reopened. */
export class StoreFailedError extends EventStoreError {
  override readonly name = 'StoreFailedError';
  readonly code = 'store-failed';
  constructor(override readonly cause: unknown) {
    super(`the event store stopped after a failed write or fsync (${cause instanceof Error ? cause.message : String(cause)}): appends that were not acknowledged may not be stored; reopen the store, which recovers the log.`);
  }
}

export function isEventStoreError(value: unknown): value is EventStoreError {
  return value instanceof EventStoreError;
}

function describeExpected(expected: ExpectedRevision): string {
  if (expected === 'no-stream') return 'no stream (expectedRevision "no-stream")';
  if (expected === 'stream-exists') return 'an existing stream (expectedRevision "stream-exists")';
  if (expected === 'any') return 'any revision';
  return `revision ${expected}`;
}

function describeActual(actual: StreamState): string {
  return actual === 'no-stream' ? 'the stream does not exist' : `the stream is at revision ${actual}`;
}
