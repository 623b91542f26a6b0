// Schema-file rules of the registry: syntax, dialects, meta-schema, x-event, layout, duplicates.
// Texts are in memory (setFile); expected ranges are found by searching the text, so each
// assertion names the exact node it expects.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Problem } from '../../core/types';
import { file, json, registryWith } from '../fixtures/registry/memoryRegistry';
import { rangeOf } from '../support/text';


function only(problems: Problem[], code: string): Problem {
  const matching = problems.filter((p) => p.code === code);
  assert.equal(matching.length, 1, `expected one ${code}, got ${JSON.stringify(problems.map((p) => p.code))}`);
  return matching[0];
}


function orderPlaced(overrides: Record<string, unknown> = {}, xEvent: Record<string, unknown> = {}): string {
  return json({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'OrderPlaced',
    'x-event': { type: 'OrderPlaced', version: '1.0', kind: 'domain', source: 'order-service', partitionKey: '/customerId', ...xEvent },
    type: 'object',
    properties: { orderId: { type: 'string' }, customerId: { type: 'string' }, totalAmount: { type: 'number' } },
    required: ['orderId', 'customerId', 'totalAmount'],
    ...overrides,
  });
}

describe('schema registry: valid schemas', () => {
  it('indexes a clean JSON schema by type and version with its x-event facts', () => {
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': orderPlaced() });
    assert.deepEqual(registry.problems(file('OrderPlaced/1.0.schema.json')), []);
    assert.deepEqual(registry.eventTypes(), ['OrderPlaced']);
    const schema = registry.get('OrderPlaced', '1.0');
    assert.equal(schema?.kind, 'domain');
    assert.equal(schema?.source, 'order-service');
    assert.equal(schema?.partitionKey, '/customerId');
    assert.equal(schema?.title, 'OrderPlaced');
    assert.equal(schema?.major, 1);
    assert.equal(schema?.file, file('OrderPlaced/1.0.schema.json'));
  });

  it('reads YAML schemas (.schema.yaml and .schema.yml)', () => {
    const yaml = [
      '$schema: http://json-schema.org/draft-07/schema#',
      'x-event:',
      '  type: PaymentCaptured',
      '  version: "1.1"',
      'type: object',
      'properties:',
      '  paymentId: { type: string }',
      '',
    ].join('\n');
    const registry = registryWith({ 'PaymentCaptured/1.1.schema.yaml': yaml, 'PaymentCaptured/1.0.schema.yml': yaml.replace('"1.1"', '"1.0"') });
    assert.deepEqual(registry.problems(file('PaymentCaptured/1.1.schema.yaml')), []);
    assert.deepEqual(registry.versions('PaymentCaptured'), ['1.0', '1.1']);
  });

  it('orders versions numerically (1.2 before 1.10 before 2.0)', () => {
    const texts: Record<string, string> = {};
    for (const v of ['2.0', '1.10', '1.2']) texts[`OrderPlaced/${v}.schema.json`] = orderPlaced({}, { version: v });
    assert.deepEqual(registryWith(texts).versions('OrderPlaced'), ['1.2', '1.10', '2.0']);
  });

  it('treats a missing $schema as 2020-12 (prefixItems is understood)', () => {
    const text = json({ 'x-event': { type: 'PairRecorded', version: '1.0' }, type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] });
    const registry = registryWith({ 'PairRecorded/1.0.schema.json': text });
    assert.deepEqual(registry.problems(file('PairRecorded/1.0.schema.json')), []);
    assert.deepEqual(registry.validateData('PairRecorded', '1.0', ['a', 1]), []);
    assert.equal(registry.validateData('PairRecorded', '1.0', ['a', 'b'])?.[0].message.startsWith('data[1] must be a number'), true);
  });

  it('accepts the draft-07 URI with or without its trailing #', () => {
    for (const uri of ['http://json-schema.org/draft-07/schema#', 'http://json-schema.org/draft-07/schema']) {
      const registry = registryWith({ 'OrderPlaced/1.0.schema.json': orderPlaced({ $schema: uri }) });
      assert.deepEqual(registry.problems(file('OrderPlaced/1.0.schema.json')), [], uri);
    }
  });
});

