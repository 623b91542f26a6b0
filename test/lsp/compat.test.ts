// Compatibility over LSP: a breaking edit to a minor version is reported at the property that
// broke it, a change on disk to the previous version revalidates the newer one, and the quick fix
// "Publish as 2.0" moves the breaking text to a new major and restores (git) or removes the minor.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspSession, serveDuringSuite, tempWorkspace } from './support/session';

const S = { type: 'string' };

function orderPlaced(version: string, properties: Record<string, unknown>, required: string[]): string {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'OrderPlaced',
    description: 'A customer placed an order.',
    'x-event': { type: 'OrderPlaced', version, kind: 'domain', source: 'order-service' },
    type: 'object',
    properties,
    required,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const v10 = orderPlaced('1.0', { orderId: S }, ['orderId']);
const v11 = orderPlaced('1.1', { orderId: S, note: S }, ['orderId']);
/** 1.1 edited in the editor: a new required property breaks BACKWARD (FULL is the default mode). */
const v11Breaking = orderPlaced('1.1', { orderId: S, note: S, currency: S }, ['orderId', 'currency']);

/** The range of the key `"name"` on the line that declares it as an object property. */
function keyRange(text: string, name: string) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(`"${name}": {`));
  assert.ok(line >= 0, `${name} not declared`);
  const character = lines[line].indexOf(`"${name}"`);
  return { start: { line, character }, end: { line, character: character + name.length + 2 } };
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const resourceOperations = { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } };

describe('language server: compatibility between versions', () => {
  const ws = tempWorkspace({ 'schemas/OrderPlaced/1.0.schema.json': v10, 'schemas/OrderPlaced/1.1.schema.json': v11 });
  const file10 = ws.path('schemas/OrderPlaced/1.0.schema.json');
  const file11 = ws.path('schemas/OrderPlaced/1.1.schema.json');
  let lsp!: LspSession;
  serveDuringSuite(ws, { settings: { debounceMs: 20 } }, (session) => (lsp = session));

  it('reports a required property added in the editor at that property of 1.1', async () => {
    await lsp.waitFor(file11, (p) => p.diagnostics.length === 0);
    await lsp.open(file11, v11);
    const opened = lsp.diagnostics(file11)!.count;
    await lsp.change(file11, [{ text: v11Breaking }]);
    const { diagnostics } = await lsp.waitForNext(file11, opened, (p) => p.diagnostics.length > 0);
    assert.deepEqual(codes(diagnostics), ['compat/breaking-change']);
    assert.deepEqual(diagnostics[0].range, keyRange(v11Breaking, 'currency'));
    assert.match(messageOf(diagnostics[0]), /'currency' .*breaks BACKWARD compatibility with OrderPlaced 1\.0.*publish it as 2\.0/);
    // The previous version itself is untouched.
    assert.deepEqual(lsp.diagnostics(file10)?.diagnostics, []);
  });

  it('revalidates the open 1.1 when 1.0 changes on disk (a watched-file change)', async () => {
    const before = lsp.diagnostics(file11)!.count;
    // 1.0 already requiring currency makes 1.1's requirement nothing new.
    writeFileSync(file10, orderPlaced('1.0', { orderId: S, currency: S }, ['orderId', 'currency']));
    await lsp.filesChanged([{ file: file10, type: 2 }]);
    const cleared = await lsp.waitForNext(file11, before, (p) => p.diagnostics.length === 0);
    assert.deepEqual(cleared.diagnostics, []);
    // And back: 1.0 without currency breaks 1.1 again, at the same place.
    const again = lsp.diagnostics(file11)!.count;
    writeFileSync(file10, v10);
    await lsp.filesChanged([{ file: file10, type: 2 }]);
    const { diagnostics } = await lsp.waitForNext(file11, again, (p) => p.diagnostics.length > 0);
    assert.deepEqual(codes(diagnostics), ['compat/breaking-change']);
    assert.deepEqual(diagnostics[0].range, keyRange(v11Breaking, 'currency'));
  });

  it('offers no "Publish as" fix to a client that cannot create and delete files', async () => {
    const { diagnostics } = lsp.diagnostics(file11)!;
    const actions = await codeActionsAt(lsp, file11, diagnostics);
    assert.deepEqual(actions, []);
  });
});

/** Requests code actions for the file at the first diagnostic's range. */
function codeActionsAt(lsp: LspSession, file: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  return lsp.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: new URL(`file://${file}`).href },
    range: diagnostics[0].range,
    context: { diagnostics },
  });
}

/**
 * Applies a WorkspaceEdit the way an editor does: created files are written and announced as
 * watched-file changes, the open minor's buffer is edited then saved, a deleted file is closed,
 * removed and announced. `buffers` holds the open documents' texts.
 */
