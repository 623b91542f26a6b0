// The language server over stdio on envelope and schema files: start-up diagnostics for closed
// files, exact ranges and codes in an open document, incremental edits, and schema changes
// revalidating the event files that use the schema.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { LspSession, serveDuringSuite, tempWorkspace } from './support/session';

const schema = (required: string[]) =>
  JSON.stringify(
    {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'OrderPlaced',
      description: 'A customer placed an order.',
      'x-event': { type: 'OrderPlaced', version: '1.0', kind: 'domain', source: 'order-service' },
      type: 'object',
      properties: { orderId: { type: 'string' }, total: { type: 'number' } },
      required,
    },
    null,
    2,
  );

const event = (id: string, time: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ eventId: id, eventType: 'OrderPlaced', timestamp: time, version: '1.0', source: 'order-service', data, ...extra });

const ids = ['0b6f3c5e-8d1a-4f2b-9c3d-2e4f5a6b7c8d', '1c7a4d6f-9e2b-4a3c-8d4e-3f5a6b7c8d9e', '2d8b5e7a-af3c-4b4d-9e5f-4a6b7c8d9eaf'];
const good = event(ids[0], '2026-01-05T10:30:00Z', { orderId: 'o-1', total: 5 });
const missingOrderId = event(ids[1], '2026-01-05T10:31:00Z', { total: 7 });
const streamText = `${good}\n${missingOrderId}\n`;

