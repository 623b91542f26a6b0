// Contract: subscribe catches up from a position, then delivers live events as they become durable,
// in position order and each exactly once, with bounded memory, and stops on return(), abort, a
// deleted stream, or the store closing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidRequestError } from '../../runtime/errors';
import { collect, type EventStore, type RecordedEvent, type Subscription } from '../../runtime/eventStore';
import { envelope, type WithStore } from './support';

/** A hang guard (not a timing assertion): a broken subscription fails the test instead of stalling the suite. */
function within<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: still pending after ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function take(subscription: Subscription, count: number): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  while (out.length < count) {
    const next = await within(subscription.next(), `event ${out.length + 1} of ${count}`);
    assert.equal(next.done, false, `the subscription ended after ${out.length} of ${count} events`);
    out.push(next.value);
  }
  return out;
}

async function appendMany(store: EventStore, stream: string, count: number, eventType = 'OrderPlaced'): Promise<string[]> {
  const events = Array.from({ length: count }, (_, i) => envelope(eventType, { i }));
  await store.append(stream, events);
  return events.map((e) => e.eventId);
}

const ids = (events: RecordedEvent[]) => events.map((e) => e.event.eventId);

function assertIncreasing(events: RecordedEvent[]): void {
  for (let i = 1; i < events.length; i++) assert.ok(events[i].position > events[i - 1].position, `position ${events[i].position} follows ${events[i - 1].position}`);
}