describe('schema registry: syntax and dialect', () => {
  it('reports json/syntax-error where the JSON breaks', () => {
    const text = '{\n  "x-event": { "type": "OrderPlaced", "version": "1.0" },\n  "type": "object",,\n}\n';
    const problems = registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json'));
    assert.ok(problems.length > 0 && problems.every((p) => p.code === 'json/syntax-error'));
    assert.deepEqual(problems[0].range.start, { line: 2, character: 19 });
  });

  it('reports yaml/syntax-error for a broken YAML schema', () => {
    const text = 'x-event:\n  type: OrderPlaced\n  type: Again\n';
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.yaml': text }).problems(file('OrderPlaced/1.0.schema.yaml')), 'yaml/syntax-error');
    assert.equal(problem.range.start.line, 2);
  });

  it('reports an empty file instead of ignoring it', () => {
    const problems = registryWith({ 'OrderPlaced/1.0.schema.yaml': '' }).problems(file('OrderPlaced/1.0.schema.yaml'));
    assert.equal(problems[0].code, 'yaml/syntax-error');
  });

  it('reports schema/unknown-dialect at the $schema value and compiles nothing', () => {
    const text = orderPlaced({ $schema: 'http://json-schema.org/draft-04/schema#' });
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': text });
    const problem = only(registry.problems(file('OrderPlaced/1.0.schema.json')), 'schema/unknown-dialect');
    assert.deepEqual(problem.range, rangeOf(text, '"http://json-schema.org/draft-04/schema#"'));
    assert.match(problem.message, /draft-07.*2020-12/);
    assert.equal(registry.validateData('OrderPlaced', '1.0', {}), undefined);
    assert.deepEqual(registry.eventTypes(), ['OrderPlaced']); // the type exists; its data is not validated
  });

  it('reports json/too-deep for a YAML alias that contains itself', () => {
    const text = 'x-event: { type: OrderPlaced, version: "1.0" }\nproperties: &loop\n  a:\n    properties: *loop\n';
    const problems = registryWith({ 'OrderPlaced/1.0.schema.yaml': text }).problems(file('OrderPlaced/1.0.schema.yaml'));
    assert.deepEqual(problems.map((p) => p.code), ['json/too-deep']);
  });

  it('reports json/too-deep for JSON nested beyond 256 levels', () => {
    const text = `{"x-event": {"type": "OrderPlaced", "version": "1.0"}, "default": ${'['.repeat(300)}${']'.repeat(300)}}`;
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json')), 'json/too-deep');
    // The root object is level 1, so the 256th bracket is level 257.
    assert.equal(problem.range.start.character, text.indexOf('[') + 255);
  });
});

describe('schema registry: meta-schema validation', () => {
  it('reports an invalid type keyword at its value (2020-12)', () => {
    const text = orderPlaced({ properties: { orderId: { type: 'strng' }, customerId: { type: 'string' } } });
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json')), 'schema/invalid-json-schema');
    assert.deepEqual(problem.range, rangeOf(text, '"strng"'));
    assert.match(problem.message, /"properties\.orderId\.type" must be one of .*"string".*2020-12/);
  });

  it('reports the deepest offending node (an array of types with one bad entry, draft-07)', () => {
    const text = orderPlaced({ $schema: 'http://json-schema.org/draft-07/schema#', properties: { orderId: { type: ['string', 'nul'] }, customerId: { type: 'string' } } });
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json')), 'schema/invalid-json-schema');
    assert.deepEqual(problem.range, rangeOf(text, '"nul"'));
    assert.match(problem.message, /draft-07/);
  });

  it('reports a keyword of the wrong type (required as a string) in YAML', () => {
    const text = 'x-event:\n  type: OrderPlaced\n  version: "1.0"\ntype: object\nrequired: orderId\n';
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.yaml': text }).problems(file('OrderPlaced/1.0.schema.yaml')), 'schema/invalid-json-schema');
    assert.deepEqual(problem.range, rangeOf(text, 'orderId'));
    assert.match(problem.message, /"required" must be an array/);
  });
});

