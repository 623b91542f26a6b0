// The local log backend.
export { openLocalEventStore, DEFAULT_STORE_DIR, DEFAULT_SEGMENT_BYTES, type LocalEventStore, type LocalStoreOptions, type RecoveryReport } from './localEventStore';
export { verifyLocalStore, type VerifyReport } from './verify';
export type { FsyncMode } from './groupCommit';
export { LOCK_FILE } from './lock';
export { INDEX_SNAPSHOT_FILE, deleteIndexSnapshot } from './indexSnapshot';
