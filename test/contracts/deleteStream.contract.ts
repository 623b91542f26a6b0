// Contract: deleteStream writes a tombstone (hard delete): the events stay in the log for audit,
// reads of the stream return nothing, and the stream can never be appended to again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidRequestError, StreamDeletedError, WrongExpectedRevisionError } from '../../runtime/errors';
import { collect, type EventStore } from '../../runtime/eventStore';
import { STREAM_DELETED } from '../../runtime/tombstone';
import { envelope, type WithStore } from './support';

export function deleteStreamContract(withStore: WithStore, reopen?: (store: EventStore) => Promise<EventStore>): void {
  describe('deleteStream', () => {
    test('a deleted stream reads as empty, is marked in listStreams, and its events stay in readAll', withStore(async (store) => {
      const events = [envelope('OrderPlaced', {}, { correlationId: 'c-9' }), envelope('OrderPaid')];
      await store.append('order-1', events);
      await store.append('order-2', [envelope('OrderPlaced')]);
      const deleted = await store.deleteStream('order-1', { expectedRevision: 1 });
      assert.deepEqual({ ...deleted, position: undefined }, { stream: 'order-1', revision: 2, position: undefined, duplicate: false });
      assert.deepEqual(await collect(store.readStream('order-1')), []);
      assert.deepEqual(await collect(store.readStream('order-1', { direction: 'backwards' })), []);
      const streams = await collect(store.listStreams());
      assert.equal(streams.find((s) => s.stream === 'order-1')?.deleted, true);
      assert.equal(streams.find((s) => s.stream === 'order-2')?.deleted, undefined);
      const all = await collect(store.readAll());
      assert.deepEqual(all.filter((e) => e.stream === 'order-1').map((e) => e.event.eventType), ['OrderPlaced', 'OrderPaid', STREAM_DELETED]);
      assert.equal((await collect(store.readCorrelation('c-9'))).length, 1);
    }));

    test('appending to a deleted stream fails with StreamDeletedError, whatever the expectedRevision; a retried delete is idempotent', withStore(async (store) => {
      await store.append('order-1', [envelope('OrderPlaced')]);
      const first = await store.deleteStream('order-1');
      for (const expectedRevision of ['any', 'no-stream', 'stream-exists', 1] as const) {
        await assert.rejects(store.append('order-1', [envelope('OrderPlaced')], { expectedRevision }), StreamDeletedError);
      }
      await assert.rejects(store.appendMany([{ stream: 'order-9', events: [envelope('X')] }, { stream: 'order-1', events: [envelope('Y')] }]), StreamDeletedError);
      assert.deepEqual(await collect(store.readStream('order-9')), [], 'a failed appendMany writes nothing');
      const again = await store.deleteStream('order-1', { expectedRevision: 0 });
      assert.deepEqual(again, { ...first, duplicate: true });
    }));

    test('a delete with a wrong expectedRevision fails and deletes nothing; user events cannot pose as tombstones', withStore(async (store) => {
      await store.append('order-1', [envelope('OrderPlaced'), envelope('OrderPaid')]);
      await assert.rejects(store.deleteStream('order-1', { expectedRevision: 0 }), WrongExpectedRevisionError);
      assert.equal((await collect(store.readStream('order-1'))).length, 2);
      await assert.rejects(store.append('order-1', [envelope(STREAM_DELETED)]), InvalidRequestError);
      // A stream that never existed can be deleted too, which reserves its name.
      await store.deleteStream('order-7', { expectedRevision: 'no-stream' });
      await assert.rejects(store.append('order-7', [envelope('OrderPlaced')]), StreamDeletedError);
    }));

    if (reopen) {
      test('deletion survives closing and reopening the store', withStore(async (opened) => {
        await opened.append('order-1', [envelope('OrderPlaced')]);
        await opened.deleteStream('order-1');
        const store = await reopen(opened);
        assert.deepEqual(await collect(store.readStream('order-1')), []);
        await assert.rejects(store.append('order-1', [envelope('OrderPlaced')]), StreamDeletedError);
        return store;
      }));
    }
  });
}