/** Range of `needle` on a given line of text. */
function on(line: number, text: string, needle: string) {
  const character = text.split('\n')[line].indexOf(needle);
  assert.ok(character >= 0, `${needle} not on line ${line}`);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

describe('language server: envelopes and schemas', () => {
  const ws = tempWorkspace({ 'schemas/OrderPlaced/1.0.schema.json': schema(['orderId']), 'events/orders.events.jsonl': streamText });
  const orders = ws.path('events/orders.events.jsonl');
  const schemaFile = ws.path('schemas/OrderPlaced/1.0.schema.json');
  let lsp!: LspSession;
  serveDuringSuite(ws, { settings: { debounceMs: 20 } }, (session) => (lsp = session));

  it('validates closed event files at start-up: data against the schema of its type and version', async () => {
    const { diagnostics } = await lsp.waitFor(orders, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.source]),
      [['envelope/data-invalid', 1, 'eventline']],
    );
    assert.match(diagnostics[0].message as string, /orderId/);
    const schemaDiagnostics = await lsp.waitFor(schemaFile, () => true);
    assert.deepEqual(schemaDiagnostics.diagnostics, []);
  });

  it('publishes exact ranges and codes for an open document', async () => {
    const file = ws.path('events/new.events.jsonl');
    const text = `${good}\n${event('not-a-uuid', '2026-01-05T10:32:00Z', { orderId: 'o-2' })}\n${event(ids[2], 'yesterday', { orderId: 'o-3' })}\n`;
    await lsp.open(file, text, 'jsonl');
    const { diagnostics } = await lsp.waitFor(file, (p) => p.diagnostics.length >= 2);
    const shown = diagnostics.map((d) => ({ code: d.code, range: d.range }));
    assert.deepEqual(shown, [
      { code: 'envelope/event-id-not-uuid-v4', range: on(1, text, '"not-a-uuid"') },
      { code: 'envelope/invalid-timestamp', range: on(2, text, '"yesterday"') },
    ]);
  });

  it('follows incremental edits: a fix clears its problem, a broken new line reports at its line', async () => {
    const file = ws.path('events/new.events.jsonl');
    const before = lsp.diagnostics(file)!;
    const text = `${good}\n${event('not-a-uuid', '2026-01-05T10:32:00Z', { orderId: 'o-2' })}\n${event(ids[2], 'yesterday', { orderId: 'o-3' })}\n`;
    // Fix the id on line 1 (replace the bad id's characters only).
    const idRange = on(1, text, 'not-a-uuid');
    await lsp.change(file, [{ range: idRange, text: ids[1] }]);
    let published = await lsp.waitForNext(file, before.count, (p) => p.diagnostics.length === 1);
    assert.equal(published.diagnostics[0].code, 'envelope/invalid-timestamp');
    assert.equal(published.diagnostics[0].range.start.line, 2);
    // Insert a broken line at the top: the timestamp problem moves to line 3.
    await lsp.change(file, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '{"eventId": \n' }]);
    published = await lsp.waitForNext(file, published.count, (p) => p.diagnostics.length === 2);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line]),
      [
        ['json/syntax-error', 0],
        ['envelope/invalid-timestamp', 3],
      ],
    );
  });

  it('applies a burst of changes sent faster than the debounce, each against the text the previous one left', async () => {
    const file = ws.path('events/burst.events.jsonl');
    const text = `${good}\n${event(ids[1], '2026-01-05T10:31:00Z', { orderId: 'o-2' })}\n`;
    await lsp.open(file, text, 'jsonl');
    const opened = await lsp.waitFor(file, () => true);
    assert.deepEqual(opened.diagnostics, []);
    // Three notifications in a row (the server debounces them into one validation); the last
    // carries two changes. Net effect: line 1's id becomes a duplicate of line 0's, a third line
    // is appended with a bad timestamp, and a blank line is inserted at the top.
    await lsp.change(file, [{ range: on(1, text, ids[1]), text: ids[0] }]);
    await lsp.change(file, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: event(ids[2], 'soon', { orderId: 'o-3' }) }]);
    await lsp.change(file, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' },
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '' },
    ]);
    const published = await lsp.waitForNext(file, opened.count, (p) => p.diagnostics.length === 2);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line]),
      [
        ['stream/duplicate-event-id', 2],
        ['envelope/invalid-timestamp', 3],
      ],
    );
  });

  it('revalidates a closed event file when an open schema is edited', async () => {
    const before = lsp.diagnostics(orders)!;
    assert.equal(before.diagnostics.length, 1);
    const original = schema(['orderId']);
    await lsp.open(schemaFile, original);
    const requiredLine = original.split('\n').findIndex((l) => l.includes('"orderId"') && !l.includes('{'));
    const lineText = original.split('\n')[requiredLine];
    await lsp.change(schemaFile, [{ range: { start: { line: requiredLine, character: 0 }, end: { line: requiredLine, character: lineText.length } }, text: '' }]);
    const published = await lsp.waitForNext(orders, before.count, (p) => p.diagnostics.length === 0);
    assert.deepEqual(published.diagnostics, []);
    // Closing the schema without saving brings the disk version (orderId required) back.
    await lsp.close(schemaFile);
    const reverted = await lsp.waitForNext(orders, published.count, (p) => p.diagnostics.length === 1);
    assert.equal(reverted.diagnostics[0].code, 'envelope/data-invalid');
  });

  it('revalidates event files when a schema changes on disk (file watcher)', async () => {
    const before = lsp.diagnostics(orders)!;
    writeFileSync(schemaFile, schema([]));
    await lsp.filesChanged([{ file: schemaFile, type: 2 }]);
    const published = await lsp.waitForNext(orders, before.count, (p) => p.diagnostics.length === 0);
    assert.deepEqual(published.diagnostics, []);
  });

  it('reports an unknown event type until a schema for it appears on disk', async () => {
    const file = ws.write('events/shipped.event.json', JSON.stringify({ eventId: ids[2], eventType: 'OrderShipped', timestamp: '2026-01-05T10:40:00Z', version: '1.0', source: 'order-service', data: {} }, null, 2));
    await lsp.filesChanged([{ file, type: 1 }]);
    let published = await lsp.waitFor(file, (p) => p.diagnostics.some((d) => d.code === 'envelope/unknown-event-type'));
    const shippedSchema = ws.write('schemas/OrderShipped/1.0.schema.json', schema([]).replace(/OrderPlaced/g, 'OrderShipped').replace('A customer placed an order.', 'The order left the warehouse.'));
    await lsp.filesChanged([{ file: shippedSchema, type: 1 }]);
    published = await lsp.waitForNext(file, published.count, (p) => !p.diagnostics.some((d) => d.code === 'envelope/unknown-event-type'));
    assert.deepEqual(published.diagnostics, []);
    await lsp.ping();
  });
});
