// Local-log behaviour beyond the EventStore contract: recovery from a torn tail, checksum
// mismatches reported with segment and offset, the single-writer lock across processes, the fsync
// modes, and crash safety under SIGKILL.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import { openLocalEventStore, verifyLocalStore } from '../../runtime/backends/local/index';
import { encodeRecord } from '../../runtime/backends/local/format';
import { deleteIndexSnapshot } from '../../runtime/backends/local/indexSnapshot';
import { StoreCorruptError, StoreLockedError } from '../../runtime/errors';
import { collect } from '../../runtime/eventStore';
import { createRandom } from '../support/random';
import { makeEvent } from '../contracts/eventStore.contract';

const root = mkdtempSync(join(tmpdir(), 'eventline-local-store-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `s${n++}`);
const segmentsOf = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.seg')).sort();

async function seeded(dir: string, commits = 3): Promise<string[]> {
  const store = await openLocalEventStore(dir);
  const ids: string[] = [];
  for (let i = 0; i < commits; i++) {
    const events = [makeEvent('OrderPlaced', { i }), makeEvent('OrderPaid', { i })];
    await store.append(`order-${i}`, events);
    ids.push(...events.map((e) => e.eventId));
  }
  await store.close();
  return ids;
}

describe('torn tail', () => {
  test('a partial record at the end is truncated on a writer open, reported, and appends continue', async () => {
    const dir = freshDir();
    const ids = await seeded(dir);
    const [segment] = segmentsOf(dir);
    const path = join(dir, segment);
    const goodSize = statSync(path).size;
    const next = encodeRecord({ position: 6, recordedAt: Date.now(), events: [{ stream: 'order-9', revision: 0, event: makeEvent() }] });
    for (const cut of [1, 19, 20, next.length - 1]) {
      appendFileSync(path, next.subarray(0, cut));
      const reader = await openLocalEventStore(dir, { readOnly: true });
      assert.equal(reader.recovery.tornTail?.truncated, false, 'a reader leaves the tail alone');
      assert.equal(statSync(path).size, goodSize + cut);
      await reader.close();
      const store = await openLocalEventStore(dir);
      assert.deepEqual(store.recovery.tornTail, { segment, offset: goodSize, bytes: cut, truncated: true }, `cut ${cut}`);
      assert.equal(statSync(path).size, goodSize);
      assert.deepEqual((await collect(store.readAll())).map((e) => e.event.eventId), ids);
      await store.close();
    }
    const store = await openLocalEventStore(dir);
    const appended = await store.append('order-9', [makeEvent()]);
    assert.equal(appended.events[0].position, 6);
    await store.close();
    assert.equal(verifyLocalStore(dir).ok, true);
  });

  test('a zero-filled tail (size extended, data never written) counts as torn, not corrupt', async () => {
    const dir = freshDir();
    await seeded(dir, 2);
    const path = join(dir, segmentsOf(dir)[0]);
    appendFileSync(path, Buffer.alloc(300));
    const store = await openLocalEventStore(dir);
    assert.equal(store.recovery.tornTail?.bytes, 300);
    assert.equal(await store.headPosition(), 4);
    await store.close();
  });
});

describe('checksum mismatch', () => {
  test('a flipped byte in any record is reported with segment and offset; open refuses the store', async () => {
    const dir = freshDir();
    await seeded(dir, 3);
    // Without the index checkpoint open checks every record (with it, a covered record's damage is refused when read).
    deleteIndexSnapshot(dir);
    const [segment] = segmentsOf(dir);
    const path = join(dir, segment);
    const pristine = readFileSync(path);
    const recordStarts: number[] = [];
    for (let offset = 0; offset < pristine.length; offset += 20 + pristine.readUInt32LE(offset + 8)) recordStarts.push(offset);
    assert.equal(recordStarts.length, 3);
    const random = createRandom(42);
    for (let trial = 0; trial < 60; trial++) {
      const at = Math.floor(random() * pristine.length);
      const damaged = Buffer.from(pristine);
      damaged[at] ^= 1 + Math.floor(random() * 255);
      writeFileSync(path, damaged);
      const record = recordStarts.filter((start) => start <= at).pop()!;
      const report = verifyLocalStore(dir);
      assert.equal(report.ok, false, `flip at ${at}`);
      assert.deepEqual([report.problems[0].segment, report.problems[0].offset], [segment, record], `flip at ${at}`);
      await assert.rejects(openLocalEventStore(dir), (error: unknown) => {
        assert.ok(error instanceof StoreCorruptError);
        assert.equal(error.problems[0].offset, record);
        assert.match(error.message, new RegExp(`segment ${segment} at byte offset ${record}`));
        return true;
      });
      await assert.rejects(openLocalEventStore(dir, { readOnly: true }), StoreCorruptError);
    }
    writeFileSync(path, pristine);
    assert.equal(verifyLocalStore(dir).ok, true);
  });

  test('bytes damaged after open are refused by reads, never served', async () => {
    const dir = freshDir();
    await seeded(dir, 2);
    const store = await openLocalEventStore(dir, { readOnly: true });
    const path = join(dir, segmentsOf(dir)[0]);
    const bytes = readFileSync(path);
    bytes[bytes.length - 5] ^= 0xff;
    writeFileSync(path, bytes);
    await assert.rejects(collect(store.readAll()), StoreCorruptError);
    await store.close();
  });

  test('a corrupt record in a segment that is not the last is corruption even at its end', async () => {
    const dir = freshDir();
    const store = await openLocalEventStore(dir, { segmentBytes: 600 });
    for (let i = 0; i < 6; i++) await store.append(`s-${i}`, [makeEvent('E', { pad: 'x'.repeat(200) })]);
    await store.close();
    const segments = segmentsOf(dir);
    assert.ok(segments.length >= 2, `segments: ${segments.join(', ')}`);
    const first = join(dir, segments[0]);
    const size = statSync(first).size;
    writeFileSync(first, readFileSync(first).subarray(0, size - 3));
    const report = verifyLocalStore(dir);
    assert.equal(report.ok, false);
    assert.equal(report.problems[0].segment, segments[0]);
  });
});

describe('fsync modes', () => {
  for (const mode of ['always', 'batch', 'never'] as const) {
    test(`fsync ${mode}: concurrent appends are durable and survive reopen; fsync count matches the mode`, async () => {
      const dir = freshDir();
      const store = await openLocalEventStore(dir, { fsync: mode });
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.append(`m-${i % 3}`, [makeEvent()])));
      const stats = store.writeStats();
      assert.equal(stats.records, 50);
      if (mode === 'always') assert.equal(stats.syncs, 50);
      if (mode === 'never') assert.equal(stats.syncs, 0);
      if (mode === 'batch') {
        // Group commit: appends queued while a sync is in flight share the next one.
        assert.ok(stats.syncs >= 1 && stats.syncs < 50, `syncs ${stats.syncs}`);
        assert.equal(stats.writes, stats.syncs);
      }
      await store.close();
      const again = await openLocalEventStore(dir, { readOnly: true });
      assert.deepEqual((await collect(again.readAll())).map((e) => e.position), results.map((r) => r.events[0].position).sort((a, b) => a - b));
      await again.close();
    });
  }

  test('an unknown fsync mode is rejected', async () => {
    await assert.rejects(openLocalEventStore(freshDir(), { fsync: 'sometimes' as never }), /fsync "sometimes"/);
  });
});

