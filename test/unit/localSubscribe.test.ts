// Local-log subscription behaviour beyond the EventStore contract: a record damaged after open ends
// the subscription with StoreCorruptError (never served), and live delivery is driven by commits.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openLocalEventStore } from '../../runtime/backends/local/index';
import { StoreCorruptError } from '../../runtime/errors';
import { makeEvent } from '../contracts/eventStore.contract';

const root = mkdtempSync(join(tmpdir(), 'eventline-local-subscribe-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

describe('local log subscriptions', () => {
  test('a record damaged after open rejects the pull with StoreCorruptError and ends the subscription', async () => {
    const dir = join(root, `s${n++}`);
    const store = await openLocalEventStore(dir);
    await store.append('order-1', [makeEvent()]);
    await store.append('order-2', [makeEvent()]);
    const subscription = store.subscribe({ batchSize: 1 });
    assert.equal((await subscription.next()).value?.stream, 'order-1');
    const segment = join(dir, readdirSync(dir).filter((f) => f.endsWith('.seg')).sort()[0]);
    const bytes = readFileSync(segment);
    bytes[bytes.length - 5] ^= 0xff; // inside the second record
    writeFileSync(segment, bytes);
    await assert.rejects(subscription.next(), StoreCorruptError);
    assert.equal((await subscription.next()).done, true, 'a failed subscription is over');
    await store.close();
  });

  test('many subscriptions waiting live are all woken by one commit', async () => {
    const store = await openLocalEventStore(join(root, `s${n++}`), { fsync: 'never' });
    const subscriptions = Array.from({ length: 20 }, () => store.subscribe({ fromPosition: 'end' }));
    const pending = subscriptions.map((s) => s.next());
    const event = makeEvent();
    await store.append('order-1', [event]);
    const delivered = await Promise.all(pending);
    assert.deepEqual(new Set(delivered.map((r) => r.value?.event.eventId)), new Set([event.eventId]));
    await store.close();
    assert.deepEqual(new Set(await Promise.all(subscriptions.map(async (s) => (await s.next()).done))), new Set([true]));
  });
});
