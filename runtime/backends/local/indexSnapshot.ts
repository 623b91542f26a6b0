// Persisted index checkpoints of the local log (file `index.v1` beside the segments), so open scans
// only the log tail written after the checkpoint instead of every segment. A cache only: the log
// stays the source of truth, and a checkpoint that fails any check is ignored (with a note) and the
// indexes are rebuilt from the log.
//
//   offset size  field
//   0      4     magic "EVLI"
//   4      1     format version (1)
//   5      3     reserved (0)
//   8      4     body length in bytes (uint32 LE)
//   12     4     CRC-32C of the body (uint32 LE)
//   16     n     body: UTF-8 JSON, see SnapshotBody
//
// Written to a temp file, fsynced, renamed over the old one, then the directory fsynced: a crash
// leaves the old checkpoint or the new one, never half of one.
import { closeSync, fsyncSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32c } from '../../checksum/crc32c';
import type { EventEnvelope } from '../../envelope';
import { STREAM_DELETED } from '../../tombstone';
import { syncDirectory } from './groupCommit';
import { MemoryIndex, type RecordRef } from './memoryIndex';

export const INDEX_SNAPSHOT_FILE = 'index.v1';
export const INDEX_SNAPSHOT_VERSION = 1;
const MAGIC = 0x494c5645; // "EVLI" read as uint32 LE
const HEADER_SIZE = 16;

/** [segment index, offset, length, firstPosition, count, recordedAt] */
type RecordRow = [number, number, number, number, number, number];
/** [stream index, eventId, correlationId, causationId, 1 when a tombstone] */
type EventRow = [number, string, string | null, string | null, 0 | 1];

interface SnapshotBody {
  head: number;
  segments: string[];
  /** The last covered record: where it is and the CRC-32C of its bytes, to check the log still matches. */
  last: { segment: string; offset: number; length: number; crc: number };
  streams: string[];
  records: RecordRow[];
  events: EventRow[];
}

/** A checkpoint that passed its checks: the indexes up to `end` of `segment`, where the tail starts. */
export interface LoadedIndexSnapshot {
  index: MemoryIndex;
  records: number;
  segment: string;
  end: number;
}

export type IndexSnapshotLoad = { kind: 'absent' } | { kind: 'loaded'; snapshot: LoadedIndexSnapshot } | { kind: 'ignored'; note: string };

