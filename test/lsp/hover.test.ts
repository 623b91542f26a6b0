// Hover over LSP in a schema file: the content model at `additionalProperties`, and the version's
// compatibility status at `x-event.version`, at exact positions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspSession, serveDuringSuite, tempWorkspace } from './support/session';

function schema(version: string, properties: Record<string, unknown>, required: string[], extra: Record<string, unknown> = {}): string {
  const value = { title: 'OrderPlaced', description: 'A customer placed an order.', 'x-event': { type: 'OrderPlaced', version, kind: 'domain', source: 'order-service' }, type: 'object', properties, required, ...extra };
  return `${JSON.stringify(value, null, 2)}\n`;
}

const S = { type: 'string' };
const v10 = schema('1.0', { orderId: S }, ['orderId']);
const v11 = schema('1.1', { orderId: S, currency: S }, ['orderId', 'currency'], { additionalProperties: false });

/** The position of `needle`'s first character, plus `shift`. */
function positionOf(text: string, needle: string, shift = 1) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} not found`);
  return { line, character: lines[line].indexOf(needle) + shift };
}

describe('language server: hover in schema files', () => {
  const ws = tempWorkspace({ 'eventline.json': '{ "compatibility": "BACKWARD" }\n', 'schemas/OrderPlaced/1.0.schema.json': v10, 'schemas/OrderPlaced/1.1.schema.json': v11 });
  const file11 = ws.path('schemas/OrderPlaced/1.1.schema.json');
  let lsp!: LspSession;
  serveDuringSuite(ws, { settings: { debounceMs: 20 } }, (session) => (lsp = session));

  const hover = async (position: { line: number; character: number }) => {
    const result = await lsp.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: pathToFileURL(file11).href }, position });
    assert.ok(result, 'no hover');
    const contents = result.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    return contents.value;
  };

  it('advertises hoverProvider', () => {
    assert.equal(lsp.initializeResult?.capabilities.hoverProvider, true);
  });

  it('explains the closed content model at "additionalProperties"', async () => {
    await lsp.waitFor(file11, (p) => p.diagnostics.length > 0);
    await lsp.open(file11, v11);
    const text = await hover(positionOf(v11, '"additionalProperties"', 3));
    assert.match(text, /^\*\*Content model: closed\*\* \(`additionalProperties` is false\)\. This object rejects every property the schema does not name/);
    assert.match(text, /Under the \*\*lenient\*\* policy and mode \*\*BACKWARD\*\* \(from eventline\.json `compatibility`\):/);
    assert.match(text, /- Adding an optional property: allowed in a minor version under BACKWARD/);
    assert.match(text, /- Removing an optional property: \*\*breaking\*\* under BACKWARD/);
  });

  it('shows the mode, the version checked against and the breaking change at "x-event.version"', async () => {
    const text = await hover(positionOf(v11, '"version"', 2));
    assert.match(text, /^\*\*OrderPlaced 1\.1\*\*: compatibility mode \*\*BACKWARD\*\* \(from eventline\.json `compatibility`\), policy \*\*lenient\*\*/);
    assert.match(text, /Checked \(BACKWARD\) against 1\.0 \(the previous version\)\./);
    const line = positionOf(v11, '"currency": {').line + 1;
    assert.match(text, new RegExp(`\\*\\*Not compatible\\*\\*: 1 breaking change:\\n- line ${line}: .*'currency'.* breaks BACKWARD compatibility with OrderPlaced 1\\.0$`));
  });

  it('returns nothing on a plain string property', async () => {
    const result = await lsp.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: pathToFileURL(file11).href }, position: positionOf(v11, '"orderId": {', 2) });
    assert.equal(result, null);
  });
});
