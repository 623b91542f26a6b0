// Reads one segment's bytes record by record: the open-time recovery scan and `store verify`.
// A partial record at the end of the LAST segment is a torn tail (a crash mid-write); anything
// else that fails its checks is corruption, reported with segment and byte offset.
import type { CorruptionReport } from '../../errors';
import { checkHeader, decodePayload, HEADER_SIZE, type CommitPayload } from './format';

export interface ScannedRecord {
  offset: number;
  length: number;
  payload: CommitPayload;
}

export interface SegmentScan {
  records: ScannedRecord[];
  /** Where the valid data ends; a torn tail starts here. */
  validEnd: number;
  /** Bytes after validEnd that form a partial record (0 when none). */
  tornBytes: number;
  problems: CorruptionReport[];
}

export function scanSegment(bytes: Uint8Array, segment: string, isLast: boolean): SegmentScan {
  const records: ScannedRecord[] = [];
  const problems: CorruptionReport[] = [];
  const size = bytes.length;
  let offset = 0;
  const torn = (): SegmentScan => {
    if (isLast) return { records, validEnd: offset, tornBytes: size - offset, problems };
    problems.push({ segment, offset, reason: `a partial record of ${size - offset} bytes ends a segment that is not the last one` });
    return { records, validEnd: offset, tornBytes: 0, problems };
  };
  while (offset < size) {
    if (size - offset < HEADER_SIZE) return torn();
    const header = checkHeader(bytes, offset);
    if (!header.ok) {
      // An OS crash can leave a zero-filled tail (the size was extended, the data never written).
      if (isLast && allZero(bytes, offset, size)) return torn();
      problems.push({ segment, offset, reason: `${header.reason}; the rest of this segment cannot be read` });
      return { records, validEnd: offset, tornBytes: 0, problems };
    }
    const end = offset + HEADER_SIZE + header.payloadLength;
    if (end > size) return torn();
    const payload = decodePayload(bytes, offset + HEADER_SIZE, header.payloadLength, header.payloadCrc);
    if (typeof payload === 'string') {
      if (isLast && end === size && allZero(bytes, offset + HEADER_SIZE, end)) return torn();
      problems.push({ segment, offset, reason: payload });
    } else {
      records.push({ offset, length: end - offset, payload });
    }
    offset = end;
  }
  return { records, validEnd: offset, tornBytes: 0, problems };
}

function allZero(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] !== 0) return false;
  return true;
}
