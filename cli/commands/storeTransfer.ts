// `eventline store export|import`: JSON Lines of stored events, one a line, in the same shape as
// `store read` prints: {"stream","revision","position","recordedAt","event"}. Import uses stream,
// revision and event (position and recordedAt are the source store's; the target assigns its own)
// and appends each event with expectedRevision = revision - 1, so streams come back with the same
// revisions and in the same order, and a target whose stream already differs fails loudly.
// Re-importing is idempotent: stored eventIds are retries and write nothing. A stream's tombstone
// ($streamDeleted) is exported like an event and imported as deleteStream, so deletion round-trips.
import type { EventStore } from '../../runtime/eventStore';
import type { EventEnvelope } from '../../runtime/envelope';
import { isTombstone } from '../../runtime/tombstone';
import { readJsonLines } from '../jsonLines';

export interface ExportLine {
  stream: string;
  revision: number;
  event: EventEnvelope;
}

/** Appends in flight at once: enough for group commit to share fsyncs, few enough for memory. */
const WINDOW = 256;

export async function exportEvents(store: EventStore, stream: string | undefined, out: (text: string) => void): Promise<number> {
  const events = stream === undefined ? store.readAll() : store.readStream(stream);
  let chunk = '';
  let count = 0;
  for await (const event of events) {
    chunk += JSON.stringify(event) + '\n';
    count++;
    if (chunk.length > 64 * 1024) {
      out(chunk);
      chunk = '';
    }
  }
  out(chunk);
  return count;
}

/** Parses the export lines; a message naming the first bad line. */
export function parseExportLines(text: string): ExportLine[] | string {
  return readJsonLines<ExportLine>(text, (value) => {
    const { stream, revision, event } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    if (typeof stream !== 'string' || !Number.isSafeInteger(revision) || (revision as number) < 0 || typeof event !== 'object' || event === null) {
      return { problem: ` is not an exported event: expected {"stream","revision","event"} as printed by 'eventline store export'.` };
    }
    return { value: { stream, revision: revision as number, event: event as EventEnvelope } };
  });
}

export interface ImportCounts {
  imported: number;
  /** Already stored (same eventId, stream and revision): a re-import. */
  skipped: number;
}

/** Appends the lines in order; rejects with the first failure in file order. */
export async function importEvents(store: EventStore, lines: readonly ExportLine[]): Promise<ImportCounts> {
  const counts: ImportCounts = { imported: 0, skipped: 0 };
  for (let start = 0; start < lines.length; start += WINDOW) {
    // Each call plans synchronously, in order, before the next starts: revisions follow file order.
    const pending = lines.slice(start, start + WINDOW).map((line) => importOne(store, line));
    const settled = await Promise.allSettled(pending);
    for (const result of settled) {
      if (result.status === 'rejected') throw result.reason;
      counts[result.value ? 'skipped' : 'imported']++;
    }
  }
  return counts;
}

/** Resolves to true when the event was stored already. */
async function importOne(store: EventStore, { stream, revision, event }: ExportLine): Promise<boolean> {
  const expectedRevision = revision === 0 ? 'no-stream' : revision - 1;
  if (isTombstone(event)) return (await store.deleteStream(stream, { expectedRevision })).duplicate;
  return (await store.append(stream, [event], { expectedRevision })).duplicate;
}
