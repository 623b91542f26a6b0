// A real language-server session for tests: spawns the built dist/server.js with --stdio and
// speaks LSP to it through vscode-languageserver-protocol's node connection.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type FileEvent,
  type ProtocolConnection,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { after, before } from 'node:test';
import { ensureServerBuilt } from './build';

export interface Published {
  diagnostics: Diagnostic[];
  /** How many times diagnostics were published for this file so far. */
  count: number;
}

export interface SessionOptions {
  /** What the server gets for workspace/configuration `eventline`. */
  settings?: Record<string, unknown>;
  /** Extra client capabilities under `workspace` (e.g. workspaceEdit for resource operations). */
  workspaceCapabilities?: Record<string, unknown>;
}

export class LspSession {
  readonly logs: string[] = [];
  initializeResult: { capabilities: Record<string, unknown>; serverInfo?: { name: string } } | undefined;
  private readonly published = new Map<string, Published>();
  private readonly waiters = new Set<() => void>();
  private readonly versions = new Map<string, number>();

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(folders: string[], options: SessionOptions = {}): Promise<LspSession> {
    const server = await ensureServerBuilt();
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr?.on('data', () => {});
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection);
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      const file = fileURLToPath(params.uri);
      const count = (session.published.get(file)?.count ?? 0) + 1;
      session.published.set(file, { diagnostics: params.diagnostics, count });
      for (const wake of [...session.waiters]) wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      session.logs.push(params.message);
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? {}));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    session.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
      workspaceFolders: folders.map((f, i) => ({ uri: pathToFileURL(f).href, name: `folder${i}` })),
      capabilities: { workspace: { configuration: true, workspaceFolders: true, ...options.workspaceCapabilities }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
    });
    await connection.sendNotification('initialized', {});
    return session;
  }

  /** The latest diagnostics published for a file (undefined: never published). */
  diagnostics(file: string): Published | undefined {
    return this.published.get(file);
  }

  /** Waits until the file's latest published diagnostics satisfy `ok`. */
  waitFor(file: string, ok: (p: Published) => boolean, timeoutMs = 15_000): Promise<Published> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const p = this.published.get(file);
        if (p && ok(p)) {
          this.waiters.delete(check);
          clearTimeout(timer);
          resolve(p);
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for diagnostics of ${file}; latest: ${JSON.stringify(this.published.get(file))}\nlogs:\n${this.logs.join('\n')}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Waits for a publication newer than `after` (a count from diagnostics()). */
  waitForNext(file: string, after: number, ok: (p: Published) => boolean = () => true, timeoutMs?: number): Promise<Published> {
    return this.waitFor(file, (p) => p.count > after && ok(p), timeoutMs);
  }

  open(file: string, text: string, languageId = 'json'): Promise<void> {
    this.versions.set(file, 1);
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(file).href, languageId, version: 1, text } });
  }

  change(file: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(file) ?? 1) + 1;
    this.versions.set(file, version);
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: pathToFileURL(file).href, version }, contentChanges: changes });
  }

  close(file: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: pathToFileURL(file).href } });
  }

  filesChanged(changes: { file: string; type: FileEvent['type'] }[]): Promise<void> {
    return this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map((c) => ({ uri: pathToFileURL(c.file).href, type: c.type })) });
  }

  /**
   * Proves the server still answers requests: an unknown method must come back as a
   * MethodNotFound error (-32601), not silence.
   */
  async ping(timeoutMs = 10_000): Promise<void> {
    const answer = this.connection.sendRequest('eventline/ping-from-test', {}).then(
      () => 'answered',
      (error: { code?: number }) => (error.code === -32601 ? 'answered' : `error ${String(error.code)}`),
    );
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    const result = await Promise.race([answer, timeout]);
    if (result !== 'answered') throw new Error(`server did not answer a request: ${result}\nlogs:\n${this.logs.join('\n')}`);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    try {
      if (this.alive) {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000).unref())]);
        await this.connection.sendNotification('exit');
      }
    } catch {
      // The process may already be gone; killing it below is enough.
    }
    this.connection.dispose();
    await new Promise<void>((resolve) => {
      if (!this.alive) return resolve();
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve();
      }, 3000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** A throw-away workspace folder: `files` maps relative paths to contents (string or bytes). */
export function tempWorkspace(files: Record<string, string | Uint8Array>): { root: string; path: (rel: string) => string; write: (rel: string, content: string | Uint8Array) => string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'eventline-lsp-'));
  const path = (rel: string) => join(root, ...rel.split('/'));
  const write = (rel: string, content: string | Uint8Array) => {
    const full = path(rel);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    return full;
  };
  for (const [rel, content] of Object.entries(files)) write(rel, content);
  return { root, path, write, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Runs a server on `ws` for the enclosing suite: started before its first test (handed to
 * `started`), stopped after its last one, and the workspace folder removed.
 */
export function serveDuringSuite(ws: { root: string; dispose: () => void }, options: SessionOptions, started: (session: LspSession) => void): void {
  let session: LspSession | undefined;
  before(async () => {
    session = await LspSession.start([ws.root], options);
    started(session);
  });
  after(async () => {
    await session?.stop();
    ws.dispose();
  });
}
