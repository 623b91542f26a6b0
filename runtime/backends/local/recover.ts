// Opening the log: scan every segment, rebuild the in-memory indexes, and decide what to do with a
// torn tail (a writer truncates it; a reader ignores it, as it may be a write in progress). With an
// index checkpoint that still matches the log, only the records after it are scanned.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CorruptionReport } from '../../errors';
import { SEGMENT_PATTERN } from './format';
import { loadIndexSnapshot, type IndexSnapshotLoad } from './indexSnapshot';
import { MemoryIndex } from './memoryIndex';
import { scanSegment } from './scan';

export interface TornTail {
  segment: string;
  offset: number;
  bytes: number;
}

export interface LogScan {
  index: MemoryIndex;
  segments: string[];
  /** Size of the last segment up to its valid end. */
  lastSegmentSize: number;
  tornTail?: TornTail;
  problems: CorruptionReport[];
  records: number;
  /** Records read and checked from the segments by this scan (the rest came from the checkpoint). */
  recordsScanned: number;
  /** What became of the index checkpoint ('absent' too when the scan did not look for one). */
  indexSnapshot: IndexSnapshotLoad['kind'];
  /** Not errors: e.g. a damaged or stale checkpoint that was ignored. */
  notes: string[];
}

export function listSegments(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter((name) => SEGMENT_PATTERN.test(name)).sort();
}

/** `useIndexSnapshot`: start from the index checkpoint when it is valid (open does; verify checks every record). */
export function scanLog(dir: string, useIndexSnapshot = false): LogScan {
  const segments = listSegments(dir);
  const loaded: IndexSnapshotLoad = useIndexSnapshot && segments.length > 0 ? loadIndexSnapshot(dir, segments) : { kind: 'absent' };
  const base = loaded.kind === 'loaded' ? loaded.snapshot : undefined;
  const index = base?.index ?? new MemoryIndex();
  const problems: CorruptionReport[] = [];
  let tornTail: TornTail | undefined;
  let lastSegmentSize = 0;
  let records = base?.records ?? 0;
  let recordsScanned = 0;
  const first = base ? segments.indexOf(base.segment) : 0;
  segments.forEach((segment, i) => {
    if (i < first) return;
    const isLast = i === segments.length - 1;
    const start = base && i === first ? base.end : 0;
    const scan = scanSegment(readFrom(join(dir, segment), start), segment, isLast);
    problems.push(...scan.problems.map((problem) => ({ ...problem, offset: problem.offset + start })));
    if (scan.tornBytes > 0) tornTail = { segment, offset: start + scan.validEnd, bytes: scan.tornBytes };
    if (isLast) lastSegmentSize = start + scan.validEnd;
    for (const record of scan.records) {
      records++;
      recordsScanned++;
      const { payload } = record;
      const offset = start + record.offset;
      const ref = { segment, offset, length: record.length, firstPosition: payload.position, count: payload.events.length, recordedAt: payload.recordedAt };
      const problem = index.add(ref, payload.events);
      if (problem) problems.push({ segment, offset, reason: `${problem} (the log is inconsistent)` });
    }
  });
  index.durableHead = index.head;
  const notes = loaded.kind === 'ignored' ? [loaded.note] : [];
  return { index, segments, lastSegmentSize, tornTail, problems, records, recordsScanned, indexSnapshot: loaded.kind, notes };
}

/** The bytes of a segment from `start` to its end. */
function readFrom(path: string, start: number): Buffer {
  const size = statSync(path).size;
  if (size <= start) return Buffer.alloc(0);
  if (start === 0) return readFileSync(path);
  const bytes = Buffer.allocUnsafe(size - start);
  const fd = openSync(path, 'r');
  try {
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, start + got);
      if (n === 0) break;
      got += n;
    }
    return got === bytes.length ? bytes : bytes.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
