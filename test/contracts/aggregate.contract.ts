// Contract: aggregate() at a revision or a recorded time, with snapshots as a pure cache.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidRequestError } from '../../runtime/errors';
import type { EventStore, Fold } from '../../runtime/eventStore';
import { envelope, sleep, type WithStore } from './support';

interface Cart { total: number; items: number[] }

/** Mutates its state on purpose: snapshots must copy, not alias. */
const cart = (version = '1'): Fold<Cart> => ({
  name: 'cart',
  version,
  initial: { total: 0, items: [] },
  apply(state, recorded) {
    const n = (recorded.event.data as { n: number }).n;
    state.items.push(n);
    state.total += n;
    return state;
  },
});

async function seed(store: EventStore, stream: string, count: number): Promise<void> {
  await store.append(stream, Array.from({ length: count }, (_, n) => envelope('ItemAdded', { n })));
}

const expected = (count: number): Cart => ({ total: count === 0 ? 0 : (count * (count - 1)) / 2, items: Array.from({ length: count }, (_, n) => n) });

export function aggregateContract(withStore: WithStore): void {
  describe('aggregate', () => {
    test('folds the whole stream, or up to a revision; a missing stream folds to the initial state', withStore(async (store) => {
      await seed(store, 'cart-1', 10);
      assert.deepEqual(await store.aggregate('cart-1', cart()), { state: expected(10), revision: 9, eventsApplied: 10 });
      assert.deepEqual(await store.aggregate('cart-1', cart(), { until: { revision: 3 } }), { state: expected(4), revision: 3, eventsApplied: 4 });
      assert.deepEqual(await store.aggregate('cart-2', cart()), { state: expected(0), revision: 'no-stream', eventsApplied: 0 });
      // The fold's initial value is not mutated by a mutating apply.
      const fold = cart();
      await store.aggregate('cart-1', fold);
      assert.deepEqual(fold.initial, { total: 0, items: [] });
    }));

    test('until a time folds the events recorded at or before it (recordedAt, not the envelope timestamp)', withStore(async (store) => {
      await seed(store, 'cart-1', 2);
      await sleep(15);
      const [second] = await collectStream(store, 'cart-1', 1);
      await sleep(15);
      await store.append('cart-1', [envelope('ItemAdded', { n: 2 })]);
      // Every envelope carries the same old timestamp: only recordedAt can separate them.
      const atSecond = await store.aggregate('cart-1', cart(), { until: { time: second.recordedAt } });
      assert.deepEqual(atSecond.state, expected(2));
      assert.equal(atSecond.revision, 1);
      const before = await store.aggregate('cart-1', cart(), { until: { time: new Date(Date.parse(second.recordedAt) - 1000) } });
      assert.equal(before.revision, 'no-stream');
      await assert.rejects(store.aggregate('cart-1', cart(), { until: { time: 'not a time' } }), InvalidRequestError);
    }));

    test('snapshots every N events are reused by later calls and never change a result', withStore(async (store) => {
      await seed(store, 'cart-1', 25);
      const first = await store.aggregate('cart-1', cart(), { snapshotEvery: 10 });
      assert.deepEqual(first, { state: expected(25), revision: 24, eventsApplied: 25 });
      const second = await store.aggregate('cart-1', cart(), { snapshotEvery: 10 });
      assert.deepEqual(second, { state: expected(25), revision: 24, eventsApplied: 5, fromSnapshot: 19 });
      // A time or revision before the snapshot cannot use it.
      const early = await store.aggregate('cart-1', cart(), { snapshotEvery: 10, until: { revision: 12 } });
      assert.deepEqual(early, { state: expected(13), revision: 12, eventsApplied: 13 });
      // Another version of the fold ignores it; so does every call after clearSnapshots.
      assert.equal((await store.aggregate('cart-1', cart('2'), { snapshotEvery: 10 })).eventsApplied, 25);
      await store.clearSnapshots();
      const cleared = await store.aggregate('cart-1', cart(), { snapshotEvery: 100 });
      assert.deepEqual(cleared, { state: expected(25), revision: 24, eventsApplied: 25 });
    }));

    test('snapshots need a fold version; bad options are rejected', withStore(async (store) => {
      await seed(store, 'cart-1', 2);
      const { version: _unused, ...unversioned } = cart();
      await assert.rejects(store.aggregate('cart-1', unversioned, { snapshotEvery: 1 }), InvalidRequestError);
      await assert.rejects(store.aggregate('cart-1', cart(), { snapshotEvery: 0 }), InvalidRequestError);
      await assert.rejects(store.aggregate('cart-1', cart(), { until: { revision: -1 } }), InvalidRequestError);
    }));
  });
}

async function collectStream(store: EventStore, stream: string, fromRevision: number) {
  const out = [];
  for await (const event of store.readStream(stream, { fromRevision, maxCount: 1 })) out.push(event);
  return out;
}
