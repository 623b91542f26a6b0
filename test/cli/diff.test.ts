// `eventline diff OLD NEW`: exit codes, the JSON document, cross-file $refs and bad input.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from './runCli';

const dir = mkdtempSync(join(tmpdir(), 'eventline-diff-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};

const v1 = write('v1.json', { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] });
const v2 = write('v2.json', { type: 'object', properties: { id: { type: 'string' }, note: { type: 'string' } }, required: ['id'] });
const v3 = write('v3.json', { type: 'object', properties: { id: { type: 'string' }, currency: { type: 'string' } }, required: ['id', 'currency'] });

interface DiffJson {
  compatible: boolean;
  mode: string;
  policy: string;
  changes: { kind: string; path: string; backward: boolean; forward: boolean; message: string }[];
}

describe('eventline diff', () => {
  it('exits 0 for a compatible pair (default BACKWARD, lenient) and prints the JSON document', () => {
    const { code, stdout } = runCli(['diff', v1, v2, '--format', 'json']);
    assert.equal(code, 0);
    const doc = JSON.parse(stdout) as DiffJson;
    assert.deepEqual(Object.keys(doc), ['compatible', 'mode', 'policy', 'changes']);
    assert.deepEqual({ compatible: doc.compatible, mode: doc.mode, policy: doc.policy }, { compatible: true, mode: 'BACKWARD', policy: 'lenient' });
    assert.deepEqual(doc.changes.map((c) => Object.keys(c)), [['kind', 'path', 'backward', 'forward', 'message']]);
    assert.deepEqual(doc.changes.map((c) => [c.kind, c.path, c.backward, c.forward]), [['OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', '#/properties/note', true, true]]);
  });

  it('exits 1 when the policy or the mode says the pair breaks', () => {
    assert.equal(runCli(['diff', v1, v2, '--policy', 'strict']).code, 1);
    assert.equal(runCli(['diff', v1, v3]).code, 1);
    assert.equal(runCli(['diff', v1, v3, '--mode', 'FORWARD']).code, 0);
    assert.equal(runCli(['diff', v3, v1, '--mode', 'FULL']).code, 1);
    assert.equal(runCli(['diff', v1, v3, '--mode', 'NONE']).code, 0);
  });

  it('text output lists each change and a verdict line', () => {
    const { code, stdout } = runCli(['diff', v1, v3]);
    assert.equal(code, 1);
    assert.match(stdout, /#\/properties\/currency {2}REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL {2}backward:NO {2}forward:yes/);
    assert.match(stdout, /\nNOT compatible under BACKWARD \(lenient policy\): 1 change\n$/);
  });

  it('resolves $refs to other files relative to each file, YAML included', () => {
    write('old/common.json', { $defs: { Money: { type: 'object', properties: { amount: { type: 'number' } } } } });
    write('new/common.yaml', '$defs:\n  Money:\n    type: object\n    properties:\n      amount:\n        type: integer\n');
    const oldFile = write('old/event.json', { properties: { total: { $ref: 'common.json#/$defs/Money' } } });
    const newFile = write('new/event.yaml', 'properties:\n  total:\n    $ref: common.yaml#/$defs/Money\n');
    const { code, stdout } = runCli(['diff', oldFile, newFile, '--format', 'json']);
    const doc = JSON.parse(stdout) as DiffJson;
    assert.deepEqual(doc.changes.map((c) => [c.kind, c.path]), [['TYPE_NARROWED', '#/properties/total']]);
    assert.equal(code, 1);
  });

  it('exits 2 on bad input, saying why', () => {
    const missing = runCli(['diff', join(dir, 'nope.json'), v1]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.json: ENOENT/);
    const broken = runCli(['diff', write('broken.json', '{"type": '), v1]);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /is not valid JSON/);
    const notSchema = runCli(['diff', v1, write('list.json', [1, 2])]);
    assert.equal(notSchema.code, 2);
    assert.match(notSchema.stderr, /is not a schema: .*not an array/);
    assert.equal(runCli(['diff', v1]).code, 2);
    assert.match(runCli(['diff', v1, v2, '--mode', 'SIDEWAYS']).stderr, /unknown mode "SIDEWAYS"/);
  });
});
