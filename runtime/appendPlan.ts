// The decision part of an append, shared by backends that hold their index in memory (the local
// log; an in-memory reference store): validate the batch, recognise an idempotent retry, check the
// expected revision, and assign revisions and positions. It writes nothing.
import type { EventEnvelope } from './envelope';
import { EventIdConflictError, InvalidRequestError, PartialDuplicateBatchError, StreamDeletedError } from './errors';
import type { AppendedEvent, AppendResult, StreamAppend } from './eventStore';
import { assertExpectedRevision, isExpectedRevision, type StreamState } from './expectedRevision';
import { STREAM_DELETED } from './tombstone';

/** What planning needs to know of the store, including appends not yet durable. */
export interface StoreView {
  streamState(stream: string): StreamState;
  findEvent(eventId: string): AppendedEvent | undefined;
  /** True once a tombstone for the stream is planned (durable or not). */
  isDeleted(stream: string): boolean;
}

export interface PlannedEvent extends AppendedEvent {
  event: EventEnvelope;
}

export interface AppendPlan {
  results: AppendResult[];
  /** Events to write, in position order; empty when the whole call is a retry. */
  toWrite: PlannedEvent[];
}

export const MAX_STREAM_NAME = 1024;

/** `tombstone`: the call is the store's own deleteStream, the one writer of STREAM_DELETED events. */
export function planAppend(view: StoreView, appends: readonly StreamAppend[], nextPosition: number, tombstone = false): AppendPlan {
  validateCall(appends, tombstone);
  const results: AppendResult[] = [];
  const toWrite: PlannedEvent[] = [];
  let position = nextPosition;
  for (const { stream, events, expectedRevision = 'any' } of appends) {
    const duplicate = findRetry(view, stream, events);
    if (duplicate) {
      results.push(duplicate);
      continue;
    }
    if (view.isDeleted(stream)) throw new StreamDeletedError(stream);
    const state = view.streamState(stream);
    assertExpectedRevision(stream, expectedRevision, state);
    let revision = state === 'no-stream' ? -1 : state;
    const appended: AppendedEvent[] = [];
    for (const event of events) {
      revision += 1;
      const planned = { eventId: event.eventId, stream, revision, position: position++, event };
      toWrite.push(planned);
      appended.push({ eventId: planned.eventId, stream, revision, position: planned.position });
    }
    results.push({ stream, nextExpectedRevision: revision < 0 ? 'no-stream' : revision, events: appended, duplicate: false });
  }
  return { results, toWrite };
}

/** A batch whose eventIds are all stored, in this stream, in this order: the original result. */
function findRetry(view: StoreView, stream: string, events: readonly EventEnvelope[]): AppendResult | undefined {
  if (events.length === 0) return undefined;
  const stored: AppendedEvent[] = [];
  const fresh: string[] = [];
  for (const event of events) {
    const found = view.findEvent(event.eventId);
    if (found) stored.push(found);
    else fresh.push(event.eventId);
  }
  if (stored.length === 0) return undefined;
  if (fresh.length > 0) throw new PartialDuplicateBatchError(stream, stored.map((e) => e.eventId), fresh);
  for (let i = 0; i < stored.length; i++) {
    const found = stored[i];
    if (found.stream !== stream || found.revision !== stored[0].revision + i) throw new EventIdConflictError(stream, found.eventId, found);
  }
  return { stream, nextExpectedRevision: stored[stored.length - 1].revision, events: stored, duplicate: true };
}

function validateCall(appends: readonly StreamAppend[], tombstone: boolean): void {
  const streams = new Set<string>();
  const ids = new Set<string>();
  for (const { stream, events, expectedRevision } of appends) {
    assertStreamName(stream);
    if (streams.has(stream)) throw new InvalidRequestError(`stream "${stream}" appears twice in one appendMany: put all its events in one entry.`);
    streams.add(stream);
    if (expectedRevision !== undefined && !isExpectedRevision(expectedRevision)) {
      throw new InvalidRequestError(`stream "${stream}": expectedRevision ${JSON.stringify(expectedRevision)} is not "any", "no-stream", "stream-exists" or a revision (a non-negative integer).`);
    }
    if (!Array.isArray(events)) throw new InvalidRequestError(`stream "${stream}": events must be an array of envelopes.`);
    events.forEach((event, index) => {
      assertStorable(stream, event, index);
      if (!tombstone && event.eventType === STREAM_DELETED) {
        throw new InvalidRequestError(`stream "${stream}", event ${index + 1}: eventType ${STREAM_DELETED} is reserved for the store's tombstones; call deleteStream to delete a stream.`);
      }
      if (ids.has(event.eventId)) throw new InvalidRequestError(`stream "${stream}": eventId ${event.eventId} appears twice in one append: every event needs its own eventId.`);
      ids.add(event.eventId);
    });
  }
}

export function assertStreamName(stream: unknown): asserts stream is string {
  if (typeof stream !== 'string' || stream.length === 0 || stream.length > MAX_STREAM_NAME || stream.trim() !== stream) {
    throw new InvalidRequestError(`stream name ${JSON.stringify(stream)} is not valid: use a non-empty name of at most ${MAX_STREAM_NAME} characters without surrounding spaces, e.g. "order-123".`);
  }
}

/** The store's own minimum; full envelope validation (schemas, formats) belongs to core. */
function assertStorable(stream: string, event: unknown, index: number): asserts event is EventEnvelope {
  const where = `stream "${stream}", event ${index + 1}`;
  if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new InvalidRequestError(`${where}: an event must be an envelope object.`);
  const { eventId, eventType } = event as Record<string, unknown>;
  if (typeof eventId !== 'string' || eventId.length === 0) throw new InvalidRequestError(`${where}: eventId must be a non-empty string (a UUID v4, e.g. from crypto.randomUUID()).`);
  if (typeof eventType !== 'string' || eventType.length === 0) throw new InvalidRequestError(`${where}: eventType must be a non-empty string such as "OrderPlaced".`);
}
