// Reads commit records back from the segments for the read operations. Every read re-checks the
// record's checksums, so bytes damaged after open are refused (StoreCorruptError), never served.
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreCorruptError } from '../../errors';
import { checkHeader, decodePayload, HEADER_SIZE, type CommitPayload } from './format';
import type { RecordRef } from './memoryIndex';

export class RecordReader {
  private readonly handles = new Map<string, FileHandle>();
  private cached: { ref: RecordRef; payload: CommitPayload } | undefined;

  constructor(private readonly dir: string) {}

  async read(ref: RecordRef): Promise<CommitPayload> {
    if (this.cached?.ref === ref) return this.cached.payload;
    const handle = await this.handle(ref.segment);
    const bytes = Buffer.allocUnsafe(ref.length);
    let got = 0;
    while (got < ref.length) {
      const { bytesRead } = await handle.read(bytes, got, ref.length - got, ref.offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    const payload = got === ref.length ? decodeRecord(bytes) : `the record is cut short (${got} of ${ref.length} bytes)`;
    if (typeof payload === 'string') throw new StoreCorruptError([{ segment: ref.segment, offset: ref.offset, reason: payload }]);
    if (payload.position !== ref.firstPosition) throw new StoreCorruptError([{ segment: ref.segment, offset: ref.offset, reason: `record holds position ${payload.position}, expected ${ref.firstPosition}` }]);
    this.cached = { ref, payload };
    return payload;
  }

  async close(): Promise<void> {
    const handles = [...this.handles.values()];
    this.handles.clear();
    await Promise.all(handles.map((h) => h.close()));
  }

  private async handle(segment: string): Promise<FileHandle> {
    let handle = this.handles.get(segment);
    if (!handle) {
      handle = await open(join(this.dir, segment), 'r');
      this.handles.set(segment, handle);
    }
    return handle;
  }
}

function decodeRecord(bytes: Buffer): CommitPayload | string {
  const header = checkHeader(bytes, 0);
  if (!header.ok) return header.reason;
  if (HEADER_SIZE + header.payloadLength !== bytes.length) return 'record length changed since the store was opened';
  return decodePayload(bytes, HEADER_SIZE, header.payloadLength, header.payloadCrc);
}
