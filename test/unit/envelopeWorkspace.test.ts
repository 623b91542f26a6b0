// Envelope validation through the real workspace and schema registry on a temporary folder.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Workspace } from '../../core/workspace/workspace';

const ID1 = '3f1c2b9e-7d4a-4c1e-9b2f-5a6d7e8f9a0b';
const ID2 = 'a6f0c1d2-1b2c-4d3e-8f40-5a6b7c8d9e0f';

function schema(version: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'OrderPlaced',
    description: 'A customer placed an order.',
    'x-event': { type: 'OrderPlaced', version, kind: 'domain', source: 'order-service', partitionKey: '/orderId' },
    type: 'object',
    properties: { orderId: { type: 'string' }, totalAmount: { type: 'number', minimum: 0 }, ...extra },
    required: ['orderId', 'totalAmount'],
  }, null, 2);
}

function event(overrides: Record<string, unknown> = {}) {
  return JSON.stringify({ eventId: ID1, eventType: 'OrderPlaced', timestamp: '2026-01-05T10:30:00Z', version: '1.0', source: 'order-service', data: { orderId: 'o-1', totalAmount: 5 }, ...overrides });
}

const roots: string[] = [];
after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function workspace(files: Record<string, string>): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'eventline-envelope-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return Workspace.load(root);
}

describe('envelope validation in a workspace', () => {
  it('validates JSONL data against the registry schema, with ranges inside the line', () => {
    const ws = workspace({
      'schemas/OrderPlaced/1.0.schema.json': schema('1.0'),
      'schemas/OrderPlaced/1.1.schema.json': schema('1.1', { note: { type: 'string' } }),
      'events/orders.events.jsonl': `${event()}\n${event({ eventId: ID2, data: { orderId: 'o-2', totalAmount: -1 } })}\n${event({ eventId: ID2, version: '2.0' })}\n`,
    });
    const file = join(ws.root, 'events/orders.events.jsonl');
    const problems = ws.problems(file);
    const line1 = event({ eventId: ID2, data: { orderId: 'o-2', totalAmount: -1 } });
    const data = problems.find((p) => p.code === 'envelope/data-invalid');
    assert.ok(data, JSON.stringify(problems));
    assert.equal(data.range.start.line, 1);
    assert.equal(data.range.start.character, line1.indexOf('"totalAmount":-1') + '"totalAmount":'.length);
    const version = problems.find((p) => p.code === 'envelope/unknown-version');
    assert.equal(version?.range.start.line, 2);
    assert.match(version!.message, /1\.0, 1\.1/);
    assert.ok(problems.some((p) => p.code === 'stream/duplicate-event-id' && p.range.start.line === 2));
  });

  it('revalidates an event file when a schema it uses changes', () => {
    const ws = workspace({
      'schemas/OrderPlaced/1.0.schema.json': schema('1.0'),
      'events/one.event.json': event({ data: { orderId: 'o-1' } }),
    });
    const file = join(ws.root, 'events/one.event.json');
    assert.deepEqual(ws.problems(file).map((p) => p.code), ['envelope/data-invalid']);
    const schemaFile = join(ws.root, 'schemas/OrderPlaced/1.0.schema.json');
    const changed = ws.setText(schemaFile, schema('1.0').replace('"orderId",\n    "totalAmount"', '"orderId"'));
    assert.ok(changed.includes(file));
    assert.deepEqual(ws.problems(file), []);
  });

  it('validates CloudEvents when eventline.json selects them', () => {
    const ws = workspace({
      'eventline.json': JSON.stringify({ envelope: 'cloudevents' }),
      'schemas/OrderPlaced/1.0.schema.json': schema('1.0'),
      'events/ce.events.json': JSON.stringify([
        { specversion: '1.0', id: 'a', source: '/order-service', type: 'com.shop.OrderPlaced', dataschema: 'schemas/OrderPlaced/1.0.schema.json', data: { orderId: 'o', totalAmount: 1 } },
        { specversion: '1.0', id: 'b', source: '/order-service', type: 'com.shop.OrderPlaced', data: { orderId: 'o', totalAmount: 1 } },
      ], null, 2),
    });
    const file = join(ws.root, 'events/ce.events.json');
    const problems = ws.problems(file);
    // Placed on the second event's "type" value.
    const lines = ws.config.envelope === 'cloudevents' ? readFileSync(file, 'utf8').split('\n') : [];
    const typeLine = lines.findIndex((l, i) => i > lines.findIndex((x) => x.includes('"id": "b"')) && l.includes('"type"'));
    assert.deepEqual(problems.map((p) => [p.code, p.range.start.line]), [['cloudevents/missing-version', typeLine]]);
  });
});
