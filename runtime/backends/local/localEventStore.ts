// The local event store: append-only segment files under a directory (default .eventline/store/),
// one writer process (LOCK file), any number of read-only openers. See format.ts for the record
// layout and groupCommit.ts for durability.
import { mkdirSync, truncateSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { EventEnvelope } from '../../envelope';
import { StoreClosedError, StoreCorruptError, StoreFailedError, InvalidRequestError } from '../../errors';
import { runAggregate, type SnapshotStore } from '../../aggregate';
import type {
  AggregateOptions, AggregateResult, AppendOptions, AppendResult, CausationTree, DeleteResult, DeleteStreamOptions, EventStore, Fold,
  ReadAllOptions, ReadStreamOptions, RecordedEvent, StreamAppend, StreamInfo, SubscribeOptions, Subscription,
} from '../../eventStore';
import { appendCommit } from './append';
import { causationTree, readCorrelation } from './correlation';
import { deleteStream } from './deleteStream';
import { GroupCommitWriter, type FsyncMode } from './groupCommit';
import { acquireLock, type HeldLock, type LockInfo } from './lock';
import type { MemoryIndex } from './memoryIndex';
import { readAll, readStream } from './read';
import { RecordReader } from './recordReader';
import { writeIndexSnapshot } from './indexSnapshot';
import { scanLog, type TornTail } from './recover';
import { fileSnapshotStore } from './snapshots';
import { LocalSubscription } from './subscribe';

export const DEFAULT_STORE_DIR = join('.eventline', 'store');
export const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;
export const DEFAULT_INDEX_CHECKPOINT = { commits: 10_000, bytes: 64 * 1024 * 1024 };

export interface LocalStoreOptions {
  /** Default 'batch' (group commit). */
  fsync?: FsyncMode;
  /** A new segment starts once the active one would grow past this size. */
  segmentBytes?: number;
  /** Open without the write lock: reads only, a torn tail is ignored rather than truncated. */
  readOnly?: boolean;
  /**
   * When to write the index checkpoint (index.v1) besides on close: after this many commits or log
   * bytes since the last one, whichever comes first. false: never (not even on close).
   */
  indexCheckpoint?: { commits?: number; bytes?: number } | false;
}

/** What open found and repaired. */
export interface RecoveryReport {
  segments: number;
  records: number;
  events: number;
  /** A partial record at the end that a writer open truncated (or a reader open ignored). */
  tornTail?: TornTail & { truncated: boolean };
  /** A stale lock of a dead process that this open took over. */
  staleLockFrom?: LockInfo;
  /** Records read from the segments by this open (the others came from the index checkpoint). */
  recordsScanned: number;
  indexSnapshot: 'loaded' | 'absent' | 'ignored';
  /** Not errors: e.g. an index checkpoint that was damaged or stale and so ignored. */
  notes: string[];
}

export interface LocalEventStore extends EventStore {
  readonly dir: string;
  readonly recovery: RecoveryReport;
  readonly readOnly: boolean;
  /** Write calls, fsyncs and records so far (group commit shares one fsync among many records). */
  writeStats(): { writes: number; syncs: number; records: number };
}

export async function openLocalEventStore(dir: string, options: LocalStoreOptions = {}): Promise<LocalEventStore> {
  const fsync = options.fsync ?? 'batch';
  if (!['always', 'batch', 'never'].includes(fsync)) throw new InvalidRequestError(`fsync "${fsync}" is not one of always, batch, never.`);
  const segmentBytes = options.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
  const readOnly = options.readOnly ?? false;
  let lock: HeldLock | undefined;
  if (!readOnly) {
    mkdirSync(dir, { recursive: true });
    lock = acquireLock(dir);
  }
  try {
    const scan = scanLog(dir, true);
    if (scan.problems.length > 0) throw new StoreCorruptError(scan.problems);
    if (scan.tornTail && !readOnly) truncateTail(join(dir, scan.tornTail.segment), scan.tornTail.offset);
    const writer = new GroupCommitWriter(dir, fsync, segmentBytes);
    const last = scan.segments[scan.segments.length - 1];
    if (last !== undefined) {
      writer.activeSegment = last;
      writer.activeSize = scan.lastSegmentSize;
    }
    const recovery: RecoveryReport = {
      segments: scan.segments.length,
      records: scan.records,
      events: scan.index.head,
      tornTail: scan.tornTail && { ...scan.tornTail, truncated: !readOnly },
      staleLockFrom: lock?.tookOverFrom,
      recordsScanned: scan.recordsScanned,
      indexSnapshot: scan.indexSnapshot,
      notes: scan.notes,
    };
    const checkpoint = readOnly || options.indexCheckpoint === false ? undefined : { ...DEFAULT_INDEX_CHECKPOINT, ...options.indexCheckpoint };
    const store = new LocalStore(dir, scan.index, writer, new RecordReader(dir), fileSnapshotStore(dir, readOnly), lock, recovery, readOnly, checkpoint);
    // A full rescan (no valid checkpoint) is what the checkpoint saves the next open: write it now.
    if (checkpoint && scan.indexSnapshot !== 'loaded' && scan.records > 0) store.checkpoint();
    return store;
  } catch (error) {
    lock?.release();
    throw error;
  }
}

function truncateTail(path: string, validEnd: number): void {
  truncateSync(path, validEnd);
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

class LocalStore implements LocalEventStore {
  private closed = false;
  private readonly subscriptions = new Set<LocalSubscription>();
  /** The index's records count and log bytes at the last checkpoint (or open). */
  private checkpointedRecords: number;
  private checkpointedBytes: number;

  constructor(
    readonly dir: string,
    private readonly index: MemoryIndex,
    private readonly writer: GroupCommitWriter,
    private readonly reader: RecordReader,
    private readonly snapshots: SnapshotStore,
    private readonly lock: HeldLock | undefined,
    readonly recovery: RecoveryReport,
    readonly readOnly: boolean,
    private readonly checkpointEvery: { commits: number; bytes: number } | undefined,
  ) {
    this.checkpointedRecords = index.records.length;
    this.checkpointedBytes = writer.activeSize;
  }

  /** Writes the index checkpoint of the durable records (a failure only costs the next open a longer scan). */
  checkpoint(): void {
    if (!this.checkpointEvery || this.writer.failed !== undefined) return;
    try {
      writeIndexSnapshot(this.dir, this.index);
    } catch {
      // The checkpoint is a cache: the log is intact, the next open rebuilds from it.
    }
    this.checkpointedRecords = this.index.records.length;
    this.checkpointedBytes = this.writer.activeSize;
  }

  private maybeCheckpoint(): void {
    const every = this.checkpointEvery;
    if (!every || this.closed) return;
    const commits = this.index.records.length - this.checkpointedRecords;
    // Bytes in the active segment since the last checkpoint; a new segment counts from 0.
    const bytes = this.writer.activeSize >= this.checkpointedBytes ? this.writer.activeSize - this.checkpointedBytes : this.writer.activeSize;
    if (commits >= every.commits || bytes >= every.bytes) this.checkpoint();
  }

  async append(stream: string, events: readonly EventEnvelope[], options: AppendOptions = {}): Promise<AppendResult> {
    const [result] = await this.appendMany([{ stream, events, expectedRevision: options.expectedRevision }]);
    return result;
  }

  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    this.assertWritable();
    if (!Array.isArray(appends)) throw new InvalidRequestError('appendMany takes an array of { stream, events, expectedRevision }.');
    const results = await appendCommit(this.index, this.writer, appends);
    this.maybeCheckpoint();
    return results;
  }

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    return readStream(this.index, this.reader, stream, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    return readAll(this.index, this.reader, options);
  }

  async streamRevision(stream: string): Promise<number | 'no-stream'> {
    this.assertOpen();
    const count = this.index.durableCount(stream);
    return count === 0 ? 'no-stream' : count - 1;
  }

  async *listStreams(): AsyncIterable<StreamInfo> {
    this.assertOpen();
    for (const [stream, positions] of this.index.streams) {
      const count = this.index.durableCount(stream);
      if (count === 0) continue;
      const info: StreamInfo = { stream, revision: count - 1, firstPosition: positions[0], lastPosition: positions[count - 1] };
      yield this.index.isDeletedDurably(stream) ? { ...info, deleted: true } : info;
    }
  }

  async aggregate<S>(stream: string, fold: Fold<S>, options?: AggregateOptions): Promise<AggregateResult<S>> {
    this.assertOpen();
    return runAggregate(this, this.snapshots, stream, fold, options);
  }

  async clearSnapshots(foldName?: string): Promise<void> {
    this.assertOpen();
    await this.snapshots.clear(foldName);
  }

  readCorrelation(correlationId: string): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    return readCorrelation(this.index, this.reader, correlationId);
  }

  async causationTree(eventId: string): Promise<CausationTree | undefined> {
    this.assertOpen();
    return causationTree(this.index, this.reader, eventId);
  }

  async deleteStream(stream: string, options?: DeleteStreamOptions): Promise<DeleteResult> {
    this.assertWritable();
    const result = await deleteStream(this.index, this.writer, stream, options);
    this.maybeCheckpoint();
    return result;
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription = new LocalSubscription(this.index, this.reader, options, (ended) => this.subscriptions.delete(ended));
    // An already-aborted signal ends it in the constructor: track only live ones.
    if (!subscription.finished) this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.index.durableHead;
  }

  writeStats(): { writes: number; syncs: number; records: number } {
    return { ...this.writer.stats };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Closing ends the subscriptions (a waiting next() resolves done), and waits for any read they
    // have in flight, so no file is reopened after the reader closes.
    const open = [...this.subscriptions];
    for (const subscription of open) subscription.end();
    await Promise.all(open.map((subscription) => subscription.settled()));
    try {
      await this.writer.close();
      if (this.index.records.length !== this.checkpointedRecords) this.checkpoint();
      await this.reader.close();
    } finally {
      this.lock?.release();
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }

  private assertWritable(): void {
    this.assertOpen();
    if (this.readOnly) throw new InvalidRequestError(`the store at ${this.dir} was opened read-only: open it without readOnly to append.`);
    if (this.writer.failed !== undefined) throw new StoreFailedError(this.writer.failed);
  }
}
