// The in-memory indexes of the local log, rebuilt from the segments on open: stream → positions,
// eventId → position, position → record location. indexSnapshot.ts persists them as a checkpoint so
// open scans only the log tail; the log stays the source of truth either way.
import type { StoreView } from '../../appendPlan';
import type { EventEnvelope } from '../../envelope';
import type { CorruptionReport } from '../../errors';
import type { AppendedEvent } from '../../eventStore';
import type { StreamState } from '../../expectedRevision';
import { STREAM_DELETED } from '../../tombstone';

/** Where one commit record lives. */
export interface RecordRef {
  segment: string;
  offset: number;
  length: number;
  firstPosition: number;
  count: number;
  recordedAt: number;
}

export class MemoryIndex implements StoreView {
  /** Positions of each stream's events, by revision. */
  readonly streams = new Map<string, number[]>();
  readonly eventIds = new Map<string, number>();
  readonly records: RecordRef[] = [];
  /** By position: the record holding the event, its stream and revision. */
  readonly recordOf: RecordRef[] = [];
  readonly streamOf: string[] = [];
  readonly revisionOf: number[] = [];
  readonly eventIdOf: string[] = [];
  /** correlationId → positions, causationId → positions of the events it caused. */
  readonly correlations = new Map<string, number[]>();
  readonly causedBy = new Map<string, number[]>();
  /** Deleted stream → position of its tombstone. */
  readonly tombstones = new Map<string, number>();
  /** Positions below this are durable (acknowledged) and visible to reads. */
  durableHead = 0;
  lastRecordedAt = 0;

  private readonly durableListeners = new Set<() => void>();

  /** Moves durableHead forward (the commit path calls this once a record is durable) and wakes listeners. */
  markDurable(end: number): void {
    if (end <= this.durableHead) return;
    this.durableHead = end;
    for (const listener of this.durableListeners) listener();
  }

  /** Calls `listener` whenever durableHead grows (live subscriptions); returns the unsubscribe. */
  onDurable(listener: () => void): () => void {
    this.durableListeners.add(listener);
    return () => this.durableListeners.delete(listener);
  }

  get head(): number {
    return this.streamOf.length;
  }

  streamState(stream: string): StreamState {
    const positions = this.streams.get(stream);
    return positions ? positions.length - 1 : 'no-stream';
  }

  findEvent(eventId: string): AppendedEvent | undefined {
    const position = this.eventIds.get(eventId);
    if (position === undefined) return undefined;
    return { eventId, stream: this.streamOf[position], revision: this.revisionOf[position], position };
  }

  isDeleted(stream: string): boolean {
    return this.tombstones.has(stream);
  }

  /** Deleted for readers: the tombstone is durable. */
  isDeletedDurably(stream: string): boolean {
    const position = this.tombstones.get(stream);
    return position !== undefined && position < this.durableHead;
  }

  /** Adds a commit; returns a problem when it does not continue the log consistently. */
  add(ref: RecordRef, events: ReadonlyArray<{ stream: string; revision: number; event: EventEnvelope }>): string | undefined {
    if (ref.firstPosition !== this.head) return `record starts at position ${ref.firstPosition} but the log is at ${this.head}`;
    const nextRevision = new Map<string, number>();
    const ids = new Set<string>();
    for (const { stream, revision, event: { eventId } } of events) {
      if (this.tombstones.has(stream)) return `event ${eventId} follows the tombstone of deleted stream "${stream}"`;
      const expected = nextRevision.get(stream) ?? this.streams.get(stream)?.length ?? 0;
      if (revision !== expected) return `event ${eventId} has revision ${revision} in stream "${stream}" but the stream is at ${expected - 1}`;
      if (this.eventIds.has(eventId) || ids.has(eventId)) return `eventId ${eventId} is stored twice`;
      nextRevision.set(stream, expected + 1);
      ids.add(eventId);
    }
    this.records.push(ref);
    for (const { stream, event } of events) {
      const { eventId } = event;
      const position = this.head;
      let positions = this.streams.get(stream);
      if (!positions) this.streams.set(stream, (positions = []));
      positions.push(position);
      this.eventIds.set(eventId, position);
      this.recordOf.push(ref);
      this.streamOf.push(stream);
      this.revisionOf.push(positions.length - 1);
      this.eventIdOf.push(eventId);
      this.indexMetadata(event, position);
      if (event.eventType === STREAM_DELETED) this.tombstones.set(stream, position);
    }
    this.lastRecordedAt = Math.max(this.lastRecordedAt, ref.recordedAt);
    return undefined;
  }

  private indexMetadata(event: EventEnvelope, position: number): void {
    const { correlationId, causationId } = event.metadata ?? {};
    if (typeof correlationId === 'string') pushTo(this.correlations, correlationId, position);
    if (typeof causationId === 'string') pushTo(this.causedBy, causationId, position);
  }

  /** Number of a stream's events that are durable (a prefix, since positions only grow). */
  durableCount(stream: string): number {
    const positions = this.streams.get(stream);
    if (!positions) return 0;
    let count = positions.length;
    while (count > 0 && positions[count - 1] >= this.durableHead) count--;
    return count;
  }

  /** First durable position whose record was recorded at or after `ms` (records are in time order). */
  firstPositionAtOrAfter(ms: number): number {
    let lo = 0;
    let hi = this.durableHead;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.recordOf[mid].recordedAt < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function pushTo(map: Map<string, number[]>, key: string, position: number): void {
  const positions = map.get(key);
  if (positions) positions.push(position);
  else map.set(key, [position]);
}

export type RebuildProblem = CorruptionReport;