export function subscribeContract(withStore: WithStore): void {
  describe('subscribe', () => {
    test('catches up from the start, then delivers new events live as they are appended', withStore(async (store) => {
      const before = await appendMany(store, 'order-1', 3);
      const subscription = store.subscribe({ batchSize: 2 });
      assert.deepEqual(ids(await take(subscription, 3)), before);
      // Caught up: a pull now waits for the next commit.
      const pending = subscription.next();
      const [live] = await appendMany(store, 'order-2', 1);
      const next = await within(pending, 'the live event');
      assert.equal(next.done, false);
      assert.equal(next.value?.event.eventId, live);
      assert.equal(next.value?.stream, 'order-2');
      const more = await appendMany(store, 'order-1', 2);
      const got = await take(subscription, 2);
      assert.deepEqual(ids(got), more);
      assert.deepEqual(got.map((e) => e.revision), [3, 4]);
      await subscription.return();
    }));

    test('events appended during the catch-up are delivered exactly once, in position order', withStore(async (store) => {
      const appended: string[] = [];
      for (let i = 0; i < 5; i++) appended.push(...(await appendMany(store, `order-${i}`, 10)));
      const subscription = store.subscribe({ fromPosition: 'start', batchSize: 7 });
      const got: RecordedEvent[] = [];
      const writes: Array<Promise<unknown>> = [];
      // Append (without waiting for durability) while the catch-up is still reading the first 50.
      for (let i = 0; i < 30; i++) {
        got.push(...(await take(subscription, 1)));
        const event = envelope('OrderPaid', { i });
        appended.push(event.eventId);
        writes.push(store.append(`order-${i % 5}`, [event]));
      }
      await Promise.all(writes);
      got.push(...(await take(subscription, appended.length - got.length)));
      assert.deepEqual(ids(got).sort(), [...appended].sort(), 'every appended event exactly once');
      assertIncreasing(got);
      assert.deepEqual(got.map((e) => e.position), (await collect(store.readAll())).map((e) => e.position), 'the same order as readAll');
      // Nothing repeats after the switch to live: the next event is a new one.
      const [marker] = await appendMany(store, 'order-9', 1);
      assert.equal((await take(subscription, 1))[0].event.eventId, marker);
      await subscription.return();
    }));

    test("fromPosition 'end' delivers only later events; a numeric fromPosition is inclusive", withStore(async (store) => {
      await appendMany(store, 'order-1', 3);
      const all = await collect(store.readAll());
      const fromEnd = store.subscribe({ fromPosition: 'end' });
      const fromSecond = store.subscribe({ fromPosition: all[1].position });
      const [later] = await appendMany(store, 'order-2', 1);
      assert.deepEqual(ids(await take(fromEnd, 1)), [later]);
      assert.deepEqual(ids(await take(fromSecond, 3)), [all[1].event.eventId, all[2].event.eventId, later]);
      await fromEnd.return();
      await fromSecond.return();
    }));

    test('a filter applies to the catch-up and to live events', withStore(async (store) => {
      await store.append('order-1', [envelope('OrderPlaced'), envelope('OrderPaid', { n: 1 })]);
      await store.append('cart-1', [envelope('OrderPaid', { n: 2 })]);
      const paid = store.subscribe({ filter: { eventTypes: ['OrderPaid'] }, batchSize: 1 });
      const orders = store.subscribe({ filter: { category: 'order' } });
      assert.deepEqual((await take(paid, 2)).map((e) => e.event.data), [{ n: 1 }, { n: 2 }]);
      assert.deepEqual((await take(orders, 2)).map((e) => e.event.eventType), ['OrderPlaced', 'OrderPaid']);
      await store.append('cart-2', [envelope('OrderPlaced')]);
      await store.append('order-2', [envelope('OrderShipped'), envelope('OrderPaid', { n: 3 })]);
      assert.deepEqual((await take(paid, 1)).map((e) => e.event.data), [{ n: 3 }]);
      assert.deepEqual((await take(orders, 2)).map((e) => [e.stream, e.event.eventType]), [['order-2', 'OrderShipped'], ['order-2', 'OrderPaid']]);
      await paid.return();
      await orders.return();
    }));

    test('a stream subscription delivers that stream from a revision, live too, and ends when the stream is deleted', withStore(async (store) => {
      const first = await appendMany(store, 'order-1', 3);
      await appendMany(store, 'order-2', 2);
      const fromRevision = store.subscribe({ stream: 'order-1', fromRevision: 1 });
      const fromEnd = store.subscribe({ stream: 'order-1', fromPosition: 'end' });
      const got = await take(fromRevision, 2);
      assert.deepEqual(ids(got), first.slice(1));
      assert.deepEqual(got.map((e) => [e.stream, e.revision]), [['order-1', 1], ['order-1', 2]]);
      await appendMany(store, 'order-2', 1);
      const [live] = await appendMany(store, 'order-1', 1);
      assert.deepEqual((await take(fromRevision, 1)).map((e) => [e.event.eventId, e.revision]), [[live, 3]]);
      assert.deepEqual(ids(await take(fromEnd, 1)), [live]);
      const pending = fromRevision.next();
      await store.deleteStream('order-1');
      assert.deepEqual(await within(pending, 'the end after deletion'), { done: true, value: undefined });
      assert.equal((await fromEnd.next()).done, true);
      // Subscribing to a deleted stream ends at once, as its reads return nothing.
      assert.equal((await store.subscribe({ stream: 'order-1' }).next()).done, true);
    }));

    test('return() and an AbortSignal stop a waiting subscription; later pulls are done', withStore(async (store) => {
      await appendMany(store, 'order-1', 1);
      const returned = store.subscribe();
      await take(returned, 1);
      const waiting = returned.next();
      assert.deepEqual(await returned.return(), { done: true, value: undefined });
      assert.equal((await within(waiting, 'the pull pending at return()')).done, true);
      assert.equal((await returned.next()).done, true);

      const controller = new AbortController();
      const aborted = store.subscribe({ signal: controller.signal });
      await take(aborted, 1);
      const pending = aborted.next();
      controller.abort();
      assert.equal((await within(pending, 'the pull pending at abort')).done, true);
      await appendMany(store, 'order-1', 1);
      assert.equal((await aborted.next()).done, true, 'nothing after the abort');
      assert.equal((await store.subscribe({ signal: AbortSignal.abort() }).next()).done, true, 'an aborted signal ends it at once');

      // for await ... break calls return().
      let seen = 0;
      for await (const event of store.subscribe()) {
        assert.ok(event.position >= 0);
        if (++seen === 2) break;
      }
      assert.equal(seen, 2);
    }));

    test('closing the store ends its open subscriptions and resolves', withStore(async (store) => {
      await appendMany(store, 'order-1', 2);
      const caughtUp = store.subscribe();
      await take(caughtUp, 2);
      const waiting = caughtUp.next();
      const unread = store.subscribe({ batchSize: 1 });
      await take(unread, 1);
      await within(store.close(), 'close() with subscriptions open');
      assert.equal((await within(waiting, 'the pull pending at close')).done, true);
      assert.equal((await unread.next()).done, true, 'a closed store delivers nothing more');
    }));

    test('a slow consumer of 10,000 events keeps the read-ahead within batchSize', withStore(async (store) => {
      const batchSize = 100;
      for (let i = 0; i < 50; i++) await appendMany(store, `order-${i}`, 100);
      const subscription = store.subscribe({ batchSize });
      await take(subscription, 1);
      assert.ok(subscription.buffered <= batchSize, `buffered ${subscription.buffered} after the first pull`);
      // The consumer pulls nothing while 5,000 more events are appended live.
      for (let i = 50; i < 100; i++) {
        await appendMany(store, `order-${i}`, 100);
        assert.ok(subscription.buffered <= batchSize, `buffered ${subscription.buffered} while the consumer is idle`);
      }
      let previous = -1;
      let count = 1;
      let maxBuffered = subscription.buffered;
      while (count < 10_000) {
        const next = await within(subscription.next(), `event ${count + 1}`);
        assert.equal(next.done, false);
        assert.ok(next.value.position > previous);
        previous = next.value.position;
        maxBuffered = Math.max(maxBuffered, subscription.buffered);
        count++;
      }
      assert.ok(maxBuffered <= batchSize, `read-ahead peaked at ${maxBuffered}, above batchSize ${batchSize}`);
      assert.ok(maxBuffered > 0, 'the subscription reads ahead in batches, not one event per pull');
      await subscription.return();
    }));

    test('bad options are refused with InvalidRequestError', withStore(async (store) => {
      assert.throws(() => store.subscribe({ fromRevision: 1 }), InvalidRequestError);
      assert.throws(() => store.subscribe({ stream: 'order-1', fromPosition: 3 }), InvalidRequestError);
      assert.throws(() => store.subscribe({ fromPosition: -1 }), InvalidRequestError);
      assert.throws(() => store.subscribe({ batchSize: 0 }), InvalidRequestError);
    }));
  });
}
