// The runtime's public surface: the EventStore interface, its errors and helpers, and the backends.
export type { EventEnvelope, EventMetadata } from './envelope';
export { categoryOf, correlationIdOf } from './envelope';
export * from './eventStore';
export * from './errors';
export { runAggregate, type Snapshot, type SnapshotStore } from './aggregate';
export { STREAM_DELETED, tombstoneFor, isTombstone } from './tombstone';
export { parseExpectedRevision, isExpectedRevision, matchesExpectedRevision, type ExpectedRevision, type StreamState } from './expectedRevision';
export { murmur2, partitionFor, toPositive } from './partitioning/murmur2';
export * from './backends/local/index';
