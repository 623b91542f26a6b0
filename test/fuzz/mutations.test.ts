// Fuzzing: thousands of seeded random mutations (truncations, bit flips, brackets, deep nesting,
// huge strings, odd characters) of valid documents of every kind, through the core Workspace
// directly and, for a smaller share, through the real language server over stdio. No exception
// may escape, every document must finish within a generous bound (a hang guard, not a
// benchmark), and everything must recover once the valid text is back.
// Reproduce a run with EVENTLINE_FUZZ_SEED=<seed>.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Workspace } from '../../core/index';
import { LspSession, tempWorkspace } from '../lsp/support/session';
import { mutate, prng } from './support/mutate';
import { seeds } from './support/seeds';

const seed = Number(process.env.EVENTLINE_FUZZ_SEED ?? 20260105);
const coreMutations = 2100;
const serverMutations = 300;
const perDocumentLimitMs = 5000;
const encoder = new TextEncoder();
const lenient = new TextDecoder('utf-8', { fatal: false });

interface Failure {
  index: number;
  file: string;
  what: string;
  error: string;
}

function report(failures: Failure[]): string {
  return failures
    .slice(0, 5)
    .map((f) => `#${f.index} ${f.file}: ${f.what}: ${f.error}`)
    .join('\n');
}

describe(`fuzz (seed ${seed})`, () => {
  const ws = tempWorkspace(seeds);
  const files = Object.keys(seeds);
  after(() => ws.dispose());

  it(`core Workspace: ${coreMutations} mutations, no exception, bounded time, full recovery`, () => {
    const workspace = Workspace.load(ws.root);
    for (const [file, problems] of workspace.allProblems()) assert.deepEqual(problems, [], `seed document ${file} must be valid`);
    const random = prng(seed);
    const failures: Failure[] = [];
    let slowest = 0;
    for (let index = 0; index < coreMutations; index++) {
      const rel = files[index % files.length];
      const file = ws.path(rel);
      const original = encoder.encode(seeds[rel]);
      const mutation = mutate(original, random);
      const started = performance.now();
      try {
        const changed = workspace.setBytes(file, mutation.bytes);
        for (const f of new Set([file, ...changed])) workspace.problems(f);
      } catch (error) {
        failures.push({ index, file: rel, what: mutation.what, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
      const elapsed = performance.now() - started;
      slowest = Math.max(slowest, elapsed);
      if (elapsed > perDocumentLimitMs) failures.push({ index, file: rel, what: mutation.what, error: `took ${Math.round(elapsed)} ms` });
    }
    assert.deepEqual(failures, [], report(failures));
    // Mutations stay in place until the file's next turn, so files are checked against each
    // other's broken states too; now put every original back.
    for (const rel of files) workspace.setText(ws.path(rel), seeds[rel]);
    const left = [...workspace.allProblems()].filter(([, problems]) => problems.length > 0);
    assert.deepEqual(left, [], 'every file is valid again once its original text is back');
    assert.ok(slowest < perDocumentLimitMs);
  });

  it('regression (seed 1): an edit and a schema change between two validations leave no stale lines', () => {
    const workspace = Workspace.load(ws.root);
    const flow = ws.path('events/flow.events.jsonl');
    const yaml = ws.path('schemas/PaymentCaptured/1.0.schema.yaml');
    workspace.setText(yaml, 'x-event: [');
    workspace.setText(flow, `{ broken\n${seeds['events/flow.events.jsonl']}`);
    assert.ok(workspace.problems(flow).length > 0);
    workspace.setText(yaml, seeds['schemas/PaymentCaptured/1.0.schema.yaml']);
    workspace.setText(flow, seeds['events/flow.events.jsonl']);
    assert.deepEqual(workspace.problems(flow), []);
  });

  it(`language server: ${serverMutations} mutations over stdio, then clean diagnostics and a live server`, async () => {
    const lsp = await LspSession.start([ws.root], { settings: { debounceMs: 0 } });
    try {
      const random = prng(seed ^ 0x5eed);
      const failures: Failure[] = [];
      for (const rel of files) await lsp.open(ws.path(rel), seeds[rel], rel.endsWith('.yaml') ? 'yaml' : rel.endsWith('.jsonl') ? 'jsonl' : 'json');
      for (let index = 0; index < serverMutations; index++) {
        const rel = files[index % files.length];
        const file = ws.path(rel);
        const mutation = mutate(encoder.encode(seeds[rel]), random);
        const text = lenient.decode(mutation.bytes);
        const before = lsp.diagnostics(file)?.count ?? 0;
        await lsp.change(file, [{ text }]);
        try {
          await lsp.waitForNext(file, before, () => true, perDocumentLimitMs);
        } catch {
          failures.push({ index, file: rel, what: mutation.what, error: `no diagnostics within ${perDocumentLimitMs} ms` });
          break;
        }
      }
      assert.deepEqual(failures, [], report(failures));
      // Put every valid document back: the server must end with no problems anywhere.
      for (const rel of files) {
        const file = ws.path(rel);
        const before = lsp.diagnostics(file)?.count ?? 0;
        await lsp.change(file, [{ text: seeds[rel] }]);
        await lsp.waitForNext(file, before, () => true, perDocumentLimitMs);
      }
      for (const rel of files) {
        const published = await lsp.waitFor(ws.path(rel), (p) => p.diagnostics.length === 0, perDocumentLimitMs);
        assert.deepEqual(published.diagnostics, [], rel);
      }
      await lsp.ping();
      assert.ok(lsp.alive);
      assert.deepEqual(
        lsp.logs.filter((l) => /uncaught|unhandled|failed/i.test(l)),
        [],
      );
    } finally {
      await lsp.stop();
    }
  });
});