describe('processes', () => {
  let childScript = '';
  before(async () => {
    childScript = join(root, 'localStoreChild.cjs');
    await esbuild.build({ entryPoints: [join(__dirname, 'support', 'localStoreChild.ts')], outfile: childScript, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  });

  function startChild(args: string[]): { child: ChildProcess; lines: string[]; ready: Promise<void>; exited: Promise<void> } {
    const child = spawn(process.execPath, [childScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffered = '';
    let stderr = '';
    let onReady: () => void = () => undefined;
    let onFail: (error: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      onReady = resolve;
      onFail = reject;
    });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      for (const line of parts) {
        if (line === 'ready') onReady();
        else lines.push(line);
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    void exited.then(() => onFail(new Error(`child exited before ready: ${stderr}`)));
    return { child, lines, ready, exited };
  }

  test('a second writer process gets StoreLockedError naming the holder pid; a dead holder\'s lock is taken over', async () => {
    const dir = freshDir();
    await seeded(dir, 1);
    const holder = startChild(['hold', dir]);
    await holder.ready;
    await assert.rejects(openLocalEventStore(dir), (error: unknown) => {
      assert.ok(error instanceof StoreLockedError);
      assert.equal(error.holderPid, holder.child.pid);
      assert.match(error.message, new RegExp(`process ${holder.child.pid}`));
      return true;
    });
    const reader = await openLocalEventStore(dir, { readOnly: true });
    assert.equal(await reader.headPosition(), 2, 'readers need no lock');
    await reader.close();
    holder.child.kill('SIGKILL');
    await holder.exited;
    const store = await openLocalEventStore(dir);
    assert.equal(store.recovery.staleLockFrom?.pid, holder.child.pid);
    await assert.rejects(openLocalEventStore(dir), StoreLockedError, 'the same process cannot open a second writer either');
    await store.close();
  });

  // 30 rounds keep the unit suite fast (about 15 s here); EVENTLINE_CRASH_ROUNDS=100 runs the full count.
  const rounds = Number(process.env.EVENTLINE_CRASH_ROUNDS ?? 30);
  test(`crash safety: SIGKILL while appending; every acknowledged event is stored once, in order, commits are whole (${rounds} rounds)`, async () => {
    const dir = freshDir();
    const random = createRandom(7);
    const acknowledged: string[] = [];
    const intended: string[][] = [];
    let lastHead = 0;
    for (let round = 0; round < rounds; round++) {
      const run = startChild(['append', dir, String(round + 1)]);
      await run.ready;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.floor(random() * 60)));
      run.child.kill('SIGKILL');
      await run.exited;
      for (const line of run.lines) {
        const ids = line.slice(2).split(',');
        if (line.startsWith('A ')) acknowledged.push(...ids);
        else if (line.startsWith('I ')) intended.push(ids);
      }
      const store = await openLocalEventStore(dir);
      const events = await collect(store.readAll());
      await store.close();
      const positionOf = new Map(events.map((e) => [e.event.eventId, e.position]));
      assert.equal(positionOf.size, events.length, `round ${round}: an eventId is stored twice`);
      assert.ok(events.length >= lastHead, `round ${round}: events were lost`);
      lastHead = events.length;
      let previous = -1;
      for (const id of acknowledged) {
        const position = positionOf.get(id);
        assert.ok(position !== undefined, `round ${round}: acknowledged event ${id} is missing`);
        assert.ok(position > previous, `round ${round}: acknowledged events out of order`);
        previous = position;
      }
      for (const batch of intended) {
        const present = batch.filter((id) => positionOf.has(id)).length;
        assert.ok(present === 0 || present === batch.length, `round ${round}: a commit is half visible`);
      }
      assert.equal(verifyLocalStore(dir).ok, true);
    }
    assert.ok(acknowledged.length > rounds, `only ${acknowledged.length} acknowledged events in ${rounds} rounds`);
  });
});
