// Contract: readCorrelation and causationTree.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { collect } from '../../runtime/eventStore';
import { envelope, type WithStore } from './support';

export function causationContract(withStore: WithStore): void {
  describe('correlation and causation', () => {
    test('readCorrelation returns every event of a correlationId across streams, in global order', withStore(async (store) => {
      const placed = envelope('OrderPlaced', {}, { correlationId: 'c-1' });
      await store.append('order-1', [placed]);
      await store.append('order-2', [envelope('OrderPlaced', {}, { correlationId: 'c-2' })]);
      const reserved = envelope('StockReserved', {}, { correlationId: 'c-1', causationId: placed.eventId });
      await store.append('stock-1', [reserved]);
      const paid = envelope('OrderPaid', {}, { correlationId: 'c-1' });
      await store.append('order-1', [paid]);
      const found = await collect(store.readCorrelation('c-1'));
      assert.deepEqual(found.map((e) => [e.stream, e.event.eventId]), [['order-1', placed.eventId], ['stock-1', reserved.eventId], ['order-1', paid.eventId]]);
      assert.ok(found[0].position < found[1].position && found[1].position < found[2].position);
      assert.deepEqual(await collect(store.readCorrelation('c-unknown')), []);
    }));

    test('causationTree gives the events caused transitively and the chain of causes above', withStore(async (store) => {
      const root = envelope('OrderPlaced', {}, { correlationId: 'c' });
      const reserve = envelope('StockReserved', {}, { correlationId: 'c', causationId: root.eventId });
      const charge = envelope('PaymentCharged', {}, { correlationId: 'c', causationId: root.eventId });
      const ship = envelope('ShipmentRequested', {}, { correlationId: 'c', causationId: reserve.eventId });
      await store.append('order-1', [root]);
      await store.appendMany([{ stream: 'stock-1', events: [reserve] }, { stream: 'payment-1', events: [charge] }]);
      await store.append('shipment-1', [ship]);

      const tree = await store.causationTree(root.eventId);
      assert.ok(tree);
      assert.deepEqual(tree.ancestors, []);
      const shape = (node: typeof tree.root): unknown => [node.event.event.eventType, node.children.map(shape)];
      assert.deepEqual(shape(tree.root), ['OrderPlaced', [['StockReserved', [['ShipmentRequested', []]]], ['PaymentCharged', []]]]);

      const leaf = await store.causationTree(ship.eventId);
      assert.ok(leaf);
      assert.deepEqual(leaf.ancestors.map((e) => e.event.eventId), [root.eventId, reserve.eventId]);
      assert.equal(leaf.root.event.stream, 'shipment-1');
      assert.deepEqual(leaf.root.children, []);
      assert.equal(await store.causationTree('no-such-event'), undefined);
    }));
  });
}
