// $ref resolution in the registry (inside a file and across files), cycles, compile failures,
// and change propagation: editing a referenced file recompiles its dependants.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Problem } from '../../core/types';
import { file, json, registryWith } from '../fixtures/registry/memoryRegistry';
import { rangeOf } from '../support/text';


const codes = (problems: Problem[]) => problems.map((p) => p.code);

const MONEY = json({ $schema: 'https://json-schema.org/draft/2020-12/schema', $defs: { Money: { type: 'object', properties: { amount: { type: 'number' }, currency: { type: 'string' } }, required: ['amount', 'currency'] } } });

function orderPlaced(total: unknown, extra: Record<string, unknown> = {}): string {
  return json({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    'x-event': { type: 'OrderPlaced', version: '1.0', partitionKey: '/customerId' },
    type: 'object',
    properties: { orderId: { type: 'string' }, customerId: { type: 'string' }, total },
    required: ['orderId', 'customerId', 'total'],
    ...extra,
  });
}

const ORDER = orderPlaced({ $ref: '../_common/money.schema.json#/$defs/Money' });
const validOrder = { orderId: 'o1', customerId: 'c1', total: { amount: 10, currency: 'EUR' } };

describe('registry $ref: inside a file', () => {
  it('resolves #/definitions in draft-07 and validates through it', () => {
    const text = json({
      $schema: 'http://json-schema.org/draft-07/schema#',
      'x-event': { type: 'OrderPlaced', version: '1.0' },
      type: 'object',
      properties: { total: { $ref: '#/definitions/Money' } },
      definitions: { Money: { type: 'number', minimum: 0 } },
    });
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': text });
    assert.deepEqual(registry.problems(file('OrderPlaced/1.0.schema.json')), []);
    assert.deepEqual(registry.validateData('OrderPlaced', '1.0', { total: 3 }), []);
    assert.equal(registry.validateData('OrderPlaced', '1.0', { total: -1 })?.[0].message, 'data.total must be >= 0 (OrderPlaced 1.0, schemas/OrderPlaced/1.0.schema.json)');
  });

  it('resolves $anchor references', () => {
    const text = json({ 'x-event': { type: 'OrderPlaced', version: '1.0' }, type: 'object', properties: { total: { $ref: '#money' } }, $defs: { M: { $anchor: 'money', type: 'number' } } });
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': text });
    assert.deepEqual(registry.problems(file('OrderPlaced/1.0.schema.json')), []);
    assert.equal(registry.validateData('OrderPlaced', '1.0', { total: 'x' })?.length, 1);
  });

  it('reports schema/unresolved-ref at the $ref value for a missing fragment', () => {
    const text = orderPlaced({ $ref: '#/$defs/Mony' }, { $defs: { Money: { type: 'number' } } });
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': text });
    const problems = registry.problems(file('OrderPlaced/1.0.schema.json'));
    assert.deepEqual(codes(problems), ['schema/unresolved-ref']);
    assert.deepEqual(problems[0].range, rangeOf(text, '"#/$defs/Mony"'));
    assert.match(problems[0].message, /this file has nothing at #\/\$defs\/Mony/);
    assert.equal(registry.validateData('OrderPlaced', '1.0', validOrder), undefined);
  });

  it('does not mistake a property named "$ref" or a $ref inside const for a reference', () => {
    const text = json({ 'x-event': { type: 'LinkShared', version: '1.0' }, type: 'object', properties: { $ref: { type: 'string' }, sample: { const: { $ref: '#/nowhere' } } } });
    assert.deepEqual(registryWith({ 'LinkShared/1.0.schema.json': text }).problems(file('LinkShared/1.0.schema.json')), []);
  });
});

describe('registry $ref: across files', () => {
  it('resolves a relative ref into a shared definitions file and validates through it', () => {
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': ORDER, '_common/money.schema.json': MONEY });
    assert.deepEqual(registry.problems(file('OrderPlaced/1.0.schema.json')), []);
    assert.deepEqual(registry.validateData('OrderPlaced', '1.0', validOrder), []);
    const findings = registry.validateData('OrderPlaced', '1.0', { ...validOrder, total: { amount: '10' } });
    assert.deepEqual(findings?.map((f) => [f.path, f.message]), [
      [['total'], 'data.total is missing required property "currency" (OrderPlaced 1.0, schemas/OrderPlaced/1.0.schema.json)'],
      [['total', 'amount'], 'data.total.amount must be a number (OrderPlaced 1.0, schemas/OrderPlaced/1.0.schema.json)'],
    ]);
  });

  it('resolves refs from a YAML schema into a JSON file and from a draft-07 schema into a 2020-12 file', () => {
    const yaml = 'x-event:\n  type: RefundIssued\n  version: "1.0"\n$schema: http://json-schema.org/draft-07/schema#\ntype: object\nproperties:\n  amount:\n    $ref: ../_common/money.schema.json#/$defs/Money\n';
    const registry = registryWith({ 'RefundIssued/1.0.schema.yaml': yaml, '_common/money.schema.json': MONEY });
    assert.deepEqual(registry.problems(file('RefundIssued/1.0.schema.yaml')), []);
    assert.equal(registry.validateData('RefundIssued', '1.0', { amount: { amount: 1 } })?.length, 1);
  });

  it('follows refs between shared files (transitively)', () => {
    const price = json({ $defs: { Price: { type: 'object', properties: { money: { $ref: 'money.schema.json#/$defs/Money' } }, required: ['money'] } } });
    const order = orderPlaced({ $ref: '../_common/price.schema.json#/$defs/Price' });
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': order, '_common/price.schema.json': price, '_common/money.schema.json': MONEY });
    assert.deepEqual(registry.problems(file('OrderPlaced/1.0.schema.json')), []);
    assert.equal(registry.validateData('OrderPlaced', '1.0', { ...validOrder, total: { money: { amount: 1 } } })?.[0].message.startsWith('data.total.money is missing required property "currency"'), true);
  });

  it('resolves an absolute ref through a file\'s $id', () => {
    const money = json({ $id: 'https://example.com/schemas/money', $defs: { Money: { type: 'number' } } });
    const order = orderPlaced({ $ref: 'https://example.com/schemas/money#/$defs/Money' });
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': order, '_common/money.schema.json': money });
    assert.deepEqual(registry.problems(file('OrderPlaced/1.0.schema.json')), []);
    assert.equal(registry.validateData('OrderPlaced', '1.0', { ...validOrder, total: 'x' })?.length, 1);
  });

  it('reports schema/unresolved-ref for a missing file, naming the path it looked for', () => {
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': ORDER });
    const problems = registry.problems(file('OrderPlaced/1.0.schema.json'));
    assert.deepEqual(codes(problems), ['schema/unresolved-ref']);
    assert.deepEqual(problems[0].range, rangeOf(ORDER, '"../_common/money.schema.json#/$defs/Money"'));
    assert.match(problems[0].message, /schemas\/_common\/money\.schema\.json/);
  });

  it('reports schema/unresolved-ref for a missing fragment in another file', () => {
    const order = orderPlaced({ $ref: '../_common/money.schema.json#/$defs/Cash' });
    const problems = registryWith({ 'OrderPlaced/1.0.schema.json': order, '_common/money.schema.json': MONEY }).problems(file('OrderPlaced/1.0.schema.json'));
    assert.deepEqual(codes(problems), ['schema/unresolved-ref']);
    assert.match(problems[0].message, /schemas\/_common\/money\.schema\.json has nothing at #\/\$defs\/Cash/);
  });

  it('reports a remote ref as unresolved: Eventline never downloads', () => {
    const order = orderPlaced({ $ref: 'https://example.com/money.json' });
    const problems = registryWith({ 'OrderPlaced/1.0.schema.json': order }).problems(file('OrderPlaced/1.0.schema.json'));
    assert.deepEqual(codes(problems), ['schema/unresolved-ref']);
    assert.match(problems[0].message, /never downloads/);
  });

  it('reports compile-failed at the $ref when a referenced file is broken, and recovers when it is fixed', () => {
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': ORDER, '_common/money.schema.json': '{ "$defs": { "Money": ' });
    assert.ok(codes(registry.problems(file('_common/money.schema.json'))).every((code) => code === 'json/syntax-error'));
    const problems = registry.problems(file('OrderPlaced/1.0.schema.json'));
    assert.deepEqual(codes(problems), ['schema/compile-failed']);
    assert.deepEqual(problems[0].range, rangeOf(ORDER, '"../_common/money.schema.json#/$defs/Money"'));
    assert.match(problems[0].message, /schemas\/_common\/money\.schema\.json, which has errors/);
    assert.equal(registry.validateData('OrderPlaced', '1.0', validOrder), undefined);
    registry.setFile(file('_common/money.schema.json'), MONEY);
    assert.deepEqual(registry.problems(file('OrderPlaced/1.0.schema.json')), []);
    assert.deepEqual(registry.validateData('OrderPlaced', '1.0', validOrder), []);
  });
});

describe('registry $ref: cycles', () => {
  it('reports a pure in-file ref cycle on each $ref of the loop, and does not compile it', () => {
    const text = orderPlaced({ $ref: '#/$defs/A' }, { $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } } });
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': text });
    const cycles = registry.problems(file('OrderPlaced/1.0.schema.json')).filter((p) => p.code === 'schema/ref-cycle');
    assert.deepEqual(cycles.map((p) => p.range), [rangeOf(text, '"#/$defs/B"'), rangeOf(text, '"#/$defs/A"', 1)]);
    assert.match(cycles[0].message, /#\/\$defs\/A → #\/\$defs\/B → #\/\$defs\/A/);
    assert.equal(registry.validateData('OrderPlaced', '1.0', validOrder), undefined);
  });

  it('reports a self-reference at the root ({"$ref": "#"}) and a loop through allOf', () => {
    const self = json({ 'x-event': { type: 'LoopFound', version: '1.0' }, $ref: '#' });
    assert.deepEqual(codes(registryWith({ 'LoopFound/1.0.schema.json': self }).problems(file('LoopFound/1.0.schema.json'))), ['schema/ref-cycle']);
    const viaAllOf = json({ 'x-event': { type: 'LoopFound', version: '1.0' }, allOf: [{ $ref: '#/$defs/X' }], $defs: { X: { allOf: [{ $ref: '#' }] } } });
    assert.ok(codes(registryWith({ 'LoopFound/1.0.schema.json': viaAllOf }).problems(file('LoopFound/1.0.schema.json'))).includes('schema/ref-cycle'));
  });

  it('reports a cycle across two shared files in both, and the event schema using them cannot compile', () => {
    const a = json({ $defs: { A: { $ref: 'b.schema.json#/$defs/B' } } });
    const b = json({ $defs: { B: { $ref: 'a.schema.json#/$defs/A' } } });
    const order = orderPlaced({ $ref: '../_common/a.schema.json#/$defs/A' });
    const registry = registryWith({ '_common/a.schema.json': a, '_common/b.schema.json': b, 'OrderPlaced/1.0.schema.json': order });
    assert.deepEqual(codes(registry.problems(file('_common/a.schema.json'))), ['schema/ref-cycle']);
    assert.deepEqual(codes(registry.problems(file('_common/b.schema.json'))), ['schema/ref-cycle']);
    assert.match(registry.problems(file('_common/a.schema.json'))[0].message, /schemas\/_common\/b\.schema\.json#\/\$defs\/B/);
    assert.deepEqual(codes(registry.problems(file('OrderPlaced/1.0.schema.json'))), ['schema/compile-failed']);
    assert.equal(registry.validateData('OrderPlaced', '1.0', validOrder), undefined);
  });

  it('accepts a genuinely recursive schema (a tree) and validates deep data without overflowing', () => {
    const text = json({
      'x-event': { type: 'CategoryTreeImported', version: '1.0' },
      $ref: '#/$defs/Node',
      $defs: { Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } }, required: ['name'] } },
    });
    const registry = registryWith({ 'CategoryTreeImported/1.0.schema.json': text });
    assert.deepEqual(registry.problems(file('CategoryTreeImported/1.0.schema.json')), []);
    let tree: Record<string, unknown> = { name: 'leaf' };
    for (let i = 0; i < 120; i++) tree = { name: `n${i}`, children: [tree] };
    assert.deepEqual(registry.validateData('CategoryTreeImported', '1.0', tree), []);
    const broken = { name: 'root', children: [{ children: [] }] };
    assert.deepEqual(registry.validateData('CategoryTreeImported', '1.0', broken)?.map((f) => f.path), [['children', 0]]);
  });
});

describe('registry: compile failures', () => {
  it('reports schema/compile-failed with ajv\'s message for an invalid regular expression', () => {
    const text = orderPlaced({ type: 'string', pattern: '([a-z' });
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': text });
    const problems = registry.problems(file('OrderPlaced/1.0.schema.json'));
    assert.deepEqual(codes(problems), ['schema/compile-failed']);
    assert.deepEqual(problems[0].range, rangeOf(text, '"([a-z"'));
    assert.match(problems[0].message, /Invalid regular expression/);
    assert.equal(registry.validateData('OrderPlaced', '1.0', validOrder), undefined);
  });
});

describe('registry: change propagation', () => {
  it('editing a referenced file returns its dependants, bumps their generation and changes validateData', () => {
    const price = json({ $defs: { Price: { $ref: 'money.schema.json#/$defs/Money' } } });
    const registry = registryWith({
      '_common/money.schema.json': MONEY,
      '_common/price.schema.json': price,
      'OrderPlaced/1.0.schema.json': orderPlaced({ $ref: '../_common/price.schema.json#/$defs/Price' }),
      'PaymentCaptured/1.0.schema.json': json({ 'x-event': { type: 'PaymentCaptured', version: '1.0' }, type: 'object' }),
    });
    assert.deepEqual(registry.validateData('OrderPlaced', '1.0', validOrder), []);
    const generation = registry.generationOf('OrderPlaced');
    const unrelated = registry.generationOf('PaymentCaptured');

    const changed = registry.setFile(file('_common/money.schema.json'), MONEY.replace('"type": "number"', '"type": "integer"'));
    assert.deepEqual(changed, [file('OrderPlaced/1.0.schema.json'), file('_common/money.schema.json'), file('_common/price.schema.json')]);
    assert.ok(registry.generationOf('OrderPlaced') > generation);
    assert.equal(registry.generationOf('PaymentCaptured'), unrelated);
    assert.deepEqual(registry.typesAffectedBy(file('_common/money.schema.json')), ['OrderPlaced']);
    const findings = registry.validateData('OrderPlaced', '1.0', { ...validOrder, total: { amount: 10.5, currency: 'EUR' } });
    assert.equal(findings?.[0].message, 'data.total.amount must be an integer (OrderPlaced 1.0, schemas/OrderPlaced/1.0.schema.json)');
  });

  it('a file appearing later resolves a ref that was unresolved', () => {
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': ORDER });
    assert.deepEqual(codes(registry.problems(file('OrderPlaced/1.0.schema.json'))), ['schema/unresolved-ref']);
    const changed = registry.setFile(file('_common/money.schema.json'), MONEY);
    assert.ok(changed.includes(file('OrderPlaced/1.0.schema.json')));
    assert.deepEqual(registry.problems(file('OrderPlaced/1.0.schema.json')), []);
    assert.deepEqual(registry.validateData('OrderPlaced', '1.0', validOrder), []);
  });

  it('removing a referenced file makes the ref unresolved again and reports the dependants', () => {
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': ORDER, '_common/money.schema.json': MONEY });
    assert.deepEqual(registry.validateData('OrderPlaced', '1.0', validOrder), []);
    const changed = registry.removeFile(file('_common/money.schema.json'));
    assert.deepEqual(changed, [file('OrderPlaced/1.0.schema.json'), file('_common/money.schema.json')]);
    assert.deepEqual(codes(registry.problems(file('OrderPlaced/1.0.schema.json'))), ['schema/unresolved-ref']);
    assert.equal(registry.validateData('OrderPlaced', '1.0', validOrder), undefined);
  });

  it('renaming a type (x-event.type) reports both the old and the new type as affected', () => {
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': ORDER, '_common/money.schema.json': MONEY });
    const old = registry.generationOf('OrderPlaced');
    registry.setFile(file('OrderPlaced/1.0.schema.json'), ORDER.replace('"type": "OrderPlaced"', '"type": "OrderSubmitted"'));
    assert.deepEqual(registry.typesAffectedBy(file('OrderPlaced/1.0.schema.json')), ['OrderPlaced', 'OrderSubmitted']);
    assert.ok(registry.generationOf('OrderPlaced') > old);
    assert.deepEqual(registry.eventTypes(), ['OrderSubmitted']);
    // A removed file still names the types it declared, so event files using them are revalidated.
    registry.removeFile(file('OrderPlaced/1.0.schema.json'));
    assert.deepEqual(registry.typesAffectedBy(file('OrderPlaced/1.0.schema.json')), ['OrderSubmitted']);
    assert.deepEqual(registry.eventTypes(), []);
  });

  it('editing one schema recompiles only it: an unrelated schema keeps its validator', () => {
    const other = json({ 'x-event': { type: 'PaymentCaptured', version: '1.0' }, type: 'object', properties: { id: { type: 'string' } } });
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': ORDER, '_common/money.schema.json': MONEY, 'PaymentCaptured/1.0.schema.json': other });
    registry.validateData('PaymentCaptured', '1.0', {});
    const changed = registry.setFile(file('OrderPlaced/1.0.schema.json'), ORDER.replace('"partitionKey": "/customerId"', '"partitionKey": "/orderId"'));
    assert.deepEqual(changed, [file('OrderPlaced/1.0.schema.json')]);
    assert.deepEqual(registry.typesAffectedBy(file('OrderPlaced/1.0.schema.json')), ['OrderPlaced']);
    assert.equal(registry.get('OrderPlaced', '1.0')?.partitionKey, '/orderId');
  });

  it('setting the same text again changes nothing', () => {
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': ORDER, '_common/money.schema.json': MONEY });
    const generation = registry.generationOf('OrderPlaced');
    assert.deepEqual(registry.setFile(file('_common/money.schema.json'), MONEY), [file('_common/money.schema.json')]);
    assert.equal(registry.generationOf('OrderPlaced'), generation);
  });
});

describe('registry $ref: targets that are not schemas', () => {
  it('reports a ref pointing at a string as unresolved', () => {
    const text = orderPlaced({ $ref: '#/x-event/type' });
    const problems = registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json'));
    assert.deepEqual(codes(problems), ['schema/unresolved-ref']);
    assert.match(problems[0].message, /#\/x-event\/type in this file is a string, not a schema/);
    assert.deepEqual(problems[0].range, rangeOf(text, '"#/x-event/type"'));
  });

  it('reports a network-path reference (//host/...) as outside the workspace', () => {
    const problems = registryWith({ 'OrderPlaced/1.0.schema.json': orderPlaced({ $ref: '//example.com/money.json' }) }).problems(file('OrderPlaced/1.0.schema.json'));
    assert.match(problems[0].message, /never downloads/);
  });
});
