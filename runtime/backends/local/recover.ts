// Opening the log: scan every segment, rebuild the in-memory indexes, and decide what to do with a
// torn tail (a writer truncates it; a reader ignores it, as it may be a write in progress).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CorruptionReport } from '../../errors';
import { SEGMENT_PATTERN } from './format';
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

export function scanLog(dir: string): LogScan {
  const segments = listSegments(dir);
  const index = new MemoryIndex();
  const problems: CorruptionReport[] = [];
  let tornTail: TornTail | undefined;
  let lastSegmentSize = 0;
  let records = 0;
  segments.forEach((segment, i) => {
    const isLast = i === segments.length - 1;
    const path = join(dir, segment);
    const bytes = statSync(path).size === 0 ? Buffer.alloc(0) : readFileSync(path);
    const scan = scanSegment(bytes, segment, isLast);
    problems.push(...scan.problems);
    if (scan.tornBytes > 0) tornTail = { segment, offset: scan.validEnd, bytes: scan.tornBytes };
    if (isLast) lastSegmentSize = scan.validEnd;
    for (const record of scan.records) {
      records++;
      const { payload } = record;
      const ref = { segment, offset: record.offset, length: record.length, firstPosition: payload.position, count: payload.events.length, recordedAt: payload.recordedAt };
      const problem = index.add(ref, payload.events);
      if (problem) problems.push({ segment, offset: record.offset, reason: `${problem} (the log is inconsistent)` });
    }
  });
  index.durableHead = index.head;
  return { index, segments, lastSegmentSize, tornTail, problems, records };
}