describe('schema registry: x-event', () => {
  it('reports schema/missing-x-event at the $schema key, not the whole file', () => {
    const text = json({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' });
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json')), 'schema/missing-x-event');
    assert.deepEqual(problem.range, rangeOf(text, '"$schema"'));
    assert.match(problem.message, /"type": "OrderPlaced", "version": "1.0"/);
  });

  it('reports missing-x-event at the opening brace when there is no head key', () => {
    const text = '{ "properties": {} }';
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json')), 'schema/missing-x-event');
    assert.deepEqual(problem.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  });

  it('reports unknown keys at the key and wrong types at the value (schema/invalid-x-event)', () => {
    const text = orderPlaced({}, { owner: 'team-a', source: 42 });
    const problems = registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json')).filter((p) => p.code === 'schema/invalid-x-event');
    assert.deepEqual(problems.map((p) => p.range), [rangeOf(text, '42'), rangeOf(text, '"owner"')]);
    assert.ok(problems.some((p) => /Unknown key "owner"/.test(p.message)));
  });

  it('reports a missing type at the x-event key, suggesting the folder name', () => {
    const text = json({ 'x-event': { version: '1.0' }, type: 'object' });
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json')), 'schema/invalid-x-event');
    assert.deepEqual(problem.range, rangeOf(text, '"x-event"'));
    assert.match(problem.message, /"type": "OrderPlaced"/);
  });

  it('reports a numeric version as invalid-x-event, telling the user to quote it', () => {
    const text = 'x-event:\n  type: OrderPlaced\n  version: 1.0\ntype: object\n';
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.yaml': text }).problems(file('OrderPlaced/1.0.schema.yaml')), 'schema/invalid-x-event');
    assert.deepEqual(problem.range, rangeOf(text, '1.0'));
    assert.match(problem.message, /quote it/);
  });

  it('reports schema/invalid-version for a version that is not MAJOR.MINOR', () => {
    const text = orderPlaced({}, { version: '1.0.0' });
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json')), 'schema/invalid-version');
    assert.deepEqual(problem.range, rangeOf(text, '"1.0.0"'));
  });

  it('reports schema/invalid-kind', () => {
    const text = orderPlaced({}, { kind: 'business' });
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json')), 'schema/invalid-kind');
    assert.deepEqual(problem.range, rangeOf(text, '"business"'));
    assert.match(problem.message, /domain.*integration.*system/);
  });

  it('reports an unknown compatibility mode as invalid-x-event', () => {
    const text = orderPlaced({}, { compatibility: 'FULLY' });
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json')), 'schema/invalid-x-event');
    assert.deepEqual(problem.range, rangeOf(text, '"FULLY"'));
    assert.equal(registryWith({ 'OrderPlaced/1.0.schema.json': orderPlaced({}, { compatibility: 'BACKWARD_TRANSITIVE' }) }).get('OrderPlaced', '1.0')?.compatibility, 'BACKWARD_TRANSITIVE');
  });

  it('reports schema/invalid-partition-key for a dotted path, suggesting the pointer', () => {
    const text = orderPlaced({}, { partitionKey: 'customer.id' });
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json')), 'schema/invalid-partition-key');
    assert.deepEqual(problem.range, rangeOf(text, '"customer.id"'));
    assert.match(problem.message, /"\/customer\/id"/);
  });

  it('reports schema/partition-key-not-found when no property matches', () => {
    const text = orderPlaced({}, { partitionKey: '/customer' });
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json')), 'schema/partition-key-not-found');
    assert.deepEqual(problem.range, rangeOf(text, '"/customer"'));
  });

  it('finds partition keys through nested properties, local $refs and allOf', () => {
    const text = json({
      'x-event': { type: 'OrderPlaced', version: '1.0', partitionKey: '/customer/id' },
      allOf: [{ $ref: '#/$defs/Base' }],
      $defs: { Base: { type: 'object', properties: { customer: { $ref: '#/$defs/Customer' } } }, Customer: { type: 'object', properties: { id: { type: 'string' } } } },
    });
    assert.deepEqual(registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json')), []);
  });
});

describe('schema registry: layout', () => {
  it('reports schema/type-path-mismatch at x-event.type', () => {
    const text = orderPlaced({}, { type: 'OrderPlacd' });
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json')), 'schema/type-path-mismatch');
    assert.deepEqual(problem.range, rangeOf(text, '"OrderPlacd"'));
    assert.match(problem.message, /folder name "OrderPlaced"/);
  });

  it('reports schema/version-path-mismatch at x-event.version', () => {
    const text = orderPlaced({}, { version: '1.1' });
    const problem = only(registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json')), 'schema/version-path-mismatch');
    assert.deepEqual(problem.range, rangeOf(text, '"1.1"'));
  });

  it('reports schema/misplaced-file with the path the file should have, and still indexes it', () => {
    const text = orderPlaced();
    const registry = registryWith({ 'orders/OrderPlaced.schema.json': text });
    const problem = only(registry.problems(file('orders/OrderPlaced.schema.json')), 'schema/misplaced-file');
    assert.equal(problem.severity, 'warning');
    assert.deepEqual(problem.range, rangeOf(text, '"OrderPlaced"', 1));
    assert.match(problem.message, /OrderPlaced\/1\.0\.schema\.json/);
    assert.deepEqual(registry.versions('OrderPlaced'), ['1.0']);
  });

  it('treats files under a folder starting with _ as shared definitions: no x-event needed, not an event type', () => {
    const text = json({ $defs: { Money: { type: 'object' } } });
    const registry = registryWith({ '_common/money.schema.json': text });
    assert.deepEqual(registry.problems(file('_common/money.schema.json')), []);
    assert.deepEqual(registry.eventTypes(), []);
  });

  it('meta-validates shared definitions and warns when one carries an x-event block', () => {
    const text = json({ 'x-event': { type: 'Money', version: '1.0' }, $defs: { Money: { type: 'objekt' } } });
    const problems = registryWith({ '_common/money.schema.json': text }).problems(file('_common/money.schema.json'));
    assert.deepEqual(problems.map((p) => p.code), ['schema/misplaced-file', 'schema/invalid-json-schema']);
    assert.deepEqual(problems[0].range, rangeOf(text, '"x-event"'));
  });

  it('reports schema/duplicate-version on both files, each naming the other', () => {
    const jsonText = orderPlaced();
    const yamlText = 'x-event:\n  type: OrderPlaced\n  version: "1.0"\ntype: object\n';
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': jsonText, 'OrderPlaced/1.0.schema.yaml': yamlText });
    const a = only(registry.problems(file('OrderPlaced/1.0.schema.json')), 'schema/duplicate-version');
    const b = only(registry.problems(file('OrderPlaced/1.0.schema.yaml')), 'schema/duplicate-version');
    assert.deepEqual(a.range, rangeOf(jsonText, '"1.0"'));
    assert.deepEqual(b.range, rangeOf(yamlText, '"1.0"'));
    assert.match(a.message, /schemas\/OrderPlaced\/1\.0\.schema\.yaml/);
    assert.match(b.message, /schemas\/OrderPlaced\/1\.0\.schema\.json/);
    assert.deepEqual(a.related?.[0].range, rangeOf(yamlText, '"1.0"'));
    // The first by path is used for validation.
    assert.equal(registry.get('OrderPlaced', '1.0')?.file, file('OrderPlaced/1.0.schema.json'));
  });

  it('clears duplicate-version on the remaining file when the other is removed', () => {
    const registry = registryWith({ 'OrderPlaced/1.0.schema.json': orderPlaced(), 'OrderPlaced/1.0.schema.yaml': 'x-event:\n  type: OrderPlaced\n  version: "1.0"\n' });
    assert.equal(registry.problems(file('OrderPlaced/1.0.schema.json')).length, 1);
    const changed = registry.removeFile(file('OrderPlaced/1.0.schema.yaml'));
    assert.ok(changed.includes(file('OrderPlaced/1.0.schema.json')));
    assert.deepEqual(registry.problems(file('OrderPlaced/1.0.schema.json')), []);
    assert.deepEqual(registry.files(), [file('OrderPlaced/1.0.schema.json')]);
  });

  it('sorts problems by position', () => {
    const text = orderPlaced({ properties: { orderId: { type: 'strng' } } }, { kind: 'business', version: '1.1' });
    const problems = registryWith({ 'OrderPlaced/1.0.schema.json': text }).problems(file('OrderPlaced/1.0.schema.json'));
    const starts = problems.map((p) => p.range.start.line * 1000 + p.range.start.character);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    assert.ok(problems.length >= 3);
  });
});
