// Every compatibility mode on examples/shop, through the built CLI. The shop's minor bumps
// (OrderPlaced 1.1, PaymentCaptured 1.1) only add optional properties to objects with an open
// content model, so:
// - lenient policy: every mode passes;
// - strict policy (Confluent's classic rules): OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL is
//   BACKWARD-incompatible (old data may already carry that name with another value) and FORWARD
//   compatible (old readers accept the new property through their open model). So the modes that
//   check BACKWARD (BACKWARD, FULL and their transitive forms) fail at each added property, and
//   FORWARD, FORWARD_TRANSITIVE and NONE pass.
// The one note every mode keeps: OrderPlaced 2.0 starts a new major and needs an upcaster.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompatibilityMode } from '../../core/config/config';
import type { JsonReport } from './checkReport';
import { repoRoot, runCli } from './runCli';

const MODES: CompatibilityMode[] = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'];
const CHECKS_BACKWARD = new Set<CompatibilityMode>(['BACKWARD', 'BACKWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE']);

/** The optional properties the shop's minor versions add, where strict reports them. */
const ADDED_OPTIONAL = [
  'schemas/OrderPlaced/1.1.schema.json:37:5 couponCode',
  'schemas/OrderPlaced/1.1.schema.json:42:5 shippingAddress',
  'schemas/PaymentCaptured/1.1.schema.json:31:5 processorFee',
  'schemas/PaymentCaptured/1.1.schema.json:35:5 settlementBatchId',
];
const UPCASTER_NOTE = 'schemas/OrderPlaced/2.0.schema.json:7:16 compat/upcaster-needed information';

interface Outcome {
  code: number | null;
  report: JsonReport;
}

describe('eventline check: every compatibility mode on examples/shop', () => {
  let dir: string;
  let config: Record<string, unknown>;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'eventline-modes-'));
    cpSync(join(repoRoot, 'examples', 'shop'), dir, { recursive: true });
    config = JSON.parse(readFileSync(join(dir, 'eventline.json'), 'utf8')) as Record<string, unknown>;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function check(mode: CompatibilityMode, policy?: 'strict' | 'lenient'): Outcome {
    const next: Record<string, unknown> = { ...config, compatibility: mode };
    if (policy) next.compatibilityPolicy = policy;
    writeFileSync(join(dir, 'eventline.json'), `${JSON.stringify(next, null, 2)}\n`);
    // From inside the copy, so reported paths are relative to it.
    const { code, stdout, stderr } = runCli(['check', dir, '--format', 'json'], { cwd: dir });
    assert.equal(stderr, '');
    return { code, report: JSON.parse(stdout) as JsonReport };
  }

  const problemsOf = (report: JsonReport) => report.files.flatMap((f) => f.problems.map((p) => ({ ...p, path: f.path })));
  const keyOf = (p: { path: string; line: number; column: number; code: string; severity: string }) => `${p.path}:${p.line}:${p.column} ${p.code} ${p.severity}`;

  for (const mode of MODES) {
    it(`${mode}, lenient (the default policy): passes with only the upcaster note`, () => {
      const { code, report } = check(mode);
      assert.deepEqual(problemsOf(report).map(keyOf), [UPCASTER_NOTE]);
      assert.equal(report.summary.errors, 0);
      assert.equal(code, 0);
    });

    const breaks = CHECKS_BACKWARD.has(mode);
    it(`${mode}, strict: ${breaks ? 'reports every optional property added to an open content model' : 'passes (adding an optional property to an open model is FORWARD compatible)'}`, () => {
      const { code, report } = check(mode, 'strict');
      const problems = problemsOf(report);
      const breaking = problems.filter((p) => p.code === 'compat/breaking-change');
      const expected = breaks ? ADDED_OPTIONAL : [];
      assert.deepEqual(breaking.map((p) => `${p.path}:${p.line}:${p.column} ${/'([^']+)'/.exec(p.message)?.[1]}`), expected);
      for (const p of breaking) {
        assert.equal(p.severity, 'error');
        assert.match(p.message, /breaks BACKWARD compatibility with (OrderPlaced|PaymentCaptured) 1\.0/);
        assert.doesNotMatch(p.message, /FORWARD/);
        assert.match(p.message, new RegExp(`OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL; mode ${mode} from eventline\\.json`));
        assert.match(p.message, /strict policy/);
      }
      assert.deepEqual(problems.filter((p) => p.code !== 'compat/breaking-change').map(keyOf), [UPCASTER_NOTE]);
      assert.equal(report.summary.errors, expected.length);
      assert.equal(code, breaks ? 1 : 0);
    });
  }
});
