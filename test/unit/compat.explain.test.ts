// Hover explanations (core/compat/explain.ts): content models in plain words with verdicts that
// follow the policy and mode, and a version's status (mode, what it is checked against, verdict).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentModelOf, explainContentModel, explainVersionStatus } from '../../core/compat/explain';
import type { EventSchema } from '../../core/registry/types';

const config = { modeSource: 'eventline.json `compatibility`' };

function version(v: string, compatibility?: EventSchema['compatibility']): EventSchema {
  const [major, minor] = v.split('.').map(Number);
  return { type: 'OrderPlaced', version: v, major, minor, file: `/ws/schemas/OrderPlaced/${v}.schema.json`, schema: {}, ...(compatibility ? { compatibility } : {}) };
}

describe('contentModelOf', () => {
  it('classifies open, closed and partially open objects', () => {
    assert.equal(contentModelOf({ type: 'object' }).kind, 'open');
    assert.equal(contentModelOf({ additionalProperties: true }).kind, 'open');
    assert.equal(contentModelOf({ additionalProperties: false }).kind, 'closed');
    assert.equal(contentModelOf({ unevaluatedProperties: false }).kind, 'closed');
    assert.equal(contentModelOf({ additionalProperties: { type: 'string' } }).kind, 'partial');
    assert.equal(contentModelOf({ additionalProperties: false, patternProperties: { '^x-': {} } }).kind, 'partial');
    assert.equal(contentModelOf({ patternProperties: { '^x-': { type: 'string' } } }).kind, 'partial');
  });
});

describe('explainContentModel', () => {
  it('open under lenient FULL: adding an optional property is allowed', () => {
    const text = explainContentModel({ type: 'object' }, { policy: 'lenient', mode: 'FULL', ...config });
    assert.match(text, /^\*\*Content model: open\*\* \(`additionalProperties` is absent\)/);
    assert.match(text, /- Adding an optional property: allowed in a minor version under FULL/);
    assert.match(text, /- Adding a required property \(no default\): \*\*breaking\*\* under FULL \(BACKWARD: new readers cannot read old data\)/);
    assert.match(text, /- Removing an optional property: allowed in a minor version under FULL/);
  });

  it('open under strict: adding an optional property breaks BACKWARD, not FORWARD', () => {
    const backward = explainContentModel({ type: 'object' }, { policy: 'strict', mode: 'BACKWARD', ...config });
    assert.match(backward, /- Adding an optional property: \*\*breaking\*\* under BACKWARD \(BACKWARD: new readers cannot read old data\)/);
    assert.match(backward, /Under the \*\*strict\*\* policy and mode \*\*BACKWARD\*\*/);
    const forward = explainContentModel({ type: 'object' }, { policy: 'strict', mode: 'FORWARD_TRANSITIVE', ...config });
    assert.match(forward, /- Adding an optional property: allowed in a minor version under FORWARD_TRANSITIVE/);
    assert.match(forward, /- Removing an optional property: \*\*breaking\*\* under FORWARD_TRANSITIVE \(FORWARD: old readers cannot read new data\)/);
  });

  it('closed: adding breaks FORWARD, removing breaks BACKWARD; NONE allows everything', () => {
    const full = explainContentModel({ additionalProperties: false }, { policy: 'lenient', mode: 'FULL', ...config });
    assert.match(full, /\*\*Content model: closed\*\* \(`additionalProperties` is false\)/);
    assert.match(full, /- Adding an optional property: \*\*breaking\*\* under FULL \(FORWARD: old readers cannot read new data\)/);
    assert.match(full, /- Removing an optional property: \*\*breaking\*\* under FULL \(BACKWARD: new readers cannot read old data\)/);
    const none = explainContentModel({ additionalProperties: false }, { policy: 'lenient', mode: 'NONE', ...config });
    assert.doesNotMatch(none, /breaking/);
  });

  it('partially open: names the patterns, and the policy decides uncovered additions', () => {
    const node = { patternProperties: { '^x-': { type: 'string' } }, additionalProperties: false };
    const strict = explainContentModel(node, { policy: 'strict', mode: 'BACKWARD', ...config });
    assert.match(strict, /\*\*Content model: partially open\*\* \(`additionalProperties` is false, but `patternProperties` accepts names matching `\^x-`\)/);
    assert.match(strict, /- Adding an optional property the model does not cover: \*\*breaking\*\* under BACKWARD/);
    const lenient = explainContentModel(node, { policy: 'lenient', mode: 'BACKWARD', ...config });
    assert.match(lenient, /- Adding an optional property the model does not cover: allowed in a minor version under BACKWARD/);
  });
});

describe('explainVersionStatus', () => {
  const versions = [version('1.0'), version('1.1'), version('1.2'), version('2.0')];
  const base = { versions, configMode: 'FULL' as const, policy: 'lenient' as const, breaking: [] };

  it('a compatible minor: its mode, policy and the previous version', () => {
    const text = explainVersionStatus({ ...base, target: versions[2] });
    assert.match(text, /^\*\*OrderPlaced 1\.2\*\*: compatibility mode \*\*FULL\*\* \(from eventline\.json `compatibility`\), policy \*\*lenient\*\*/);
    assert.match(text, /Checked \(BACKWARD and FORWARD\) against 1\.1 \(the previous version\)\./);
    assert.match(text, /\*\*Compatible\*\*: no breaking change against 1\.1\./);
  });

  it('x-event.compatibility overrides the mode; transitive checks every earlier version of the major', () => {
    const text = explainVersionStatus({ ...base, target: version('1.2', 'BACKWARD_TRANSITIVE') });
    assert.match(text, /mode \*\*BACKWARD_TRANSITIVE\*\* \(from `x-event\.compatibility`\)/);
    assert.match(text, /Checked \(BACKWARD\) against 1\.0, 1\.1 \(every earlier version of this major\)/);
  });

  it('lists breaking changes briefly, with their lines', () => {
    const message = "Adding required property 'currency' breaks BACKWARD compatibility with OrderPlaced 1.0: consumers on 1.1 cannot read events already written as 1.0. Make it optional.";
    const text = explainVersionStatus({ ...base, target: versions[1], breaking: [{ message, line: 12 }] });
    assert.match(text, /\*\*Not compatible\*\*: 1 breaking change:\n- line 12: Adding required property 'currency' breaks BACKWARD compatibility with OrderPlaced 1\.0$/);
  });

  it('first versions, new majors and NONE say why nothing is checked', () => {
    assert.match(explainVersionStatus({ ...base, target: versions[0] }), /The first version of OrderPlaced: nothing to check against\./);
    assert.match(explainVersionStatus({ ...base, target: versions[3] }), /Starts major 2: .*not checked against 1\.x; .*upcaster from 1\.x to 2\.0/);
    assert.match(explainVersionStatus({ ...base, configMode: 'NONE', target: versions[1] }), /Mode NONE: not checked against earlier versions\./);
  });
});
