// `eventline store verify`: a read-only integrity check of every segment and of the log's
// consistency (positions, revisions, unique eventIds). Takes no lock and changes nothing.
import type { CorruptionReport } from '../../errors';
import { scanLog, type TornTail } from './recover';

export interface VerifyReport {
  ok: boolean;
  segments: number;
  records: number;
  events: number;
  streams: number;
  /** Not corruption: a crash (or a write in progress) left a partial record; a writer open truncates it. */
  tornTail?: TornTail;
  problems: CorruptionReport[];
}

export function verifyLocalStore(dir: string): VerifyReport {
  const scan = scanLog(dir);
  return {
    ok: scan.problems.length === 0,
    segments: scan.segments.length,
    records: scan.records,
    events: scan.index.head,
    streams: scan.index.streams.size,
    tornTail: scan.tornTail,
    problems: scan.problems,
  };
}
