// `eventline store export|import` through the built CLI: JSONL round trip across stores, order and
// revisions kept, tombstones carried, re-import idempotent.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openLocalEventStore } from '../../runtime/backends/local/index';
import { cliPath, ensureBuilt } from './runCli';

const root = mkdtempSync(join(tmpdir(), 'eventline-cli-export-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshStore = () => join(root, `store-${n++}`);

function envelope(eventType: string, data: Record<string, unknown>) {
  return { eventId: randomUUID(), eventType, timestamp: '2026-01-05T10:30:00Z', version: '1.0', source: 'order-service', data };
}

function storeCli(args: string[], stdin = '') {
  ensureBuilt();
  const result = spawnSync(process.execPath, [cliPath, 'store', ...args], { input: stdin, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const parseLines = (text: string) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
/** What must survive a round trip: stream, revision and the envelope (positions and times are the target's). */
const essence = (text: string) => parseLines(text).map(({ stream, revision, event }) => ({ stream, revision, event }));

async function seedSource(dir: string): Promise<void> {
  const store = await openLocalEventStore(dir);
  try {
    await store.append('order-1', [envelope('OrderPlaced', { n: 0 }), envelope('OrderPaid', { n: 1 })]);
    await store.append('invoice-1', [envelope('InvoiceIssued', { n: 2 })]);
    await store.append('order-2', [envelope('OrderPlaced', { n: 3 })]);
    await store.append('order-1', [envelope('OrderShipped', { n: 4 })]);
    await store.deleteStream('order-2', { expectedRevision: 0 });
  } finally {
    await store.close();
  }
}

test('export prints every event in global order; import into an empty store reproduces streams, revisions and deletions', async () => {
  const source = freshStore();
  await seedSource(source);
  const exported = storeCli(['export', '--store', source]);
  assert.equal(exported.code, 0, exported.stderr);
  const lines = parseLines(exported.stdout);
  assert.deepEqual(lines.map((l) => [l.stream, l.revision]), [['order-1', 0], ['order-1', 1], ['invoice-1', 0], ['order-2', 0], ['order-1', 2], ['order-2', 1]]);
  assert.deepEqual(lines.map((l) => l.position), [0, 1, 2, 3, 4, 5]);
  assert.ok(lines.every((l) => typeof l.recordedAt === 'string'));

  const target = freshStore();
  const imported = storeCli(['import', '--store', target], exported.stdout);
  assert.equal(imported.code, 0, imported.stderr);
  assert.deepEqual(JSON.parse(imported.stdout), { imported: 6, skipped: 0 });
  const again = storeCli(['export', '--store', target]);
  assert.deepEqual(essence(again.stdout), essence(exported.stdout));
  const streams = parseLines(storeCli(['streams', '--store', target]).stdout);
  assert.deepEqual(streams.map((s) => [s.stream, s.deleted ?? false]), [['order-1', false], ['invoice-1', false], ['order-2', true]]);
  assert.equal(storeCli(['read', '--store', target, '--stream', 'order-2']).stdout, '');
});

test('re-importing writes nothing new; export --stream prints one stream', async () => {
  const source = freshStore();
  await seedSource(source);
  const all = storeCli(['export', '--store', source]).stdout;
  const target = freshStore();
  assert.equal(storeCli(['import', '--store', target], all).code, 0);
  const before = storeCli(['export', '--store', target]).stdout;
  const reimport = storeCli(['import', '--store', target], all);
  assert.equal(reimport.code, 0, reimport.stderr);
  assert.deepEqual(JSON.parse(reimport.stdout), { imported: 0, skipped: 6 });
  assert.equal(storeCli(['export', '--store', target]).stdout, before, 'same events, same positions, same recordedAt');

  const one = storeCli(['export', '--store', source, '--stream', 'order-1']);
  assert.deepEqual(parseLines(one.stdout).map((l) => [l.stream, l.revision]), [['order-1', 0], ['order-1', 1], ['order-1', 2]]);
  assert.equal(storeCli(['export', '--store', source, '--stream', 'order-2']).stdout, '', 'a deleted stream reads as empty');
});

test('import into a store whose stream differs fails with the conflict; a malformed line writes nothing', async () => {
  const source = freshStore();
  await seedSource(source);
  const all = storeCli(['export', '--store', source]).stdout;
  const target = freshStore();
  const other = storeCli(['append', '--store', target, '--stream', 'invoice-1'], JSON.stringify(envelope('InvoiceIssued', {})) + '\n');
  assert.equal(other.code, 0, other.stderr);
  const conflict = storeCli(['import', '--store', target], all);
  assert.equal(conflict.code, 1);
  assert.match(conflict.stderr, /invoice-1/);

  const empty = freshStore();
  const bad = storeCli(['import', '--store', empty], all + '{"stream":"x"}\n');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /line 7 is not an exported event/);
  assert.equal(storeCli(['export', '--store', empty]).stdout, '');
});