async function applyEdit(lsp: LspSession, edit: WorkspaceEdit, buffers: Map<string, string>): Promise<void> {
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'rename') assert.fail('unexpected rename');
      const file = fileURLToPath(change.uri);
      if (change.kind === 'create') {
        assert.equal(existsSync(file), false, `create must not overwrite ${file}`);
        writeFileSync(file, '');
        await lsp.filesChanged([{ file, type: 1 }]);
      } else {
        if (buffers.delete(file)) await lsp.close(file);
        rmSync(file);
        await lsp.filesChanged([{ file, type: 3 }]);
      }
      continue;
    }
    const documentEdit = change as TextDocumentEdit;
    const file = fileURLToPath(documentEdit.textDocument.uri);
    const open = buffers.has(file);
    let text = open ? buffers.get(file)! : readFileSync(file, 'utf8');
    for (const e of documentEdit.edits) {
      assert.ok('newText' in e, 'plain text edits only');
      text = replaceRange(text, e.range, e.newText);
    }
    writeFileSync(file, text);
    if (open) {
      buffers.set(file, text);
      await lsp.change(file, [{ text }]);
    } else await lsp.filesChanged([{ file, type: 2 }]);
  }
}

function replaceRange(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(range.start)) + newText + text.slice(offset(range.end));
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'ignore' });
}

for (const tracked of [true, false]) {
  describe(`language server: "Publish as 2.0" (${tracked ? 'minor tracked by git: restored' : 'no git: minor removed'})`, () => {
    const ws = tempWorkspace({ 'schemas/OrderPlaced/1.0.schema.json': v10, 'schemas/OrderPlaced/1.1.schema.json': v11 });
    const file10 = ws.path('schemas/OrderPlaced/1.0.schema.json');
    const file11 = ws.path('schemas/OrderPlaced/1.1.schema.json');
    const file20 = ws.path('schemas/OrderPlaced/2.0.schema.json');
    const buffers = new Map<string, string>();
    let lsp: LspSession;
    before(async () => {
      if (tracked) {
        git(ws.root, 'init', '-q');
        git(ws.root, 'add', '.');
        git(ws.root, 'commit', '-q', '-m', 'OrderPlaced 1.0 and 1.1');
        // The breaking edit was saved too: HEAD, not the disk, is what gets restored.
        writeFileSync(file11, v11Breaking);
      }
      lsp = await LspSession.start([ws.root], { settings: { debounceMs: 20 }, workspaceCapabilities: resourceOperations });
    });
    after(async () => {
      await lsp.stop();
      ws.dispose();
    });

    it('offers the fix on the breaking change, applies it, and the workspace re-checks clean', async () => {
      assert.deepEqual(lsp.initializeResult?.capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
      await lsp.waitFor(file10, () => true);
      await lsp.open(file11, v11);
      buffers.set(file11, v11);
      await lsp.waitFor(file11, () => true);
      const opened = lsp.diagnostics(file11)!.count;
      await lsp.change(file11, [{ text: v11Breaking }]);
      buffers.set(file11, v11Breaking);
      const { diagnostics } = await lsp.waitForNext(file11, opened, (p) => p.diagnostics.length > 0);
      assert.deepEqual(codes(diagnostics), ['compat/breaking-change']);

      const actions = await codeActionsAt(lsp, file11, diagnostics);
      assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Publish as 2.0', 'quickfix']]);
      assert.deepEqual(actions[0].diagnostics, diagnostics);
      const edit = actions[0].edit!;
      const kinds = edit.documentChanges!.map((c) => ('kind' in c ? `${c.kind} ${fileURLToPath(c.kind === 'rename' ? c.oldUri : c.uri)}` : `edit ${fileURLToPath((c as TextDocumentEdit).textDocument.uri)}`));
      assert.deepEqual(kinds, [`create ${file20}`, `edit ${file20}`, tracked ? `edit ${file11}` : `delete ${file11}`]);

      const before20 = lsp.diagnostics(file20)?.count ?? 0;
      const before11 = lsp.diagnostics(file11)!.count;
      await applyEdit(lsp, edit, buffers);

      // 2.0 holds the breaking schema with its own version, and only the upcaster note.
      assert.equal(readFileSync(file20, 'utf8'), v11Breaking.replace('"version": "1.1"', '"version": "2.0"'));
      // (Publications in between show the edit half-applied: an empty file, then 1.1 still there.)
      const settled = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.length === 1 && /'currency'/.test(messageOf(p.diagnostics[0]));
      const published20 = await lsp.waitForNext(file20, before20, settled);
      assert.deepEqual(codes(published20.diagnostics), ['compat/upcaster-needed']);
      assert.match(messageOf(published20.diagnostics[0]), new RegExp(`OrderPlaced 2\\.0 starts a new major version, so consumers reading events written as ${tracked ? '1\\.1' : '1\\.0'} need an upcaster.*'currency'`));

      // 1.1 is back to its committed (compatible) text, or gone; 1.0 is as before.
      const published11 = await lsp.waitForNext(file11, before11, (p) => p.diagnostics.length === 0);
      assert.deepEqual(published11.diagnostics, []);
      if (tracked) assert.equal(readFileSync(file11, 'utf8'), v11);
      else assert.equal(existsSync(file11), false);
      assert.equal(readFileSync(file10, 'utf8'), v10);
      assert.deepEqual(lsp.diagnostics(file10)?.diagnostics, []);
    });
  });
}
