// The EventStore conformance suite: every backend's test file calls testEventStore with a factory
// (local log now; PostgreSQL and NATS JetStream later), so all of them promise the same behaviour.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { EventEnvelope } from '../../runtime/envelope';
import {
  EventIdConflictError,
  InvalidRequestError,
  PartialDuplicateBatchError,
  WrongExpectedRevisionError,
} from '../../runtime/errors';
import { collect, type EventStore, type RecordedEvent } from '../../runtime/eventStore';
import { aggregateContract } from './aggregate.contract';
import { causationContract } from './causation.contract';
import { deleteStreamContract } from './deleteStream.contract';
import { subscribeContract } from './subscribe.contract';

export interface EventStoreFactory {
  /** A fresh, empty store. */
  open(): Promise<EventStore>;
  /** Closes the store and opens the same data again (omit for a backend without persistence). */
  reopen?(store: EventStore): Promise<EventStore>;
}

export function makeEvent(eventType = 'OrderPlaced', data: Record<string, unknown> = {}, correlationId?: string): EventEnvelope {
  return {
    eventId: randomUUID(),
    eventType,
    timestamp: new Date().toISOString(),
    version: '1.0',
    source: 'order-service',
    data,
    ...(correlationId ? { metadata: { correlationId } } : {}),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function testEventStore(name: string, factory: EventStoreFactory): void {
  /** Runs a test body against a fresh store and always closes it. */
  const withStore = (body: (store: EventStore) => Promise<EventStore | void>) => async () => {
    let store = await factory.open();
    try {
      store = (await body(store)) ?? store;
    } finally {
      await store.close();
    }
  };

  describe(`EventStore contract: ${name}`, () => {
    describe('append', () => {
      test('assigns revisions from 0 and increasing positions, returns them per event', withStore(async (store) => {
        const events = [makeEvent(), makeEvent('OrderPaid')];
        const result = await store.append('order-1', events);
        assert.equal(result.stream, 'order-1');
        assert.equal(result.duplicate, false);
        assert.equal(result.nextExpectedRevision, 1);
        assert.deepEqual(result.events.map((e) => [e.eventId, e.stream, e.revision]), [[events[0].eventId, 'order-1', 0], [events[1].eventId, 'order-1', 1]]);
        assert.ok(result.events[1].position > result.events[0].position);
        const next = await store.append('order-2', [makeEvent()]);
        assert.equal(next.events[0].revision, 0);
        assert.ok(next.events[0].position > result.events[1].position);
        assert.equal(await store.streamRevision('order-1'), 1);
        assert.equal(await store.streamRevision('order-9'), 'no-stream');
      }));

      test('expectedRevision "no-stream" accepts a new stream and rejects an existing one, naming both', withStore(async (store) => {
        await store.append('cart-1', [makeEvent()], { expectedRevision: 'no-stream' });
        const error = await rejection(store.append('cart-1', [makeEvent()], { expectedRevision: 'no-stream' }));
        assert.ok(error instanceof WrongExpectedRevisionError);
        assert.equal(error.stream, 'cart-1');
        assert.equal(error.expected, 'no-stream');
        assert.equal(error.actual, 0);
        assert.equal(error.code, 'wrong-expected-revision');
        assert.match(error.message, /cart-1/);
        assert.match(error.message, /revision 0/);
      }));

      test('expectedRevision "stream-exists" rejects a missing stream and accepts an existing one', withStore(async (store) => {
        const error = await rejection(store.append('cart-2', [makeEvent()], { expectedRevision: 'stream-exists' }));
        assert.ok(error instanceof WrongExpectedRevisionError);
        assert.equal(error.actual, 'no-stream');
        await store.append('cart-2', [makeEvent()]);
        const ok = await store.append('cart-2', [makeEvent()], { expectedRevision: 'stream-exists' });
        assert.equal(ok.events[0].revision, 1);
      }));

      test('an exact expectedRevision must equal the last revision; a mismatch names expected and actual and writes nothing', withStore(async (store) => {
        await store.append('order-3', [makeEvent(), makeEvent(), makeEvent()]);
        const head = await store.headPosition();
        const error = await rejection(store.append('order-3', [makeEvent()], { expectedRevision: 1 }));
        assert.ok(error instanceof WrongExpectedRevisionError);
        assert.equal(error.expected, 1);
        assert.equal(error.actual, 2);
        assert.match(error.message, /expected revision 1/);
        assert.match(error.message, /at revision 2/);
        assert.equal(await store.headPosition(), head);
        assert.equal((await collect(store.readStream('order-3'))).length, 3);
        const ok = await store.append('order-3', [makeEvent()], { expectedRevision: 2 });
        assert.equal(ok.nextExpectedRevision, 3);
        const missing = await rejection(store.append('order-4', [makeEvent()], { expectedRevision: 0 }));
        assert.ok(missing instanceof WrongExpectedRevisionError);
        assert.equal(missing.actual, 'no-stream');
      }));

      test('expectedRevision "any" (the default) always appends', withStore(async (store) => {
        await store.append('log-1', [makeEvent()], { expectedRevision: 'any' });
        await store.append('log-1', [makeEvent()]);
        assert.equal(await store.streamRevision('log-1'), 1);
      }));

      test('a multi-event append is atomic: an invalid event anywhere writes none of the batch', withStore(async (store) => {
        await store.append('order-5', [makeEvent()]);
        const head = await store.headPosition();
        const bad = { eventType: 'OrderPaid' } as unknown as EventEnvelope;
        const error = await rejection(store.append('order-5', [makeEvent(), makeEvent(), bad]));
        assert.ok(error instanceof InvalidRequestError);
        assert.match(error.message, /event 3/);
        assert.equal(await store.headPosition(), head);
        assert.equal(await store.streamRevision('order-5'), 0);
      }));

      test('rejects an invalid stream name, an eventId repeated within a batch, and a bad expectedRevision', withStore(async (store) => {
        assert.ok((await rejection(store.append('', [makeEvent()]))) instanceof InvalidRequestError);
        const event = makeEvent();
        assert.ok((await rejection(store.append('order-6', [event, { ...event }]))) instanceof InvalidRequestError);
        assert.ok((await rejection(store.append('order-6', [makeEvent()], { expectedRevision: -1 }))) instanceof InvalidRequestError);
        assert.equal(await store.headPosition(), 0);
      }));

      test('concurrent appends with the same expectedRevision: exactly one wins, the others conflict', withStore(async (store) => {
        await store.append('seat-1', [makeEvent()]);
        const attempts = await Promise.allSettled(Array.from({ length: 5 }, () => store.append('seat-1', [makeEvent('SeatReserved')], { expectedRevision: 0 })));
        assert.equal(attempts.filter((a) => a.status === 'fulfilled').length, 1);
        for (const a of attempts) if (a.status === 'rejected') assert.ok(a.reason instanceof WrongExpectedRevisionError);
        assert.equal(await store.streamRevision('seat-1'), 1);
      }));

      test('concurrent appends with "any" all land, with distinct revisions and positions', withStore(async (store) => {
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(i % 2 ? 'a-1' : 'b-1', [makeEvent(), makeEvent()])));
        const positions = results.flatMap((r) => r.events.map((e) => e.position));
        assert.equal(new Set(positions).size, 40);
        const revisions = results.filter((r) => r.stream === 'a-1').flatMap((r) => r.events.map((e) => e.revision)).sort((x, y) => x - y);
        assert.deepEqual(revisions, Array.from({ length: 20 }, (_, i) => i));
        const read = await collect(store.readAll());
        assert.deepEqual(read.map((e) => e.position), [...positions].sort((x, y) => x - y));
      }));
    });

    describe('idempotent append by eventId', () => {
      test('resending a stored batch returns the original revisions and positions and writes nothing', withStore(async (store) => {
        const batch = [makeEvent(), makeEvent()];
        const first = await store.append('pay-1', batch, { expectedRevision: 'no-stream' });
        await store.append('pay-2', [makeEvent()]);
        const head = await store.headPosition();
        // A retry carries its original (now stale) expectedRevision: still the original answer.
        const retry = await store.append('pay-1', batch, { expectedRevision: 'no-stream' });
        assert.equal(retry.duplicate, true);
        assert.deepEqual(retry.events, first.events);
        assert.equal(retry.nextExpectedRevision, first.nextExpectedRevision);
        assert.equal(await store.headPosition(), head);
        assert.equal((await collect(store.readStream('pay-1'))).length, 2);
      }));

      test('a batch mixing stored and new eventIds fails with PartialDuplicateBatchError and writes nothing', withStore(async (store) => {
        const stored = makeEvent();
        await store.append('pay-3', [stored]);
        const fresh = makeEvent();
        const error = await rejection(store.append('pay-3', [stored, fresh]));
        assert.ok(error instanceof PartialDuplicateBatchError);
        assert.deepEqual(error.storedEventIds, [stored.eventId]);
        assert.deepEqual(error.newEventIds, [fresh.eventId]);
        assert.equal(error.code, 'partial-duplicate-batch');
        assert.equal(await store.streamRevision('pay-3'), 0);
        assert.equal(await store.headPosition(), 1);
      }));

      test('stored eventIds sent to another stream, or in another order, are a conflict, not a retry', withStore(async (store) => {
        const a = makeEvent();
        const b = makeEvent();
        await store.append('pay-4', [a, b]);
        const elsewhere = await rejection(store.append('pay-5', [a]));
        assert.ok(elsewhere instanceof EventIdConflictError);
        assert.equal(elsewhere.storedIn.stream, 'pay-4');
        const reordered = await rejection(store.append('pay-4', [b, a]));
        assert.ok(reordered instanceof EventIdConflictError);
        assert.equal(await store.streamRevision('pay-5'), 'no-stream');
      }));

      test('a retry of part of an earlier batch, in order, returns those events', withStore(async (store) => {
        const batch = [makeEvent(), makeEvent(), makeEvent()];
        const first = await store.append('pay-6', batch);
        const retry = await store.append('pay-6', batch.slice(1));
        assert.equal(retry.duplicate, true);
        assert.deepEqual(retry.events, first.events.slice(1));
      }));

      if (factory.reopen) {
        test('idempotency and all events survive closing and reopening the store', async () => {
          let store = await factory.open();
          try {
            const batch = [makeEvent(), makeEvent()];
            const first = await store.append('ship-1', batch);
            await store.appendMany([{ stream: 'ship-2', events: [makeEvent()] }, { stream: 'ship-3', events: [makeEvent()] }]);
            const before = await collect(store.readAll());
            store = await factory.reopen!(store);
            assert.deepEqual(await collect(store.readAll()), before);
            const retry = await store.append('ship-1', batch);
            assert.equal(retry.duplicate, true);
            assert.deepEqual(retry.events, first.events);
            const next = await store.append('ship-1', [makeEvent()], { expectedRevision: 1 });
            assert.equal(next.events[0].position, 4);
          } finally {
            await store.close();
          }
        });
      }
    });

    describe('appendMany', () => {
      test('commits to several streams at once, each with its own expectedRevision', withStore(async (store) => {
        await store.append('order-10', [makeEvent()]);
        const results = await store.appendMany([
          { stream: 'order-10', events: [makeEvent('OrderShipped')], expectedRevision: 0 },
          { stream: 'invoice-10', events: [makeEvent('InvoiceIssued'), makeEvent('InvoiceSent')], expectedRevision: 'no-stream' },
        ]);
        assert.deepEqual(results.map((r) => [r.stream, r.nextExpectedRevision]), [['order-10', 1], ['invoice-10', 1]]);
        const positions = results.flatMap((r) => r.events.map((e) => e.position));
        assert.deepEqual(positions, [...positions].sort((x, y) => x - y));
      }));

      test('one conflicting stream fails the whole commit: nothing is written to any stream', withStore(async (store) => {
        await store.append('order-11', [makeEvent()]);
        const head = await store.headPosition();
        const error = await rejection(store.appendMany([
          { stream: 'invoice-11', events: [makeEvent()], expectedRevision: 'no-stream' },
          { stream: 'order-11', events: [makeEvent()], expectedRevision: 'no-stream' },
        ]));
        assert.ok(error instanceof WrongExpectedRevisionError);
        assert.equal(error.stream, 'order-11');
        assert.equal(await store.headPosition(), head);
        assert.equal(await store.streamRevision('invoice-11'), 'no-stream');
      }));

      test('the same stream twice in one appendMany is rejected', withStore(async (store) => {
        const error = await rejection(store.appendMany([{ stream: 'x-1', events: [makeEvent()] }, { stream: 'x-1', events: [makeEvent()] }]));
        assert.ok(error instanceof InvalidRequestError);
        assert.equal(await store.headPosition(), 0);
      }));

      test('a resent appendMany is a retry for every stream', withStore(async (store) => {
        const appends = [{ stream: 'p-1', events: [makeEvent()] }, { stream: 'q-1', events: [makeEvent(), makeEvent()] }];
        const first = await store.appendMany(appends);
        const again = await store.appendMany(appends);
        assert.deepEqual(again.map((r) => r.events), first.map((r) => r.events));
        assert.ok(again.every((r) => r.duplicate));
        assert.equal(await store.headPosition(), 3);
      }));
    });

    describe('reads', () => {
      async function seed(store: EventStore) {
        const a = await store.append('order-20', [makeEvent('OrderPlaced', { n: 0 }, 'corr-a'), makeEvent('OrderPaid', { n: 1 }, 'corr-a')]);
        const b = await store.append('invoice-20', [makeEvent('InvoiceIssued', { n: 2 }, 'corr-a')]);
        const c = await store.append('order-20', [makeEvent('OrderShipped', { n: 3 }, 'corr-b')]);
        const d = await store.append('order-21', [makeEvent('OrderPlaced', { n: 4 })]);
        return [a, b, c, d];
      }

      test('each event comes back with stream, revision, position, recordedAt and the envelope as appended', withStore(async (store) => {
        const event = makeEvent('OrderPlaced', { orderId: '12345', total: 99.99, nested: { list: [1, 'two', null] } }, 'req-1');
        const before = Date.now();
        const [appended] = (await store.append('order-22', [event])).events;
        const [read] = await collect(store.readStream('order-22'));
        assert.equal(read.stream, 'order-22');
        assert.equal(read.revision, 0);
        assert.equal(read.position, appended.position);
        assert.deepEqual(read.event, event);
        assert.match(read.recordedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        assert.ok(Date.parse(read.recordedAt) >= before - 1000 && Date.parse(read.recordedAt) <= Date.now() + 1000);
      }));

      test('readStream forwards and backwards, from a revision, with maxCount', withStore(async (store) => {
        await seed(store);
        const data = (events: RecordedEvent[]) => events.map((e) => (e.event.data as { n: number }).n);
        assert.deepEqual(data(await collect(store.readStream('order-20'))), [0, 1, 3]);
        assert.deepEqual((await collect(store.readStream('order-20'))).map((e) => e.revision), [0, 1, 2]);
        assert.deepEqual(data(await collect(store.readStream('order-20', { fromRevision: 1 }))), [1, 3]);
        assert.deepEqual(data(await collect(store.readStream('order-20', { direction: 'backwards' }))), [3, 1, 0]);
        assert.deepEqual(data(await collect(store.readStream('order-20', { direction: 'backwards', fromRevision: 1 }))), [1, 0]);
        assert.deepEqual(data(await collect(store.readStream('order-20', { maxCount: 2 }))), [0, 1]);
        assert.deepEqual(data(await collect(store.readStream('order-20', { fromRevision: 7 }))), []);
        assert.deepEqual(await collect(store.readStream('nobody-1')), []);
      }));

      test('readAll from a global position, forwards and backwards, with maxCount', withStore(async (store) => {
        await seed(store);
        const all = await collect(store.readAll());
        assert.deepEqual(all.map((e) => (e.event.data as { n: number }).n), [0, 1, 2, 3, 4]);
        assert.deepEqual(all.map((e) => e.position), [...all.map((e) => e.position)].sort((x, y) => x - y));
        const from = all[2].position;
        assert.deepEqual((await collect(store.readAll({ fromPosition: from }))).map((e) => e.position), all.slice(2).map((e) => e.position));
        assert.deepEqual((await collect(store.readAll({ direction: 'backwards' }))).map((e) => e.position), all.map((e) => e.position).reverse());
        assert.deepEqual((await collect(store.readAll({ direction: 'backwards', fromPosition: from, maxCount: 2 }))).map((e) => e.position), [all[2].position, all[1].position]);
        assert.equal(await store.headPosition(), all[4].position + 1);
      }));

      test('filters by event type, category and correlationId, on readAll and readStream', withStore(async (store) => {
        await seed(store);
        const n = (events: RecordedEvent[]) => events.map((e) => (e.event.data as { n: number }).n);
        assert.deepEqual(n(await collect(store.readAll({ filter: { eventTypes: ['OrderPlaced'] } }))), [0, 4]);
        assert.deepEqual(n(await collect(store.readAll({ filter: { category: 'order' } }))), [0, 1, 3, 4]);
        assert.deepEqual(n(await collect(store.readAll({ filter: { category: 'invoice' } }))), [2]);
        assert.deepEqual(n(await collect(store.readAll({ filter: { correlationId: 'corr-a' } }))), [0, 1, 2]);
        assert.deepEqual(n(await collect(store.readAll({ filter: { correlationId: 'corr-a', category: 'order' }, maxCount: 1 }))), [0]);
        assert.deepEqual(n(await collect(store.readStream('order-20', { filter: { eventTypes: ['OrderShipped', 'OrderPaid'] } }))), [1, 3]);
      }));

      test('filters by recorded time range', withStore(async (store) => {
        await store.append('t-1', [makeEvent('A', { n: 0 })]);
        await sleep(15);
        const middle = new Date();
        await sleep(15);
        await store.append('t-1', [makeEvent('B', { n: 1 })]);
        await sleep(15);
        const end = new Date();
        await sleep(15);
        await store.append('t-2', [makeEvent('C', { n: 2 })]);
        const n = (events: RecordedEvent[]) => events.map((e) => (e.event.data as { n: number }).n);
        assert.deepEqual(n(await collect(store.readAll({ filter: { recordedUntil: middle } }))), [0]);
        assert.deepEqual(n(await collect(store.readAll({ filter: { recordedFrom: middle } }))), [1, 2]);
        assert.deepEqual(n(await collect(store.readAll({ filter: { recordedFrom: middle.toISOString(), recordedUntil: end.toISOString() } }))), [1]);
        assert.deepEqual(n(await collect(store.readStream('t-1', { filter: { recordedFrom: middle } }))), [1]);
        assert.deepEqual(n(await collect(store.readAll({ direction: 'backwards', filter: { recordedUntil: end } }))), [1, 0]);
        await assert.rejects(collect(store.readAll({ filter: { recordedFrom: 'yesterday-ish' } })), InvalidRequestError);
      }));

      test('listStreams names every stream with its last revision and positions', withStore(async (store) => {
        await seed(store);
        const streams = (await collect(store.listStreams())).sort((x, y) => x.stream.localeCompare(y.stream));
        assert.deepEqual(streams.map((s) => [s.stream, s.revision]), [['invoice-20', 0], ['order-20', 2], ['order-21', 0]]);
        const order = streams.find((s) => s.stream === 'order-20')!;
        assert.ok(order.lastPosition > order.firstPosition);
      }));
    });

    aggregateContract(withStore);
    causationContract(withStore);
    deleteStreamContract(withStore, factory.reopen);
    subscribeContract(withStore);
  });
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof Error);
    return error;
  }
  assert.fail('expected the call to reject');
}
