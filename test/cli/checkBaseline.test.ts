// `eventline check --baseline FILE` / `--write-baseline FILE`: problems already in an earlier json
// report are not reported and do not fail the run; new ones still do; the count is printed.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JsonReport } from './checkReport';
import { runCli } from './runCli';

const schema = (version: string, properties: string, required: string) => `{
  "x-event": { "type": "OrderPlaced", "version": "${version}" },
  "type": "object",
  "properties": { ${properties} },
  "required": [${required}]
}
`;

function codes(stdout: string): string[] {
  const report = JSON.parse(stdout) as JsonReport;
  return report.files.flatMap((f) => f.problems.map((p) => `${f.path}:${p.line}:${p.column} ${p.code}`));
}

describe('check --baseline', () => {
  let ws: string;
  const file = (v: string) => join(ws, 'schemas', 'OrderPlaced', `${v}.schema.json`);

  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'eventline-baseline-'));
    mkdirSync(join(ws, 'schemas', 'OrderPlaced'), { recursive: true });
    writeFileSync(join(ws, 'eventline.json'), '{}\n');
    writeFileSync(file('1.0'), schema('1.0', '"orderId": { "type": "string" }', '"orderId"'));
    // Known debt: 1.1 adds a required property (compat/breaking-change).
    writeFileSync(file('1.1'), schema('1.1', '"orderId": { "type": "string" }, "currency": { "type": "string" }', '"orderId", "currency"'));
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it('--write-baseline records the problems; --baseline then passes with the count printed', () => {
    const written = runCli(['check', '--write-baseline', 'baseline.json'], { cwd: ws });
    assert.equal(written.code, 1, 'writing a baseline does not hide the problems of that run');
    const baseline = JSON.parse(readFileSync(join(ws, 'baseline.json'), 'utf8')) as JsonReport;
    assert.deepEqual(codes(JSON.stringify(baseline)), ['schemas/OrderPlaced/1.1.schema.json:4:52 compat/breaking-change']);

    const text = runCli(['check', '--baseline', 'baseline.json'], { cwd: ws });
    assert.equal(text.code, 0);
    assert.doesNotMatch(text.stdout, /compat\/breaking-change/);
    assert.match(text.stdout, /1 problem suppressed by the baseline baseline\.json\.\n$/);

    const json = runCli(['check', '--baseline', 'baseline.json', '--format', 'json'], { cwd: ws });
    assert.equal(json.code, 0);
    const report = JSON.parse(json.stdout) as JsonReport;
    assert.deepEqual(codes(json.stdout), []);
    assert.equal(report.summary.errors, 0);
    assert.match(json.stderr, /1 problem suppressed by the baseline/);
  });

  it('a `check --format json` output works as a baseline, and only new problems are reported', () => {
    const earlier = runCli(['check', '--format', 'json'], { cwd: ws });
    writeFileSync(join(ws, 'earlier.json'), earlier.stdout);
    // A new break in 1.1 (note), while the known one (currency) moves to another column.
    writeFileSync(file('1.1'), schema('1.1', '"orderId": { "type": "string" }, "note": { "type": "string" }, "currency": { "type": "string" }', '"orderId", "currency", "note"'));
    const { code, stdout } = runCli(['check', '--baseline', 'earlier.json', '--format', 'json'], { cwd: ws });
    assert.equal(code, 1);
    assert.deepEqual(codes(stdout), ['schemas/OrderPlaced/1.1.schema.json:4:52 compat/breaking-change']);
    assert.match((JSON.parse(stdout) as JsonReport).files.find((f) => f.problems.length > 0)!.problems[0].message, /'note'/);
  });

  it('a known problem reworded in place is still matched by its range; a new one (other message, other range) is not', () => {
    const baseline = JSON.parse(readFileSync(join(ws, 'earlier.json'), 'utf8')) as JsonReport;
    for (const f of baseline.files) for (const p of f.problems) p.message = 'an older wording';
    writeFileSync(join(ws, 'reworded.json'), JSON.stringify(baseline));
    writeFileSync(file('1.1'), schema('1.1', '"orderId": { "type": "string" }, "currency": { "type": "string" }', '"orderId", "currency"'));
    assert.equal(runCli(['check', '--baseline', 'reworded.json'], { cwd: ws }).code, 0);
    writeFileSync(file('1.1'), schema('1.1', '"orderId": { "type": "string" }, "zone": { "type": "string" }', '"orderId", "zone"'));
    const { code, stdout } = runCli(['check', '--baseline', 'reworded.json', '--format', 'json'], { cwd: ws });
    assert.equal(code, 1);
    assert.deepEqual(codes(stdout), ['schemas/OrderPlaced/1.1.schema.json:4:52 compat/breaking-change']);
  });

  it('an unreadable or foreign baseline exits 2', () => {
    const missing = runCli(['check', '--baseline', 'nope.json'], { cwd: ws });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read baseline/);
    writeFileSync(join(ws, 'other.json'), '{"changes": []}');
    const foreign = runCli(['check', '--baseline', 'other.json'], { cwd: ws });
    assert.equal(foreign.code, 2);
    assert.match(foreign.stderr, /is not a baseline/);
  });
});
