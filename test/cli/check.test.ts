// `eventline check` on the sample workspaces: the clean ones pass with no problem at all, and the
// output formats agree with each other.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pkg from '../../package.json';
import { checkJson, reportedKeys } from './checkReport';
import { runCli } from './runCli';

describe('eventline check: clean workspaces', () => {
  // The one note a clean workspace may carry: a breaking major (OrderPlaced 2.0 in examples/shop)
  // needs an upcaster from the previous major, and none exists until code generation lands.
  const upcasterNotes: Record<string, number> = { 'examples/shop': 1, 'examples/shop-cloudevents': 0 };
  for (const workspace of ['examples/shop', 'examples/shop-cloudevents']) {
    it(`${workspace} has no problems but its upcaster notes, and exits 0`, () => {
      const { code, stdout, stderr } = runCli(['check', workspace]);
      assert.equal(stderr, '');
      const lines = stdout.trim().split('\n');
      const summary = lines.pop()!;
      const notes = upcasterNotes[workspace];
      assert.equal(lines.length, notes, `expected only ${notes} upcaster note(s) and the summary, got:\n${stdout}`);
      for (const line of lines) assert.match(line, /: info compat\/upcaster-needed /);
      assert.match(summary, new RegExp(`^0 errors, 0 warnings, ${notes} infos? in \\d+ files$`));
      assert.equal(code, 0);
    });
  }

  it('examples/shop checks every schema and event file', () => {
    const { code, report } = checkJson('examples/shop');
    assert.equal(code, 0);
    assert.deepEqual(reportedKeys(report), ['schemas/OrderPlaced/2.0.schema.json:7:16 compat/upcaster-needed information']);
    const paths = report.files.map((f) => f.path);
    for (const expected of [
      'eventline.json',
      'schemas/OrderPlaced/2.0.schema.json',
      'schemas/RefundIssued/1.0.schema.yaml',
      'schemas/_common/money.schema.json',
      'events/order-1001-lifecycle.events.jsonl',
      'events/order-0987-refund.events.json',
      'events/payment-service-health.event.json',
    ]) {
      assert.ok(paths.includes(expected), `${expected} missing from ${paths.join(', ')}`);
    }
    assert.equal(report.summary.files, report.files.length);
  });

  it('checks the current directory when DIR is left out', () => {
    const { code, stdout } = runCli(['check'], { cwd: join(process.cwd(), 'examples', 'shop') });
    assert.equal(code, 0);
    assert.match(stdout, /\n0 errors, 0 warnings, 1 info in \d+ files\n$/);
  });
});

describe('eventline check: formats', () => {
  it('text lines are path:line:col: severity code message, relative to the current directory, sorted', () => {
    const { code, stdout } = runCli(['check', 'examples/shop-broken']);
    assert.equal(code, 1);
    const lines = stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    assert.match(summary, /^\d+ errors?, \d+ warnings?, \d+ infos? in \d+ files?$/);
    assert.ok(lines.length > 0);
    const parsed = lines.map((line) => {
      const m = /^(examples\/shop-broken\/[^:]+):(\d+):(\d+): (error|warning|info|hint) ([a-z]+\/[a-z0-9-]+) (.+)$/.exec(line);
      assert.ok(m, `malformed line: ${line}`);
      return { file: m[1], line: Number(m[2]), column: Number(m[3]) };
    });
    const sorted = [...parsed].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    assert.deepEqual(parsed, sorted);
    assert.match(stdout, /^examples\/shop-broken\/eventline\.json:4:3: error config\/invalid Unknown setting "compatability"/m);
  });

  it('json lists the same problems as text, with totals', () => {
    const { code, report } = checkJson('examples/shop-broken');
    assert.equal(code, 1);
    assert.equal(report.formatVersion, 1);
    assert.deepEqual(report.tool, { name: 'eventline', version: pkg.version });
    const text = runCli(['check', '.'], { cwd: join(process.cwd(), 'examples', 'shop-broken') }).stdout.trimEnd().split('\n');
    const summary = text.pop()!;
    const fromText = text.map((line) => /^([^:]+):(\d+):(\d+): (\w+) (\S+)/.exec(line)!.slice(1, 6).join(' ')).sort();
    const word: Record<string, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
    const fromJson = report.files.flatMap((f) => f.problems.map((p) => [f.path, p.line, p.column, word[p.severity], p.code].join(' '))).sort();
    assert.deepEqual(fromJson, fromText);
    const all = report.files.flatMap((f) => f.problems);
    assert.equal(report.summary.errors, all.filter((p) => p.severity === 'error').length);
    assert.equal(report.summary.warnings, all.filter((p) => p.severity === 'warning').length);
    assert.equal(report.summary.infos, all.filter((p) => p.severity === 'information' || p.severity === 'hint').length);
    assert.equal(summary, `${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.infos} info${report.summary.infos === 1 ? '' : 's'} in ${report.summary.files} files`);
    for (const p of all) {
      assert.ok(p.line >= 1 && p.column >= 1, `positions are 1-based: ${JSON.stringify(p)}`);
      assert.ok(p.endLine > p.line || (p.endLine === p.line && p.endColumn >= p.column), `range ends after it starts: ${JSON.stringify(p)}`);
      assert.ok(p.message.length > 0);
    }
  });
});

describe('eventline check: file/too-large', () => {
  it('reports a file over maxFileSizeMB as a warning at 1:1 and exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventline-large-'));
    mkdirSync(join(dir, 'events'));
    writeFileSync(join(dir, 'eventline.json'), JSON.stringify({ maxFileSizeMB: 0.01 }));
    // About 20 KB of envelopes: twice the 10 KB limit. Content does not matter: it is never parsed.
    const line = JSON.stringify({ eventId: '3f1c2b9e-7d4a-4c1e-9b2f-5a6d7e8f9a0b', eventType: 'OrderPlaced', version: '1.0', timestamp: '2026-01-05T10:30:00Z', source: 'order-service', data: {} });
    writeFileSync(join(dir, 'events', 'bulk.events.jsonl'), `${line}\n`.repeat(Math.ceil(20_000 / line.length)));
    const { code, report } = checkJsonIn(dir);
    rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0);
    const file = report.files.find((f) => f.path === 'events/bulk.events.jsonl');
    assert.ok(file, `bulk.events.jsonl not reported: ${JSON.stringify(report.files.map((f) => f.path))}`);
    assert.deepEqual(file.problems.map((p) => [p.code, p.severity, p.line, p.column]), [['file/too-large', 'warning', 1, 1]]);
    assert.match(file.problems[0].message, /maxFileSizeMB/);
  });
});

function checkJsonIn(dir: string) {
  const { code, stdout } = runCli(['check', '--format', 'json'], { cwd: dir });
  return { code, report: JSON.parse(stdout) as import('./checkReport').JsonReport };
}
