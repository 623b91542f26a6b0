// The EventStore conformance suite against the local log on temporary directories.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openLocalEventStore, type LocalEventStore } from '../../runtime/backends/local/index';
import type { EventStore } from '../../runtime/eventStore';
import { testEventStore } from '../contracts/eventStore.contract';

const root = mkdtempSync(join(tmpdir(), 'eventline-store-contract-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

testEventStore('local log (fsync batch)', {
  open: () => openLocalEventStore(join(root, `store-${n++}`)),
  async reopen(store: EventStore) {
    await store.close();
    return openLocalEventStore((store as LocalEventStore).dir);
  },
});

testEventStore('local log (fsync never, 1 KiB segments)', {
  open: () => openLocalEventStore(join(root, `store-${n++}`), { fsync: 'never', segmentBytes: 1024 }),
  async reopen(store: EventStore) {
    await store.close();
    return openLocalEventStore((store as LocalEventStore).dir, { fsync: 'never', segmentBytes: 1024 });
  },
});