/** Writes the checkpoint of the durable records of `index` (nothing when none are). */
export function writeIndexSnapshot(dir: string, index: MemoryIndex): boolean {
  const bytes = encodeSnapshot(dir, index);
  if (!bytes) return false;
  const file = join(dir, INDEX_SNAPSHOT_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  const fd = openSync(temp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  syncDirectory(dir);
  return true;
}

export function deleteIndexSnapshot(dir: string): void {
  rmSync(join(dir, INDEX_SNAPSHOT_FILE), { force: true });
}

function encodeSnapshot(dir: string, index: MemoryIndex): Buffer | undefined {
  const durable = index.durableHead;
  const segments: string[] = [];
  const segmentIndex = new Map<string, number>();
  const records: RecordRow[] = [];
  let lastRef: RecordRef | undefined;
  for (const ref of index.records) {
    if (ref.firstPosition + ref.count > durable) break;
    let s = segmentIndex.get(ref.segment);
    if (s === undefined) segmentIndex.set(ref.segment, (s = segments.push(ref.segment) - 1));
    records.push([s, ref.offset, ref.length, ref.firstPosition, ref.count, ref.recordedAt]);
    lastRef = ref;
  }
  if (!lastRef) return undefined;
  const head = lastRef.firstPosition + lastRef.count;
  const streams: string[] = [];
  const streamIndex = new Map<string, number>();
  const events: EventRow[] = [];
  const correlationOf = invert(index.correlations, head);
  const causationOf = invert(index.causedBy, head);
  for (let position = 0; position < head; position++) {
    const stream = index.streamOf[position];
    let s = streamIndex.get(stream);
    if (s === undefined) streamIndex.set(stream, (s = streams.push(stream) - 1));
    const tombstone = index.tombstones.get(stream) === position ? 1 : 0;
    events.push([s, index.eventIdOf[position], correlationOf[position] ?? null, causationOf[position] ?? null, tombstone]);
  }
  const lastBytes = readRange(join(dir, lastRef.segment), lastRef.offset, lastRef.length);
  if (!lastBytes) return undefined;
  const body: SnapshotBody = {
    head, segments, streams, records, events,
    last: { segment: lastRef.segment, offset: lastRef.offset, length: lastRef.length, crc: crc32c(lastBytes) },
  };
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  const header = Buffer.alloc(HEADER_SIZE);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt8(INDEX_SNAPSHOT_VERSION, 4);
  header.writeUInt32LE(json.length, 8);
  header.writeUInt32LE(crc32c(json), 12);
  return Buffer.concat([header, json]);
}

/** position → key, for the positions below `head` of a key → positions map. */
function invert(map: Map<string, number[]>, head: number): string[] {
  const out: string[] = [];
  for (const [key, positions] of map) for (const p of positions) if (p < head) out[p] = key;
  return out;
}

/** Loads the checkpoint when it is intact, of this version, and a prefix of the log in `segments` (sorted). */
export function loadIndexSnapshot(dir: string, segments: readonly string[]): IndexSnapshotLoad {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, INDEX_SNAPSHOT_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return ignored(`it cannot be read (${(error as Error).message})`);
  }
  if (bytes.length < HEADER_SIZE || bytes.readUInt32LE(0) !== MAGIC) return ignored('it is not an index checkpoint (bad magic or too short)');
  const version = bytes.readUInt8(4);
  if (version !== INDEX_SNAPSHOT_VERSION) return ignored(`its format version ${version} is not ${INDEX_SNAPSHOT_VERSION}`);
  const length = bytes.readUInt32LE(8);
  if (HEADER_SIZE + length !== bytes.length) return ignored(`it is cut short or padded (${bytes.length - HEADER_SIZE} body bytes, header says ${length})`);
  if (crc32c(bytes, HEADER_SIZE) !== bytes.readUInt32LE(12)) return ignored('its checksum does not match');
  let body: SnapshotBody;
  try {
    body = JSON.parse(bytes.toString('utf8', HEADER_SIZE)) as SnapshotBody;
  } catch {
    return ignored('its body is not valid JSON');
  }
  const mismatch = checkPrefix(dir, body, segments);
  if (mismatch) return ignored(mismatch);
  const index = rebuildIndex(body);
  if (typeof index === 'string') return ignored(index);
  return { kind: 'loaded', snapshot: { index, records: body.records.length, segment: body.last.segment, end: body.last.offset + body.last.length } };
}

function ignored(why: string): IndexSnapshotLoad {
  return { kind: 'ignored', note: `the index checkpoint ${INDEX_SNAPSHOT_FILE} was ignored because ${why}; the indexes were rebuilt from the log (run \`eventline store rebuild-index\` to rewrite it)` };
}

/** Whether the covered segments are the first ones of the log and the last covered record is still there, byte for byte. */
function checkPrefix(dir: string, body: SnapshotBody, segments: readonly string[]): string | undefined {
  const { last } = body;
  if (!Array.isArray(body.segments) || body.segments.length === 0 || body.segments.some((name, i) => segments[i] !== name)) {
    return 'the segments it covers are not the first segments of the log';
  }
  if (body.segments[body.segments.length - 1] !== last?.segment) return 'its last record is not in its last segment';
  const bytes = readRange(join(dir, last.segment), last.offset, last.length);
  if (!bytes || crc32c(bytes) !== last.crc) return `the log no longer holds its last record (${last.segment} at byte ${last.offset})`;
  return undefined;
}

/** Replays the rows into a fresh MemoryIndex; its consistency checks refuse a checkpoint that does not add up. */
function rebuildIndex(body: SnapshotBody): MemoryIndex | string {
  const index = new MemoryIndex();
  const revisions = new Map<string, number>();
  try {
    for (const [s, offset, length, firstPosition, count, recordedAt] of body.records) {
      const ref: RecordRef = { segment: body.segments[s], offset, length, firstPosition, count, recordedAt };
      const events = body.events.slice(firstPosition, firstPosition + count).map(([streamAt, eventId, correlationId, causationId, tombstone]) => {
        const stream = body.streams[streamAt];
        const revision = revisions.get(stream) ?? 0;
        revisions.set(stream, revision + 1);
        const metadata = { ...(correlationId !== null && { correlationId }), ...(causationId !== null && { causationId }) };
        // The index needs only these fields of an event; the reads fetch the full event from the log.
        const event = { eventId, eventType: tombstone ? STREAM_DELETED : '', metadata } as unknown as EventEnvelope;
        return { stream, revision, event };
      });
      if (typeof ref.segment !== 'string' || events.length !== count) return 'its records and events do not match';
      const problem = index.add(ref, events);
      if (problem) return `it is inconsistent (${problem})`;
    }
  } catch (error) {
    return `it does not have the checkpoint shape (${(error as Error).message})`;
  }
  if (index.head !== body.head) return 'its event count does not match its records';
  index.durableHead = index.head;
  return index;
}

function readRange(path: string, offset: number, length: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const bytes = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, bytes, got, length - got, offset + got);
      if (n === 0) return undefined;
      got += n;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
