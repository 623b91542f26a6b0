// `eventline store append|read|streams|verify`: a thin command line over the local event store
// (runtime/backends/local). Output is JSON Lines for scripts; errors go to stderr.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeNonUuidV4, parseTimestamp, VERSION_PATTERN } from '../../core/envelope/formats';
import { openLocalEventStore, verifyLocalStore, deleteIndexSnapshot, DEFAULT_STORE_DIR } from '../../runtime/backends/local/index';
import { isEventStoreError } from '../../runtime/errors';
import type { EventEnvelope } from '../../runtime/envelope';
import type { ReadFilter } from '../../runtime/eventStore';
import { parseExpectedRevision } from '../../runtime/expectedRevision';
import { EXIT, UsageError } from '../usage';
import { exportEvents, importEvents, parseExportLines } from './storeTransfer';
import { readJsonLines } from '../jsonLines';

export const storeHelp = `Usage: eventline store <append|read|streams|verify|rebuild-index|export|import> [options]

The local event store (default folder ${DEFAULT_STORE_DIR}).

  store append --stream NAME [--expected-revision any|no-stream|stream-exists|N] < events.jsonl
      Appends the envelopes on stdin (one a line) to the stream in one atomic commit and prints
      {"eventId","stream","revision","position"} per event once they are durable. A resent batch
      prints the original revisions and positions. Exit 1 on a conflict or an invalid envelope
      (nothing of the batch is written).
  store read [--stream NAME] [--from N] [--backward] [--type T] [--correlation ID]
             [--since TIME] [--until TIME] [--limit N]
      Prints stored events as JSON Lines: stream, revision, position, recordedAt and event.
      --from is a revision with --stream, else a global position; TIME is ISO 8601 (recorded time).
  store streams      prints each stream with its last revision and positions
  store verify       checks every record's checksum and the log's consistency; exit 1 on corruption
  store rebuild-index
      Deletes the index checkpoint (index.v1), rebuilds the indexes from every segment and writes
      a new checkpoint; prints {"records","events","recordsScanned"}. Exit 1 on corruption.
  store export [--stream NAME] > events.jsonl
      Prints every stored event (or one stream's) in global order, one a line, as store read does.
      Deleted streams are included with their $streamDeleted tombstone (store read --stream and
      export --stream print nothing for a deleted stream).
  store import < events.jsonl
      Appends exported events keeping each stream's revisions and order (expected revision checked),
      re-creates tombstones, and prints {"imported","skipped"}. Re-importing writes nothing new.

Options:
  --store DIR        the store folder (default: ${DEFAULT_STORE_DIR})
  -h, --help         show this help

Exit status: 0 success, 1 conflict, invalid input or corruption, 2 usage or internal failure.
`;

export interface StoreIo {
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
  readStdin: () => string;
}

const options = {
  store: { type: 'string' },
  stream: { type: 'string' },
  'expected-revision': { type: 'string' },
  from: { type: 'string' },
  backward: { type: 'boolean' },
  type: { type: 'string', multiple: true },
  correlation: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  limit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runStore(args: string[], io: StoreIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options });
  const [sub, ...extra] = positionals;
  if (values.help || sub === undefined) {
    io.out(storeHelp);
    return values.help ? EXIT.ok : EXIT.failure;
  }
  if (extra.length > 0) throw new UsageError(`store ${sub} takes no positional arguments, got: ${extra.join(' ')}`);
  const dir = resolve(io.cwd, values.store ?? DEFAULT_STORE_DIR);
  try {
    switch (sub) {
      case 'append':
        return await append(dir, values, io);
      case 'read':
        return await read(dir, values, io);
      case 'streams':
        return await streams(dir, io);
      case 'verify':
        return verify(dir, io);
      case 'rebuild-index':
        return await rebuildIndex(dir, io);
      case 'export':
        return await exportStore(dir, values.stream, io);
      case 'import':
        return await importStore(dir, io);
      default:
        throw new UsageError(`unknown store command "${sub}": use append, read, streams, verify, rebuild-index, export or import`);
    }
  } catch (error) {
    if (!isEventStoreError(error)) throw error;
    io.err(`eventline: ${error.message}\n`);
    return EXIT.problems;
  }
}

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true; strict: true }>>['values'];

