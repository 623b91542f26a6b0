// validateData: the hot path. Findings' paths are relative to data, messages name the schema.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { json, registryWith } from '../fixtures/registry/memoryRegistry';

const LABEL = '(OrderPlaced 1.0, schemas/OrderPlaced/1.0.schema.json)';

const ORDER = json({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  'x-event': { type: 'OrderPlaced', version: '1.0' },
  type: 'object',
  properties: {
    orderId: { type: 'string', format: 'uuid' },
    totalAmount: { type: 'number', minimum: 0 },
    status: { enum: ['new', 'paid'] },
    shippingAddress: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
    items: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'integer' } } } },
    'odd key': { type: 'boolean' },
    note: { type: ['string', 'null'] },
  },
  required: ['orderId', 'totalAmount'],
});

const registry = registryWith({ 'OrderPlaced/1.0.schema.json': ORDER });
const valid = { orderId: '0b8a4f9c-2f5e-4e0a-9d4b-6c1f3a2b7e10', totalAmount: 99.99 };

describe('validateData', () => {
  it('returns no findings for valid data', () => {
    assert.deepEqual(registry.validateData('OrderPlaced', '1.0', valid), []);
  });

  it('returns undefined for an unknown type or version', () => {
    assert.equal(registry.validateData('OrderShipped', '1.0', valid), undefined);
    assert.equal(registry.validateData('OrderPlaced', '9.0', valid), undefined);
  });

  it('names the property, the expected type and the schema', () => {
    const findings = registry.validateData('OrderPlaced', '1.0', { ...valid, totalAmount: '99.99' });
    assert.deepEqual(findings, [{ code: 'envelope/data-invalid', message: `data.totalAmount must be a number ${LABEL}`, path: ['totalAmount'] }]);
  });

  it('points a missing required property at its parent and names it', () => {
    const findings = registry.validateData('OrderPlaced', '1.0', { ...valid, shippingAddress: {} });
    assert.deepEqual(findings, [{ code: 'envelope/data-invalid', message: `data.shippingAddress is missing required property "city" ${LABEL}`, path: ['shippingAddress'], target: 'key', data: { missingProperty: 'city' } }]);
    const atRoot = registry.validateData('OrderPlaced', '1.0', { totalAmount: 1 });
    assert.deepEqual(atRoot?.map((f) => [f.path, f.message]), [[[], `data is missing required property "orderId" ${LABEL}`]]);
  });

  it('points an additional property at its key', () => {
    const findings = registry.validateData('OrderPlaced', '1.0', { ...valid, shippingAddress: { city: 'Oslo', zip: 1 } });
    assert.deepEqual(findings, [{ code: 'envelope/data-invalid', message: `data.shippingAddress.zip is not allowed: the schema declares no such property ${LABEL}`, path: ['shippingAddress', 'zip'], target: 'key', data: { additionalProperty: 'zip' } }]);
  });

  it('uses array indexes and quoted odd keys in paths and messages', () => {
    const findings = registry.validateData('OrderPlaced', '1.0', { ...valid, items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 1.5 }], 'odd key': 'yes' });
    assert.deepEqual(findings?.map((f) => [f.path, f.message]), [
      [['items', 1, 'qty'], `data.items[1].qty must be an integer ${LABEL}`],
      [['odd key'], `data["odd key"] must be a boolean ${LABEL}`],
    ]);
  });

  it('keeps a property named "0" a name, not an index', () => {
    const text = json({ 'x-event': { type: 'ScoresRecorded', version: '1.0' }, type: 'object', properties: { '0': { type: 'string' } } });
    const findings = registryWith({ 'ScoresRecorded/1.0.schema.json': text }).validateData('ScoresRecorded', '1.0', { '0': 5 });
    assert.deepEqual(findings?.[0].path, ['0']);
  });

  it('explains enum, format, minimum and multi-type failures', () => {
    const findings = registry.validateData('OrderPlaced', '1.0', { orderId: 'not-a-uuid', totalAmount: -1, status: 'gone', note: 3 });
    assert.deepEqual(findings?.map((f) => f.message), [
      `data.orderId must be a valid uuid ${LABEL}`,
      `data.totalAmount must be >= 0 ${LABEL}`,
      `data.status must be one of "new", "paid" ${LABEL}`,
      `data.note must be a string or null ${LABEL}`,
    ]);
  });

  it('reports every problem (allErrors) but caps them at 20 per event', () => {
    const items = Array.from({ length: 50 }, () => ({ qty: 'x' }));
    const findings = registry.validateData('OrderPlaced', '1.0', { ...valid, items });
    assert.equal(findings?.length, 20);
    assert.deepEqual(findings?.[19].path, ['items', 19, 'qty']);
  });

  it('validates against YAML and draft-07 schemas alike', () => {
    const yaml = '$schema: http://json-schema.org/draft-07/schema#\nx-event:\n  type: EmailSent\n  version: "2.0"\ntype: object\nproperties:\n  to: { type: string, format: email }\nrequired: [to]\n';
    const yamlRegistry = registryWith({ 'EmailSent/2.0.schema.yaml': yaml });
    assert.deepEqual(yamlRegistry.validateData('EmailSent', '2.0', { to: 'a@example.com' }), []);
    assert.equal(yamlRegistry.validateData('EmailSent', '2.0', { to: 'nobody' })?.[0].message, 'data.to must be a valid email (EmailSent 2.0, schemas/EmailSent/2.0.schema.yaml)');
  });

  it('returns undefined (no validator) for a schema that fails its meta-schema', () => {
    const broken = registryWith({ 'OrderPlaced/1.0.schema.json': ORDER.replace('"type": "number"', '"type": "numbr"') });
    assert.equal(broken.validateData('OrderPlaced', '1.0', valid), undefined);
    assert.deepEqual(broken.versions('OrderPlaced'), ['1.0']);
  });

  it('a schema that constrains nothing accepts any data', () => {
    const loose = registryWith({ 'ThingHappened/1.0.schema.json': json({ 'x-event': { type: 'ThingHappened', version: '1.0' } }) });
    assert.deepEqual(loose.validateData('ThingHappened', '1.0', { anything: [1, 2] }), []);
    assert.deepEqual(loose.validateData('ThingHappened', '1.0', 'a string'), []);
  });
});
