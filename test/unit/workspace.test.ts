import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { Workspace } from '../../core/workspace/workspace';

function workspaceWith(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'eventline-ws-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

describe('Workspace', () => {
  it('classifies config, schema and the three event-file layouts', () => {
    const root = workspaceWith({});
    const ws = Workspace.load(root);
    assert.deepEqual(ws.classify(join(root, 'eventline.json')), { kind: 'config' });
    assert.deepEqual(ws.classify(join(root, 'schemas/OrderPlaced/1.0.schema.json')), { kind: 'schema' });
    assert.deepEqual(ws.classify(join(root, 'schemas/OrderPlaced/1.0.schema.yaml')), { kind: 'schema' });
    assert.deepEqual(ws.classify(join(root, 'events/a.events.jsonl')), { kind: 'events', layout: 'jsonl' });
    assert.deepEqual(ws.classify(join(root, 'events/a.event.json')), { kind: 'events', layout: 'single' });
    assert.deepEqual(ws.classify(join(root, 'events/a.events.json')), { kind: 'events', layout: 'array' });
    assert.deepEqual(ws.classify(join(root, 'node_modules/x/a.events.jsonl')), { kind: 'other' });
    assert.deepEqual(ws.classify(join(root, 'package.json')), { kind: 'other' });
  });

  it('reports eventline.json problems at the exact key and keeps defaults for the rest', () => {
    const root = workspaceWith({ 'eventline.json': '{\n  "envelope": "cloudevents",\n  "schemaDir": "s"\n}\n' });
    const ws = Workspace.load(root);
    const problems = ws.problems(join(root, 'eventline.json'));
    assert.equal(problems.length, 1);
    assert.equal(problems[0].code, 'config/invalid');
    assert.deepEqual(problems[0].range, { start: { line: 2, character: 2 }, end: { line: 2, character: 13 } });
    assert.equal(ws.config.envelope, 'cloudevents');
    assert.equal(ws.config.schemasDir, 'schemas');
  });

  it('reports a broken eventline.json as a syntax error and still loads', () => {
    const root = workspaceWith({ 'eventline.json': '{ "envelope": ' });
    const ws = Workspace.load(root);
    const [problem] = ws.problems(join(root, 'eventline.json'));
    assert.equal(problem.code, 'json/syntax-error');
    assert.equal(ws.config.envelope, 'default');
  });

  it('follows a changed schemasDir and eventFiles from eventline.json', () => {
    const root = workspaceWith({ 'eventline.json': '{ "schemasDir": "contracts", "eventFiles": ["fixtures/*.jsonl"] }' });
    const ws = Workspace.load(root);
    assert.deepEqual(ws.classify(join(root, 'contracts/OrderPlaced/1.0.schema.json')), { kind: 'schema' });
    assert.deepEqual(ws.classify(join(root, 'schemas/OrderPlaced/1.0.schema.json')), { kind: 'other' });
    assert.deepEqual(ws.classify(join(root, 'fixtures/a.jsonl')), { kind: 'events', layout: 'jsonl' });
  });

  it('reports invalid UTF-8 with the offset of the first bad byte', () => {
    const root = workspaceWith({ 'events/bad.events.jsonl': Uint8Array.from([0x7b, 0x7d, 0x0a, 0xfe, 0x0a]) });
    const ws = Workspace.load(root);
    const [problem] = ws.problems(join(root, 'events/bad.events.jsonl'));
    assert.equal(problem.code, 'file/invalid-utf8');
    assert.match(problem.message, /0xfe at offset 3/);
    assert.deepEqual(problem.range.start, { line: 1, character: 0 });
  });

  it('does not validate a file over maxFileSizeMB and says so', () => {
    const root = workspaceWith({ 'eventline.json': '{ "maxFileSizeMB": 0.001 }', 'events/big.events.jsonl': '{}\n'.repeat(1000) });
    const ws = Workspace.load(root);
    const problems = ws.problems(join(root, 'events/big.events.jsonl'));
    assert.deepEqual(problems.map((p) => p.code), ['file/too-large']);
  });

  it('applies severity overrides and "off" from eventline.json', () => {
    const root = workspaceWith({ 'eventline.json': '{ "diagnostics": { "file/too-large": "off" }, "maxFileSizeMB": 0.001 }', 'events/big.events.jsonl': '{}\n'.repeat(1000) });
    const ws = Workspace.load(root);
    assert.deepEqual(ws.problems(join(root, 'events/big.events.jsonl')), []);
  });

  it('reloads everything when eventline.json changes in the editor', () => {
    const root = workspaceWith({ 'eventline.json': '{}' });
    const ws = Workspace.load(root);
    ws.setText(join(root, 'eventline.json'), '{ "envelope": "cloudevents" }');
    assert.equal(ws.config.envelope, 'cloudevents');
  });
});
