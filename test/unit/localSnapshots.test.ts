// Local snapshot files: written under <store>/snapshots, reused after reopen, and a pure cache:
// deleting or corrupting them changes no aggregate result.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openLocalEventStore } from '../../runtime/backends/local/index';
import { SNAPSHOT_DIR } from '../../runtime/backends/local/snapshots';
import type { Fold } from '../../runtime/eventStore';
import { envelope } from '../contracts/support';

const root = mkdtempSync(join(tmpdir(), 'eventline-snapshots-'));
after(() => rmSync(root, { recursive: true, force: true }));

const count: Fold<{ n: number }> = { name: 'count', version: '1', initial: { n: 0 }, apply: (state) => ({ n: state.n + 1 }) };

test('snapshot files survive reopen; deleting or corrupting them changes no result', async () => {
  const dir = join(root, 'store');
  let store = await openLocalEventStore(dir);
  await store.append('cart-1', Array.from({ length: 12 }, () => envelope('ItemAdded')));
  assert.equal((await store.aggregate('cart-1', count, { snapshotEvery: 5 })).eventsApplied, 12);
  await store.close();
  const snapshotRoot = join(dir, SNAPSHOT_DIR);
  const [foldDir] = readdirSync(snapshotRoot);
  const [file] = readdirSync(join(snapshotRoot, foldDir));

  store = await openLocalEventStore(dir);
  try {
    assert.deepEqual(await store.aggregate('cart-1', count, { snapshotEvery: 5 }), { state: { n: 12 }, revision: 11, eventsApplied: 2, fromSnapshot: 9 });
    writeFileSync(join(snapshotRoot, foldDir, file), '{"torn');
    assert.deepEqual(await store.aggregate('cart-1', count, { snapshotEvery: 5 }), { state: { n: 12 }, revision: 11, eventsApplied: 12 });
    rmSync(snapshotRoot, { recursive: true });
    assert.deepEqual(await store.aggregate('cart-1', count), { state: { n: 12 }, revision: 11, eventsApplied: 12 });
    // A snapshot of a stream that was deleted afterwards is never used: the stream reads as empty.
    await store.aggregate('cart-1', count, { snapshotEvery: 5 });
    await store.deleteStream('cart-1');
    assert.deepEqual(await store.aggregate('cart-1', count, { snapshotEvery: 5 }), { state: { n: 0 }, revision: 'no-stream', eventsApplied: 0 });
  } finally {
    await store.close();
  }
});
