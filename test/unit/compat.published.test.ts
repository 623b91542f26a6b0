// schema/published-version-modified without git: the released text is handed in, values (not
// bytes) are compared, and the problem sits at the first node that differs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstDifference, publishedVersionProblem } from '../../core/compat/published';

const context = { ref: 'v1', display: 'schemas/A/1.0.schema.json' };
const at = (file: string, now: string, then: string) => {
  const p = publishedVersionProblem(file, now, then, context);
  return p && [p.code, p.range.start.line + 1, p.range.start.character + 1];
};

describe('firstDifference', () => {
  it('ignores key order and finds additions, changes and removals in document order', () => {
    assert.equal(firstDifference({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, []), undefined);
    assert.deepEqual(firstDifference({ a: 1, b: 2, c: 3 }, { a: 1, c: 4 }, []), { path: ['b'], target: 'key', what: '"b" was added' });
    assert.deepEqual(firstDifference({ p: { x: 1 } }, { p: { x: 1, y: 2 } }, []), { path: ['p'], target: 'key', what: '"y" removed' });
    assert.deepEqual(firstDifference({ r: ['a', 'b', 'c'] }, { r: ['a', 'b'] }, []), { path: ['r', 2], target: 'value', what: 'item 2 was added' });
    assert.deepEqual(firstDifference({ r: ['a'] }, { r: ['a', 'b'] }, []), { path: ['r'], target: 'value', what: '1 item(s) removed' });
    assert.deepEqual(firstDifference({ n: 1 }, { n: '1' }, []), { path: ['n'], target: 'value', what: 'value changed' });
  });
});

describe('publishedVersionProblem', () => {
  it('JSON: reformatting is no change; an edit is placed at its node', () => {
    const then = '{"type": "object", "properties": {"a": {"type": "string"}}}';
    assert.equal(publishedVersionProblem('/w/s/A/1.0.schema.json', '{\n  "properties": { "a": { "type": "string" } },\n  "type": "object"\n}\n', then, context), undefined);
    assert.deepEqual(at('/w/s/A/1.0.schema.json', '{\n  "type": "object",\n  "properties": { "a": { "type": "integer" } }\n}\n', then), ['schema/published-version-modified', 3, 34]);
  });

  it('YAML files are compared as values too', () => {
    const then = 'type: object\nproperties:\n  a: {type: string}\n';
    assert.equal(publishedVersionProblem('/w/s/A/1.0.schema.yaml', 'properties:\n  a:\n    type: string\ntype: object\n', then, context), undefined);
    assert.deepEqual(at('/w/s/A/1.0.schema.yaml', 'type: object\nproperties:\n  a: {type: string}\n  b: {type: string}\n', then), ['schema/published-version-modified', 4, 3]);
  });

  it('says why and how to fix it; a current syntax error is left to the syntax rule', () => {
    const p = publishedVersionProblem('/w/s/A/1.0.schema.json', '{"a": 2}', '{"a": 1}', context)!;
    assert.equal(p.severity, 'error');
    assert.match(p.message, /differs from its released content at v1 \(value changed\): versions are immutable once released: publish the change as a new version .* 'git checkout v1 -- schemas\/A\/1\.0\.schema\.json/);
    assert.equal(publishedVersionProblem('/w/s/A/1.0.schema.json', '{"a": ', '{"a": 1}', context), undefined);
  });
});
