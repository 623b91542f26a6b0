// The write path: records are appended to the active segment in commit order, and acknowledged
// per the durability mode. 'batch' is group commit: every record queued while a write+fsync is in
// flight goes out in the next single write and shares its single fdatasync; an append resolves
// only after the fsync that covers it. 'always' writes and syncs each record on its own; 'never'
// acknowledges after write() (the OS flushes later; a power cut can lose acknowledged events).
import { open, type FileHandle } from 'node:fs/promises';
import { openSync, fsyncSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { segmentFileName } from './format';

export type FsyncMode = 'always' | 'batch' | 'never';

interface Pending {
  segment: string;
  bytes: Buffer;
  done: (error?: unknown) => void;
  onDurable: () => void;
}

export class GroupCommitWriter {
  private queue: Pending[] = [];
  private running = false;
  private handle: FileHandle | undefined;
  private handleSegment: string | undefined;
  private failure: unknown;
  private idle: Array<() => void> = [];
  /** Active segment and its size including queued records (offsets are assigned at plan time). */
  activeSegment: string | undefined;
  activeSize = 0;
  /** Counters for tests and the benchmark: write calls and fsyncs issued. */
  readonly stats = { writes: 0, syncs: 0, records: 0 };

  constructor(
    private readonly dir: string,
    private readonly mode: FsyncMode,
    private readonly segmentBytes: number,
  ) {}

  get failed(): unknown {
    return this.failure;
  }

  /** Chooses where a record of `length` bytes goes: the active segment, or a new one named by its first position. */
  reserve(length: number, firstPosition: number): { segment: string; offset: number } {
    if (this.activeSegment === undefined || (this.activeSize > 0 && this.activeSize + length > this.segmentBytes)) {
      this.activeSegment = segmentFileName(firstPosition);
      this.activeSize = 0;
    }
    const offset = this.activeSize;
    this.activeSize += length;
    return { segment: this.activeSegment, offset };
  }

  /** Queues a record; resolves when it is durable per the mode. onDurable runs just before. */
  write(segment: string, bytes: Buffer, onDurable: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ segment, bytes, onDurable, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.running) {
        this.running = true;
        // Let appends made in the same tick join this group.
        setImmediate(() => void this.drain());
      }
    });
  }

  /** Resolves when nothing is queued or in flight. */
  whenIdle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  async close(): Promise<void> {
    await this.whenIdle();
    await this.handle?.close();
    this.handle = undefined;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && this.failure === undefined) {
      const group = this.takeGroup();
      try {
        const handle = await this.segmentHandle(group[0].segment);
        const bytes = group.length === 1 ? group[0].bytes : Buffer.concat(group.map((p) => p.bytes));
        let written = 0;
        while (written < bytes.length) written += (await handle.write(bytes, written, bytes.length - written, null)).bytesWritten;
        this.stats.writes++;
        this.stats.records += group.length;
        if (this.mode !== 'never') {
          await handle.datasync();
          this.stats.syncs++;
        }
      } catch (error) {
        this.failure = error;
        for (const pending of [...group, ...this.queue.splice(0)]) pending.done(error);
        break;
      }
      for (const pending of group) {
        pending.onDurable();
        pending.done();
      }
    }
    this.running = false;
    for (const resolve of this.idle.splice(0)) resolve();
  }

  /** The next records to write together: one in 'always' mode, else all queued for the same segment. */
  private takeGroup(): Pending[] {
    if (this.mode === 'always') return this.queue.splice(0, 1);
    let count = 1;
    while (count < this.queue.length && this.queue[count].segment === this.queue[0].segment) count++;
    return this.queue.splice(0, count);
  }

  private async segmentHandle(segment: string): Promise<FileHandle> {
    if (this.handleSegment === segment && this.handle) return this.handle;
    if (this.handle) {
      // The previous segment is complete: make sure it is on disk before writing past it.
      if (this.mode !== 'never') await this.handle.datasync();
      await this.handle.close();
    }
    this.handle = await open(join(this.dir, segment), 'a');
    this.handleSegment = segment;
    // A new file's directory entry must be durable too.
    if (this.mode !== 'never') syncDirectory(this.dir);
    return this.handle;
  }
}

export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the file's own fsync is the best there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
