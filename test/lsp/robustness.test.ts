// Hostile input over the real server: every file gets diagnostics, nothing crashes or hangs, and
// the server still answers requests and validates new documents afterwards.
import assert from 'node:assert/strict';
import { openSync, writeSync, closeSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { LspSession, serveDuringSuite, tempWorkspace } from './support/session';

const okSchema = (type: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    'x-event': { type, version: '1.0', kind: 'domain' },
    type: 'object',
    properties: { id: { type: 'string' } },
    ...extra,
  });

describe('language server: malformed input', () => {
  const ws = tempWorkspace({
    'events/broken.event.json': '{"eventId": "0b6f3c5e-8d1a-4f2b-9c3d-2e4f5a6b7c8d", "eventType": ',
    'events/deep.event.json': '['.repeat(200_000),
    'events/deep-object.events.jsonl': '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000) + '\n',
    'events/many.events.jsonl': '{ nope\n'.repeat(3000),
    'schemas/Cycle/1.0.schema.json': okSchema('Cycle', { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } }, properties: { id: { $ref: '#/$defs/a' } } }),
    'schemas/Dialect/1.0.schema.json': okSchema('Dialect', { $schema: 'https://example.com/my-own-dialect' }),
    'schemas/Deep/1.0.schema.json': '{"x":'.repeat(100_000),
    'schemas/Yaml/1.0.schema.yaml': 'x-event:\n  type: Yaml\n  version: "1.0\n  kind: [domain\n',
  });
  // 50 MB: one line holding an unterminated string, written in chunks.
  const huge = ws.path('events/huge.events.jsonl');
  before(() => {
    const fd = openSync(huge, 'w');
    writeSync(fd, '{"eventId": "');
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 50; i++) writeSync(fd, chunk);
    closeSync(fd);
  });
  let lsp!: LspSession;
  serveDuringSuite(ws, { settings: { debounceMs: 10 } }, (session) => (lsp = session));

  const expectations: [string, string][] = [
    ['events/broken.event.json', 'json/syntax-error'],
    ['events/deep.event.json', 'json/too-deep'],
    ['events/deep-object.events.jsonl', 'json/too-deep'],
    ['events/huge.events.jsonl', 'json/syntax-error'],
    ['schemas/Cycle/1.0.schema.json', 'schema/ref-cycle'],
    ['schemas/Dialect/1.0.schema.json', 'schema/unknown-dialect'],
    ['schemas/Deep/1.0.schema.json', 'json/too-deep'],
    ['schemas/Yaml/1.0.schema.yaml', 'yaml/syntax-error'],
  ];
  for (const [rel, code] of expectations) {
    it(`reports ${code} for ${rel}`, async () => {
      const { diagnostics } = await lsp.waitFor(ws.path(rel), (p) => p.diagnostics.length > 0, 60_000);
      assert.ok(
        diagnostics.some((d) => d.code === code),
        `expected ${code}, got ${diagnostics.map((d) => d.code).join(', ')}`,
      );
    });
  }

  it('caps a file with thousands of problems at 1000 diagnostics plus a note', async () => {
    const { diagnostics } = await lsp.waitFor(ws.path('events/many.events.jsonl'), (p) => p.diagnostics.length > 0);
    assert.equal(diagnostics.length, 1001);
    assert.equal(diagnostics[999].range.start.line, 999);
    assert.equal(diagnostics[1000].code, undefined);
    assert.match(diagnostics[1000].message as string, /first 1000 of 3000 problems/);
  });

  it('still answers requests and validates a new document afterwards', async () => {
    await lsp.ping();
    const file = ws.path('events/after.event.json');
    await lsp.open(file, '{"eventId": 42', 'json');
    const { diagnostics } = await lsp.waitFor(file, (p) => p.diagnostics.length > 0);
    assert.equal(diagnostics[0].code, 'json/syntax-error');
    assert.ok(lsp.alive);
    assert.deepEqual(
      lsp.logs.filter((l) => /uncaught|unhandled/i.test(l)),
      [],
    );
  });
});
