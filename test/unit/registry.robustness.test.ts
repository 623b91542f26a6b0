// Hostile schema input: odd $refs and ids, alias loops, mutated texts. The registry must report
// problems, never throw, and finish each call in bounded time (a generous hang guard, not a benchmark).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../core/config/config';
import { createSchemaRegistry } from '../../core/registry/registry';
import type { SchemaRegistry } from '../../core/registry/types';

const ROOT = '/ws';
const file = (rel: string) => `${ROOT}/schemas/${rel}`;
const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Runs everything a client would ask of the registry for every file. */
function exercise(registry: SchemaRegistry): void {
  for (const f of registry.files()) {
    registry.problems(f);
    registry.typesAffectedBy(f);
  }
  for (const type of registry.eventTypes()) {
    for (const version of registry.versions(type)) {
      registry.get(type, version);
      registry.validateData(type, version, { a: [1, { b: null }], orderId: 'x' });
      registry.validateData(type, version, null);
    }
  }
}

function withFiles(files: Record<string, string>): SchemaRegistry {
  const registry = createSchemaRegistry({ root: ROOT, config: defaultConfig() });
  for (const [rel, text] of Object.entries(files)) registry.setFile(file(rel), text);
  return registry;
}

const BASE = json({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  'x-event': { type: 'OrderPlaced', version: '1.0', kind: 'domain', partitionKey: '/customer/id' },
  type: 'object',
  properties: { orderId: { type: 'string' }, customer: { $ref: '#/$defs/Customer' }, total: { $ref: '../_common/money.schema.json#/$defs/Money' } },
  required: ['orderId'],
  $defs: { Customer: { type: 'object', properties: { id: { type: 'string' }, parent: { $ref: '#/$defs/Customer' } } } },
});
const MONEY = json({ $defs: { Money: { type: 'object', properties: { amount: { type: 'number' } } } } });

describe('registry robustness', () => {
  it('survives odd references and ids', () => {
    const odd = [
      { $ref: '#/x-event/type' }, // points at a string, not a schema
      { $ref: '#/$defs/Customer/properties/id/type' },
      { $ref: '' },
      { $ref: '#' },
      { $ref: '#/%ZZ' },
      { $ref: '//' },
      { $ref: 'file:///etc/passwd' },
      { $ref: '../../../../outside.schema.json' },
      { $ref: 'urn:uuid:1234#/a' },
      { $ref: '#/properties/total/$ref' },
      { $ref: '#/$defs/Customer', $id: '::::' },
      { $id: '#', type: 'string' },
      { $id: 'relative/id', $ref: 'x.json' },
      { $ref: 42 },
      { allOf: [{ $ref: '#/properties/weird' }] },
      { $dynamicRef: '#meta' },
    ];
    for (const weird of odd) {
      const text = BASE.replace('"orderId": {', `"weird": ${JSON.stringify(weird)},\n    "orderId": {`);
      assert.doesNotThrow(() => exercise(withFiles({ 'OrderPlaced/1.0.schema.json': text, '_common/money.schema.json': MONEY })), JSON.stringify(weird));
    }
  });

  it('survives a three-file ref loop, YAML alias loops and odd top-level values', () => {
    const loop = {
      '_common/a.schema.json': json({ $ref: 'b.schema.json' }),
      '_common/b.schema.json': json({ $ref: 'c.schema.json' }),
      '_common/c.schema.json': json({ $ref: 'a.schema.json' }),
      'OrderPlaced/1.0.schema.json': json({ 'x-event': { type: 'OrderPlaced', version: '1.0' }, $ref: '../_common/a.schema.json' }),
      'AliasLoop/1.0.schema.yaml': 'x-event: { type: AliasLoop, version: "1.0" }\ndefs: &a\n  x: *a\n$defs: &b\n  y:\n    properties: *b\n',
      'ListOnly/1.0.schema.json': '[1, 2, 3]',
      'Bool/1.0.schema.json': 'true',
      'Null/1.0.schema.yaml': 'null\n',
      'XEventArray/1.0.schema.json': json({ 'x-event': [], $schema: 7 }),
      'BadPointer/1.0.schema.json': json({ 'x-event': { type: 'BadPointer', version: '1.0', partitionKey: '/~2' } }),
    };
    const registry = withFiles(loop);
    assert.doesNotThrow(() => exercise(registry));
    assert.deepEqual(registry.problems(file('_common/a.schema.json')).map((p) => p.code), ['schema/ref-cycle']);
    assert.equal(registry.validateData('OrderPlaced', '1.0', {}), undefined);
  });

  it('survives 400 random mutations of valid schemas, each call bounded in time', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const pieces = ['{', '}', '[', ']', '"', ':', ',', '$ref', '"#"', '"#/$defs/Customer"', 'null', '-', '\n', '&a', '*a', '\u0000', '\ud800'];
    const yaml = 'x-event:\n  type: RefundIssued\n  version: "1.0"\ntype: object\nproperties:\n  amount:\n    $ref: ../_common/money.schema.json#/$defs/Money\n';
    const registry = createSchemaRegistry({ root: ROOT, config: defaultConfig() });
    registry.setFile(file('_common/money.schema.json'), MONEY);
    let slowest = 0;
    for (let i = 0; i < 400; i++) {
      const [name, source] = random() < 0.5 ? ['OrderPlaced/1.0.schema.json', BASE] : ['RefundIssued/1.0.schema.yaml', yaml];
      let text = source;
      const kind = Math.floor(random() * 4);
      const at = Math.floor(random() * text.length);
      if (kind === 0) text = text.slice(0, at);
      else if (kind === 1) text = text.slice(0, at) + pick(pieces) + text.slice(at + 1);
      else if (kind === 2) text = text.slice(0, at) + '['.repeat(Math.floor(random() * 400)) + text.slice(at);
      else text = text.replace('"#/$defs/Customer"', pick(['"#"', '"#/$defs"', '"../_common/money.schema.json"', '"#/properties/customer"']));
      const target = random() < 0.2 ? '_common/money.schema.json' : name;
      const started = performance.now();
      assert.doesNotThrow(() => {
        registry.setFile(file(target), text);
        exercise(registry);
      }, `mutation ${i}`);
      slowest = Math.max(slowest, performance.now() - started);
    }
    assert.ok(slowest < 5000, `a mutation took ${slowest.toFixed(0)} ms`);
  });
});
