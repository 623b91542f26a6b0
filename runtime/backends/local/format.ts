// On-disk record format of the local log (format version 1). One record is one commit: all events
// of an append or appendMany, so a torn record loses the whole commit and never half of it.
//
//   offset size  field
//   0      4     magic "EVLR"
//   4      1     format version (1)
//   5      1     flags (0; reserved)
//   6      2     reserved (0)
//   8      4     payload length in bytes (uint32 LE)
//   12     4     CRC-32C of the payload (uint32 LE)
//   16     4     CRC-32C of bytes 0..15 (uint32 LE): a flipped length cannot pass for a torn tail
//   20     n     payload: UTF-8 JSON {"position","recordedAt","events":[{"stream","revision","event"}]}
//
// All integers little-endian. Segment files are named by the position of their first event,
// zero-padded to 20 digits: 00000000000000000000.seg.
import { crc32c } from '../../checksum/crc32c';
import type { EventEnvelope } from '../../envelope';

export const FORMAT_VERSION = 1;
export const HEADER_SIZE = 20;
const MAGIC = 0x524c5645; // "EVLR" read as uint32 LE
export const MAX_PAYLOAD = 256 * 1024 * 1024;

export interface CommitPayload {
  /** Position of the first event of the commit. */
  position: number;
  /** Epoch milliseconds. */
  recordedAt: number;
  events: Array<{ stream: string; revision: number; event: EventEnvelope }>;
}

export function encodeRecord(payload: CommitPayload): Buffer {
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  if (body.length > MAX_PAYLOAD) throw new RangeError(`a commit of ${body.length} bytes exceeds the ${MAX_PAYLOAD}-byte record limit: append fewer events at once.`);
  const record = Buffer.allocUnsafe(HEADER_SIZE + body.length);
  record.writeUInt32LE(MAGIC, 0);
  record.writeUInt8(FORMAT_VERSION, 4);
  record.writeUInt8(0, 5);
  record.writeUInt16LE(0, 6);
  record.writeUInt32LE(body.length, 8);
  record.writeUInt32LE(crc32c(body), 12);
  record.writeUInt32LE(crc32c(record, 0, 16), 16);
  body.copy(record, HEADER_SIZE);
  return record;
}

export type HeaderCheck =
  | { ok: true; payloadLength: number; payloadCrc: number }
  | { ok: false; reason: string };

/** Checks the 20-byte header at `offset` (the caller ensures HEADER_SIZE bytes are there). */
export function checkHeader(bytes: Uint8Array, offset: number): HeaderCheck {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.readUInt32LE(offset) !== MAGIC) return { ok: false, reason: 'no record starts here (bad magic)' };
  if (view.readUInt32LE(offset + 16) !== crc32c(bytes, offset, offset + 16)) return { ok: false, reason: 'record header checksum mismatch' };
  const version = view.readUInt8(offset + 4);
  if (version !== FORMAT_VERSION) return { ok: false, reason: `record format version ${version} is not supported (this Eventline reads version ${FORMAT_VERSION}): upgrade Eventline` };
  const payloadLength = view.readUInt32LE(offset + 8);
  if (payloadLength > MAX_PAYLOAD) return { ok: false, reason: `record length ${payloadLength} exceeds the limit` };
  return { ok: true, payloadLength, payloadCrc: view.readUInt32LE(offset + 12) };
}

/** Decodes a whole record (header + payload) whose header already passed checkHeader. */
export function decodePayload(bytes: Uint8Array, payloadStart: number, payloadLength: number, payloadCrc: number): CommitPayload | string {
  if (crc32c(bytes, payloadStart, payloadStart + payloadLength) !== payloadCrc) return 'record payload checksum mismatch';
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + payloadStart, payloadLength).toString('utf8'));
  } catch {
    return 'record payload is not valid JSON';
  }
  return isCommitPayload(value) ? value : 'record payload does not have the commit shape';
}

function isCommitPayload(value: unknown): value is CommitPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { position, recordedAt, events } = value as Record<string, unknown>;
  return Number.isSafeInteger(position) && typeof recordedAt === 'number' && Array.isArray(events) && events.length > 0 &&
    events.every((e) => typeof e === 'object' && e !== null && typeof e.stream === 'string' && Number.isSafeInteger(e.revision) &&
      typeof e.event === 'object' && e.event !== null && typeof e.event.eventId === 'string' && typeof e.event.eventType === 'string');
}

export const SEGMENT_PATTERN = /^(\d{20})\.seg$/;

export function segmentFileName(basePosition: number): string {
  return `${String(basePosition).padStart(20, '0')}.seg`;
}
