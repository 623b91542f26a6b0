// `eventline store ...` through the built CLI (dist/cli.js), the way scripts drive the store.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cliPath, ensureBuilt, runCli } from './runCli';

const root = mkdtempSync(join(tmpdir(), 'eventline-cli-store-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshStore = () => join(root, `store-${n++}`);

function envelope(eventType: string, data: Record<string, unknown>, correlationId?: string) {
  return { eventId: randomUUID(), eventType, timestamp: '2026-01-05T10:30:00Z', version: '1.0', source: 'order-service', data, ...(correlationId ? { metadata: { correlationId } } : {}) };
}

function storeCli(args: string[], stdin = '') {
  ensureBuilt();
  const result = spawnSync(process.execPath, [cliPath, 'store', ...args], { input: stdin, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const jsonl = (values: unknown[]) => values.map((v) => JSON.stringify(v) + '\n').join('');
const parseLines = (text: string) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

test('append prints one line per durable event; a resend prints the originals; a conflict exits 1 and writes nothing', () => {
  const store = freshStore();
  const events = [envelope('OrderPlaced', { n: 0 }), envelope('OrderPaid', { n: 1 })];
  const first = storeCli(['append', '--store', store, '--stream', 'order-1', '--expected-revision', 'no-stream'], jsonl(events));
  assert.equal(first.code, 0, first.stderr);
  assert.deepEqual(parseLines(first.stdout), [
    { eventId: events[0].eventId, stream: 'order-1', revision: 0, position: 0 },
    { eventId: events[1].eventId, stream: 'order-1', revision: 1, position: 1 },
  ]);
  const resend = storeCli(['append', '--store', store, '--stream', 'order-1', '--expected-revision', 'no-stream'], jsonl(events));
  assert.equal(resend.code, 0, resend.stderr);
  assert.equal(resend.stdout, first.stdout);
  const conflict = storeCli(['append', '--store', store, '--stream', 'order-1', '--expected-revision', '0'], jsonl([envelope('OrderShipped', {})]));
  assert.equal(conflict.code, 1);
  assert.match(conflict.stderr, /expected revision 0 but the stream is at revision 1/);
  assert.equal(conflict.stdout, '');
  const ok = storeCli(['append', '--store', store, '--stream', 'order-1', '--expected-revision', '1'], jsonl([envelope('OrderShipped', {})]));
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(parseLines(ok.stdout)[0].revision, 2);
});

test('append rejects invalid JSON or an invalid envelope anywhere in the batch, writing nothing', () => {
  const store = freshStore();
  const good = envelope('OrderPlaced', {});
  const badJson = storeCli(['append', '--store', store, '--stream', 'order-2'], jsonl([good]) + '{not json\n');
  assert.equal(badJson.code, 1);
  assert.match(badJson.stderr, /line 2 is not valid JSON/);
  const noType = storeCli(['append', '--store', store, '--stream', 'order-2'], jsonl([good, { ...envelope('X', {}), eventType: undefined }]));
  assert.equal(noType.code, 1);
  assert.match(noType.stderr, /line 2: eventType is missing/);
  const badId = storeCli(['append', '--store', store, '--stream', 'order-2'], jsonl([{ ...good, eventId: 'not-a-uuid' }]));
  assert.equal(badId.code, 1);
  assert.match(badId.stderr, /eventId "not-a-uuid"/);
  const read = storeCli(['read', '--store', store]);
  assert.equal(read.code, 0, read.stderr);
  assert.equal(read.stdout, '');
  assert.equal(storeCli(['append', '--store', store, '--stream', 'order-2', '--expected-revision', 'soon'], jsonl([good])).code, 2);
});

test('read filters by stream, position/revision, direction, type, correlation, time and limit', () => {
  const store = freshStore();
  storeCli(['append', '--store', store, '--stream', 'order-1'], jsonl([envelope('OrderPlaced', { n: 0 }, 'c1'), envelope('OrderPaid', { n: 1 }, 'c1')]));
  storeCli(['append', '--store', store, '--stream', 'invoice-1'], jsonl([envelope('InvoiceIssued', { n: 2 }, 'c2')]));
  const n = (args: string[]) => {
    const result = storeCli(['read', '--store', store, ...args]);
    assert.equal(result.code, 0, result.stderr);
    return parseLines(result.stdout).map((e) => (e.event as { data: { n: number } }).data.n);
  };
  const all = parseLines(storeCli(['read', '--store', store]).stdout);
  assert.deepEqual(Object.keys(all[0]), ['stream', 'revision', 'position', 'recordedAt', 'event']);
  assert.deepEqual(n([]), [0, 1, 2]);
  assert.deepEqual(n(['--stream', 'order-1', '--backward']), [1, 0]);
  assert.deepEqual(n(['--stream', 'order-1', '--from', '1']), [1]);
  assert.deepEqual(n(['--from', '1', '--limit', '1']), [1]);
  assert.deepEqual(n(['--type', 'OrderPaid', '--type', 'InvoiceIssued']), [1, 2]);
  assert.deepEqual(n(['--correlation', 'c2']), [2]);
  assert.deepEqual(n(['--until', '2000-01-01T00:00:00Z']), []);
  assert.deepEqual(n(['--until', new Date(Date.now() + 60_000).toISOString()]), [0, 1, 2]);
  const streams = parseLines(storeCli(['streams', '--store', store]).stdout);
  assert.deepEqual(streams.map((s) => [s.stream, s.revision]).sort(), [['invoice-1', 0], ['order-1', 1]]);
});

test('verify exits 0 on a clean store and 1 naming segment and offset on a flipped byte', () => {
  const store = freshStore();
  storeCli(['append', '--store', store, '--stream', 'order-1'], jsonl([envelope('OrderPlaced', {}), envelope('OrderPaid', {})]));
  storeCli(['append', '--store', store, '--stream', 'order-1'], jsonl([envelope('OrderShipped', {})]));
  const clean = storeCli(['verify', '--store', store]);
  assert.equal(clean.code, 0, clean.stderr);
  assert.equal((JSON.parse(clean.stdout) as { events: number }).events, 3);
  const segment = readdirSync(store).find((f) => f.endsWith('.seg'))!;
  const bytes = readFileSync(join(store, segment));
  bytes[bytes.length - 10] ^= 0x40;
  writeFileSync(join(store, segment), bytes);
  const broken = storeCli(['verify', '--store', store]);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, new RegExp(`segment ${segment} at byte offset \\d+: record payload checksum mismatch`));
  const read = storeCli(['read', '--store', store]);
  assert.equal(read.code, 1, 'reads refuse a corrupt store');
  assert.match(read.stderr, /corrupt/);
});

test('store help is listed and usage errors exit 2', () => {
  assert.match(runCli(['--help']).stdout, /store <command>/);
  const help = runCli(['help', 'store']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--expected-revision/);
  assert.equal(storeCli(['append', '--store', freshStore()]).code, 2);
  assert.equal(storeCli(['compact']).code, 2);
});

test('rebuild-index replaces a damaged index checkpoint with one rebuilt from the log; reads are unchanged', () => {
  const store = freshStore();
  for (let i = 0; i < 3; i++) {
    const appended = storeCli(['append', '--store', store, '--stream', `order-${i}`], jsonl([envelope('OrderPlaced', { i })]));
    assert.equal(appended.code, 0, appended.stderr);
  }
  const before = storeCli(['read', '--store', store]);
  const checkpoint = join(store, 'index.v1');
  const good = readFileSync(checkpoint);
  writeFileSync(checkpoint, Buffer.from('not a checkpoint'));
  const rebuilt = storeCli(['rebuild-index', '--store', store]);
  assert.equal(rebuilt.code, 0, rebuilt.stderr);
  assert.deepEqual(parseLines(rebuilt.stdout), [{ records: 3, events: 3, recordsScanned: 3 }]);
  assert.deepEqual(readFileSync(checkpoint), good, 'the same checkpoint as the log gave before');
  const after = storeCli(['read', '--store', store]);
  assert.equal(after.code, 0, after.stderr);
  assert.equal(after.stdout, before.stdout);
});