async function append(dir: string, values: Values, io: StoreIo): Promise<number> {
  if (!values.stream) throw new UsageError('store append needs --stream NAME');
  const expectedRevision = values['expected-revision'] === undefined ? 'any' : parseExpectedRevision(values['expected-revision']);
  if (expectedRevision === undefined) throw new UsageError(`--expected-revision "${values['expected-revision']}" is not any, no-stream, stream-exists or a revision number`);
  const parsed = parseEnvelopes(io.readStdin());
  if (typeof parsed === 'string') {
    io.err(`eventline: ${parsed} Nothing was written.\n`);
    return EXIT.problems;
  }
  const store = await openLocalEventStore(dir);
  try {
    const result = await store.append(values.stream, parsed, { expectedRevision });
    io.out(result.events.map((e) => JSON.stringify({ eventId: e.eventId, stream: e.stream, revision: e.revision, position: e.position }) + '\n').join(''));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

async function read(dir: string, values: Values, io: StoreIo): Promise<number> {
  const from = optionalCount(values.from, '--from');
  const limit = optionalCount(values.limit, '--limit');
  const filter: ReadFilter = {
    eventTypes: values.type,
    correlationId: values.correlation,
    recordedFrom: optionalTime(values.since, '--since'),
    recordedUntil: optionalTime(values.until, '--until'),
  };
  const direction = values.backward ? 'backwards' : 'forwards';
  const store = await openLocalEventStore(dir, { readOnly: true });
  try {
    const events = values.stream
      ? store.readStream(values.stream, { direction, fromRevision: from, maxCount: limit, filter })
      : store.readAll({ direction, fromPosition: from, maxCount: limit, filter });
    let chunk = '';
    for await (const event of events) {
      chunk += JSON.stringify(event) + '\n';
      if (chunk.length > 64 * 1024) {
        io.out(chunk);
        chunk = '';
      }
    }
    io.out(chunk);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

async function streams(dir: string, io: StoreIo): Promise<number> {
  const store = await openLocalEventStore(dir, { readOnly: true });
  try {
    for await (const info of store.listStreams()) io.out(JSON.stringify(info) + '\n');
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

async function exportStore(dir: string, stream: string | undefined, io: StoreIo): Promise<number> {
  const store = await openLocalEventStore(dir, { readOnly: true });
  try {
    await exportEvents(store, stream, io.out);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

async function importStore(dir: string, io: StoreIo): Promise<number> {
  const lines = parseExportLines(io.readStdin());
  if (typeof lines === 'string') {
    io.err(`eventline: ${lines} Nothing was written.\n`);
    return EXIT.problems;
  }
  const store = await openLocalEventStore(dir);
  try {
    io.out(JSON.stringify(await importEvents(store, lines)) + '\n');
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

function verify(dir: string, io: StoreIo): number {
  const report = verifyLocalStore(dir);
  io.out(JSON.stringify(report) + '\n');
  if (!report.ok) {
    for (const p of report.problems) io.err(`eventline: corrupt: segment ${p.segment} at byte offset ${p.offset}: ${p.reason}\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

async function rebuildIndex(dir: string, io: StoreIo): Promise<number> {
  deleteIndexSnapshot(dir);
  // A writer open with no checkpoint scans the whole log and writes a fresh checkpoint.
  const store = await openLocalEventStore(dir);
  const { records, events, recordsScanned } = store.recovery;
  await store.close();
  io.out(JSON.stringify({ records, events, recordsScanned }) + '\n');
  return EXIT.ok;
}

/** JSON Lines of envelopes with the default style's required fields; a message on the first bad line. */
function parseEnvelopes(text: string): EventEnvelope[] | string {
  const events = readJsonLines<EventEnvelope>(text, (value) => {
    const problem = envelopeProblem(value);
    return problem ? { problem: `: ${problem}.` } : { value: value as EventEnvelope };
  });
  if (typeof events === 'string') return events;
  if (events.length === 0) return 'no envelopes on stdin: pipe one JSON envelope per line.';
  return events;
}

function envelopeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'an envelope must be a JSON object';
  const { eventId, eventType, timestamp, version, source, data } = value as Record<string, unknown>;
  if (typeof eventId !== 'string') return 'eventId must be a string UUID v4, e.g. from crypto.randomUUID()';
  const badId = describeNonUuidV4(eventId);
  if (badId) return `eventId "${eventId}" ${badId}`;
  if (typeof eventType !== 'string' || eventType === '') return 'eventType is missing: name the event type, e.g. "OrderPlaced"';
  if (typeof timestamp !== 'string') return 'timestamp is missing: add an RFC 3339 time, e.g. "2026-01-05T10:30:00Z"';
  const time = parseTimestamp(timestamp);
  if (!time.ok) return `timestamp "${timestamp}" ${time.problem}`;
  if (typeof version !== 'string' || !VERSION_PATTERN.test(version)) return 'version must be MAJOR.MINOR, e.g. "1.0"';
  if (typeof source !== 'string' || source === '') return 'source is missing: name the producing service, e.g. "order-service"';
  if (data === undefined) return 'data is missing: add the event payload object';
  return undefined;
}

function optionalCount(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^(0|[1-9]\d*)$/.test(text)) throw new UsageError(`${flag} "${text}" is not a non-negative integer`);
  return Number(text);
}

function optionalTime(text: string | undefined, flag: string): string | undefined {
  if (text !== undefined && Number.isNaN(Date.parse(text))) throw new UsageError(`${flag} "${text}" is not a time: use ISO 8601, e.g. 2026-01-05T10:30:00Z`);
  return text;
}
