// Stream deletion is a tombstone EVENT written to the stream (KurrentDB's hard delete): the
// stream's events stay in the log for audit, the tombstone records when the stream was deleted,
// and every backend can store it the way it stores events (a row in PostgreSQL, a message on the
// stream's subject in JetStream). Hard delete: a deleted stream is never re-created.
import type { EventEnvelope } from './envelope';

/** Event type of a tombstone; the `$` prefix marks it as the store's own, as in KurrentDB. */
export const STREAM_DELETED = '$streamDeleted';

/**
 * The tombstone of a stream. Its eventId is derived from the stream name, so retrying a delete is
 * an idempotent append like any other (a stream can be deleted only once).
 */
export function tombstoneFor(stream: string): EventEnvelope {
  return { eventId: `${STREAM_DELETED}:${stream}`, eventType: STREAM_DELETED, data: { stream } };
}

export function isTombstone(event: EventEnvelope): boolean {
  return event.eventType === STREAM_DELETED;
}
