// `eventline lsp --stdio`: the CLI starts the real language server, which any LSP client can drive.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { cliPath, ensureBuilt, repoRoot } from './runCli';

describe('eventline lsp --stdio', () => {
  it('initializes, publishes diagnostics for closed files of the workspace, and exits on request', async () => {
    ensureBuilt();
    const workspace = join(repoRoot, 'examples', 'shop-broken');
    const child = spawn(process.execPath, [cliPath, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = once(child, 'exit');
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const target = join(workspace, 'events', 'uuid-v1-ids.events.jsonl');
    const published = new Promise<Diagnostic[]>((resolve) => {
      connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
        if (fileURLToPath(params.uri) === target && params.diagnostics.length > 0) resolve(params.diagnostics);
      });
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    try {
      const init = await connection.sendRequest<{ capabilities: { textDocumentSync?: unknown } }>('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(workspace).href,
        workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'shop-broken' }],
        capabilities: { workspace: { configuration: true, workspaceFolders: true } },
      });
      assert.ok(init.capabilities.textDocumentSync !== undefined, 'the server declares document sync');
      await connection.sendNotification('initialized', {});
      const diagnostics = await withTimeout(published, 30_000, 'no diagnostics for uuid-v1-ids.events.jsonl');
      const uuid = diagnostics.find((d) => d.code === 'envelope/event-id-not-uuid-v4');
      assert.ok(uuid, JSON.stringify(diagnostics));
      // Manifest: line 1, column 12 (1-based) -> LSP 0-based line 0, character 11.
      assert.deepEqual(uuid.range.start, { line: 0, character: 11 });
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const [code] = await withTimeout(exited, 10_000, 'the server did not exit after shutdown + exit');
      assert.equal(code, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([promise, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]).finally(() => clearTimeout(timer));
}
