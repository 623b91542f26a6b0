// Index checkpoints of the local log (index.v1): a reopen loads the checkpoint and scans only the
// tail; anything wrong with the checkpoint (damaged, cut short, stale, another version) makes open
// ignore it with a note and rebuild from the log, with the same results either way.
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { deleteIndexSnapshot, INDEX_SNAPSHOT_FILE, openLocalEventStore, type LocalEventStore } from '../../runtime/backends/local/index';
import { collect } from '../../runtime/eventStore';
import { makeEvent } from '../contracts/eventStore.contract';

const root = mkdtempSync(join(tmpdir(), 'eventline-index-snapshot-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `store-${n++}`);
const snapshotPath = (dir: string) => join(dir, INDEX_SNAPSHOT_FILE);

/** 6 commits over 3 streams with correlation and causation metadata and one deleted stream; small segments so there are several. */
async function seeded(dir: string): Promise<void> {
  const store = await openLocalEventStore(dir, { segmentBytes: 1200 });
  let previous: string | undefined;
  for (let i = 0; i < 6; i++) {
    const event = makeEvent('OrderPlaced', { i }, `corr-${i % 2}`);
    if (previous) event.metadata = { ...event.metadata, causationId: previous };
    previous = event.eventId;
    await store.append(`order-${i % 3}`, [event, makeEvent('OrderPaid', { i })]);
  }
  await store.deleteStream('order-2');
  await store.close();
}

/** Everything the indexes answer, for comparing an open with and without the checkpoint. */
async function answers(store: LocalEventStore) {
  const all = await collect(store.readAll());
  const firstId = all[0].event.eventId;
  return {
    head: await store.headPosition(),
    all: all.map((e) => [e.position, e.stream, e.revision, e.event.eventId]),
    streams: await collect(store.listStreams()),
    order1: (await collect(store.readStream('order-1'))).map((e) => e.event.eventId),
    revision: await store.streamRevision('order-0'),
    deleted: await store.streamRevision('order-2'),
    correlation: (await collect(store.readCorrelation('corr-0'))).map((e) => e.position),
    tree: JSON.stringify(await store.causationTree(firstId)),
    since: (await collect(store.readAll({ filter: { recordedFrom: all[3].recordedAt } }))).length,
  };
}

async function answersOf(dir: string, options = {}) {
  const store = await openLocalEventStore(dir, options);
  try {
    return { answers: await answers(store), recovery: store.recovery };
  } finally {
    await store.close();
  }
}

/** The answers of a full rescan, without touching the store's own checkpoint. */
async function rescanAnswers(dir: string) {
  const saved = readFileSync(snapshotPath(dir));
  deleteIndexSnapshot(dir);
  const { answers: full, recovery } = await answersOf(dir, { indexCheckpoint: false });
  assert.equal(recovery.indexSnapshot, 'absent');
  writeFileSync(snapshotPath(dir), saved);
  return { full, records: recovery.records };
}

describe('index checkpoint', () => {
  test('close writes it; a reopen loads it, scans no record, and answers like a full rescan', async () => {
    const dir = freshDir();
    await seeded(dir);
    assert.ok(existsSync(snapshotPath(dir)));
    assert.ok(readdirSync(dir).filter((f) => f.endsWith('.seg')).length > 1, 'several segments');
    const { full, records } = await rescanAnswers(dir);
    const { answers: fast, recovery } = await answersOf(dir);
    assert.equal(recovery.indexSnapshot, 'loaded');
    assert.equal(recovery.recordsScanned, 0);
    assert.equal(recovery.records, records);
    assert.deepEqual(recovery.notes, []);
    assert.deepEqual(fast, full);
  });

  test('appends after the checkpoint are scanned as the tail only', async () => {
    const dir = freshDir();
    await seeded(dir);
    // Commits written without a checkpoint on close: the checkpoint on disk is now older than the log.
    const writer = await openLocalEventStore(dir, { segmentBytes: 1200, indexCheckpoint: false });
    await writer.append('order-7', [makeEvent('OrderPlaced', {}, 'corr-0')]);
    await writer.append('order-1', [makeEvent('OrderShipped')]);
    await writer.close();
    const { full, records } = await rescanAnswers(dir);
    const { answers: fast, recovery } = await answersOf(dir, { indexCheckpoint: false });
    assert.equal(recovery.indexSnapshot, 'loaded');
    assert.equal(recovery.recordsScanned, 2);
    assert.equal(recovery.records, records);
    assert.deepEqual(fast, full);
  });

  test('every N commits writes a checkpoint while the store is open', async () => {
    const dir = freshDir();
    const store = await openLocalEventStore(dir, { indexCheckpoint: { commits: 3 } });
    for (let i = 0; i < 4; i++) await store.append('s', [makeEvent()]);
    assert.ok(existsSync(snapshotPath(dir)), 'written after 3 commits');
    // Read while the writer is open: the checkpoint covers 3 commits, the tail is the 4th.
    const reader = await openLocalEventStore(dir, { readOnly: true });
    assert.equal(reader.recovery.indexSnapshot, 'loaded');
    assert.equal(reader.recovery.recordsScanned, 1);
    assert.equal(await reader.headPosition(), 4);
    await reader.close();
    await store.close();
  });

  const damages: Array<[string, (bytes: Buffer) => Buffer]> = [
    ['a flipped body byte', (b) => { const d = Buffer.from(b); d[d.length - 5] ^= 0x20; return d; }],
    ['a cut-short file', (b) => b.subarray(0, b.length - 7)],
    ['an empty file', () => Buffer.alloc(0)],
    ['another format version', (b) => { const d = Buffer.from(b); d[4] = 9; return d; }],
  ];
  for (const [name, damage] of damages) {
    test(`${name} is ignored with a note; the answers are the same`, async () => {
      const dir = freshDir();
      await seeded(dir);
      const { full } = await rescanAnswers(dir);
      writeFileSync(snapshotPath(dir), damage(readFileSync(snapshotPath(dir))));
      const { answers: got, recovery } = await answersOf(dir);
      assert.equal(recovery.indexSnapshot, 'ignored');
      assert.equal(recovery.recordsScanned, recovery.records);
      assert.equal(recovery.notes.length, 1);
      assert.match(recovery.notes[0], /index\.v1 was ignored because .*rebuild-index/);
      assert.deepEqual(got, full);
      // The writer open replaced it with a good one.
      assert.equal((await answersOf(dir)).recovery.indexSnapshot, 'loaded');
    });
  }

  test('a stale checkpoint (the log was replaced under it) is ignored; the new log is answered', async () => {
    const dir = freshDir();
    await seeded(dir);
    const stale = readFileSync(snapshotPath(dir));
    const other = freshDir();
    await seeded(other);
    // Same segment names and sizes, different records: only the last-record check can tell.
    for (const f of readdirSync(dir).filter((name) => name.endsWith('.seg'))) rmSync(join(dir, f));
    for (const f of readdirSync(other).filter((name) => name.endsWith('.seg'))) writeFileSync(join(dir, f), readFileSync(join(other, f)));
    deleteIndexSnapshot(dir);
    const { answers: full } = await answersOf(dir, { indexCheckpoint: false });
    writeFileSync(snapshotPath(dir), stale);
    const { answers: got, recovery } = await answersOf(dir);
    assert.equal(recovery.indexSnapshot, 'ignored');
    assert.match(recovery.notes[0], /no longer holds its last record/);
    assert.deepEqual(got, full);
  });

  test('a log cut back before the checkpoint (fewer segments) makes it ignored', async () => {
    const dir = freshDir();
    await seeded(dir);
    const segments = readdirSync(dir).filter((f) => f.endsWith('.seg')).sort();
    rmSync(join(dir, segments[segments.length - 1]));
    const { answers: got, recovery } = await answersOf(dir);
    assert.equal(recovery.indexSnapshot, 'ignored');
    assert.equal(got.head, recovery.events);
  });

  test('a torn tail after the checkpoint is truncated by a writer open as without one', async () => {
    const dir = freshDir();
    await seeded(dir);
    const segments = readdirSync(dir).filter((f) => f.endsWith('.seg')).sort();
    appendFileSync(join(dir, segments[segments.length - 1]), Buffer.from([0x45, 0x56, 0x4c]));
    const store = await openLocalEventStore(dir);
    assert.equal(store.recovery.indexSnapshot, 'loaded');
    assert.equal(store.recovery.tornTail?.bytes, 3);
    assert.equal(store.recovery.tornTail?.truncated, true);
    await store.append('order-9', [makeEvent()]);
    await store.close();
    const again = await answersOf(dir);
    assert.equal(again.recovery.indexSnapshot, 'loaded');
    assert.equal(again.answers.head, 14);
  });
});
