// `eventline check --against GIT_REF` on a real temporary git repository: a released version edited
// since the ref is schema/published-version-modified at its first changed node, a new breaking minor
// is compat/breaking-change, reformatting is not an edit, and a bad ref or no repository exits 2.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JsonReport } from './checkReport';
import { runCli } from './runCli';

const released = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "x-event": { "type": "OrderPlaced", "version": "1.0" },
  "type": "object",
  "properties": {
    "orderId": { "type": "string", "maxLength": 10 }
  },
  "required": ["orderId"]
}
`;
// Same value: other indentation, keys reordered.
const reformatted = `{"type":"object","x-event":{"version":"1.0","type":"OrderPlaced"},
    "$schema":"https://json-schema.org/draft/2020-12/schema",
    "required":["orderId"],"properties":{"orderId":{"maxLength":10,"type":"string"}}}
`;
const edited = released.replace('"maxLength": 10', '"maxLength": 20');
const breakingMinor = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "x-event": { "type": "OrderPlaced", "version": "1.1" },
  "type": "object",
  "properties": {
    "orderId": { "type": "string", "maxLength": 20 },
    "currency": { "type": "string" }
  },
  "required": ["orderId", "currency"]
}
`;

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=test@eventline.invalid', '-c', 'user.name=Eventline Test', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'ignore' });
}

function problems(stdout: string): string[] {
  const report = JSON.parse(stdout) as JsonReport;
  return report.files.flatMap((f) => f.problems.map((p) => `${f.path}:${p.line}:${p.column} ${p.severity} ${p.code}`));
}

describe('check --against GIT_REF', () => {
  let repo: string;
  // The workspace sits in a subfolder of the repository, as in a monorepo.
  let ws: string;
  const schema = (v: string) => join(ws, 'schemas', 'OrderPlaced', `${v}.schema.json`);

  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'eventline-against-'));
    ws = join(repo, 'events');
    mkdirSync(join(ws, 'schemas', 'OrderPlaced'), { recursive: true });
    writeFileSync(join(ws, 'eventline.json'), '{}\n');
    writeFileSync(schema('1.0'), released);
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'OrderPlaced 1.0');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('is clean when the released version is only reformatted', () => {
    writeFileSync(schema('1.0'), reformatted);
    const { code, stdout, stderr } = runCli(['check', '--against', 'HEAD', '--format', 'json'], { cwd: ws });
    assert.equal(stderr, '');
    assert.deepEqual(problems(stdout), []);
    assert.equal(code, 0);
  });

  it('reports the edited release at its first changed node and the breaking new minor', () => {
    writeFileSync(schema('1.0'), edited);
    writeFileSync(schema('1.1'), breakingMinor);
    const { code, stdout } = runCli(['check', '--against', 'HEAD', '--format', 'json'], { cwd: ws });
    assert.deepEqual(problems(stdout), [
      'schemas/OrderPlaced/1.0.schema.json:6:49 error schema/published-version-modified',
      'schemas/OrderPlaced/1.1.schema.json:7:5 error compat/breaking-change',
    ]);
    assert.equal(code, 1);
    const text = runCli(['check', '--against', 'HEAD'], { cwd: ws }).stdout;
    assert.match(text, /1\.0\.schema\.json:6:49: error schema\/published-version-modified .*differs from its released content at HEAD \(value changed\): versions are immutable once released: publish the change as a new version/);
  });

  it('without --against the edit to 1.0 is not an error', () => {
    const { stdout } = runCli(['check', '--format', 'json'], { cwd: ws });
    assert.deepEqual(problems(stdout), ['schemas/OrderPlaced/1.1.schema.json:7:5 error compat/breaking-change']);
  });

  it('once committed, the new state is the release: the same check is clean for 1.0', () => {
    writeFileSync(schema('1.1'), breakingMinor.replace(', "currency"]', ']'));
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'OrderPlaced 1.1');
    const { code, stdout } = runCli(['check', '--against', 'HEAD', '--format', 'json'], { cwd: ws });
    assert.deepEqual(problems(stdout), []);
    assert.equal(code, 0);
    // Against the first commit, 1.0 was edited (1.1 did not exist there).
    const first = runCli(['check', '--against', 'HEAD~1', '--format', 'json'], { cwd: ws });
    assert.deepEqual(problems(first.stdout), ['schemas/OrderPlaced/1.0.schema.json:6:49 error schema/published-version-modified']);
  });

  it('an unknown ref exits 2 with a clear message', () => {
    const { code, stdout, stderr } = runCli(['check', '--against', 'no-such-branch'], { cwd: ws });
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^eventline: --against no-such-branch: no such commit, branch or tag/);
  });

  it('outside a git repository exits 2 with a clear message', () => {
    const plain = mkdtempSync(join(tmpdir(), 'eventline-nogit-'));
    try {
      writeFileSync(join(plain, 'eventline.json'), '{}\n');
      const { code, stderr } = runCli(['check', '--against', 'HEAD'], { cwd: plain });
      assert.equal(code, 2);
      assert.match(stderr, /is not inside a git repository/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
