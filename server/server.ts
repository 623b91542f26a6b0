// The language server's wiring: LSP events in, core Workspace calls, diagnostics out. Every
// feature is a thin map over core (DESIGN §2); this file only connects them. The CLI's
// `eventline lsp --stdio` calls startServer too, so its signature stays stable.
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { CodeActions } from './features/codeActions';
import { Hovers } from './features/hover';
import { ChangeScheduler } from './scheduler';
import { EditLog } from './editLog';
import { Folders } from './folders';
import { connectionLogger, guarded } from './logger';
import { StatusNotification, type StatusParams } from './protocol';
import { DiagnosticsPublisher } from './publisher';
import { SettingsCache } from './settings';
import { pathToUri, uriToPath } from './uri';

export function startServer(connection: Connection): void {
  const log = connectionLogger(connection);
  const documents = new TextDocuments(TextDocument);
  const editLog = new EditLog();
  /** Open editor documents by absolute path (the editor's URI spelling is kept for publishing). */
  const openUris = new Map<string, string>();
  const settings = new SettingsCache(connection);
  const folders = new Folders(log);
  const publisher = new DiagnosticsPublisher(connection, folders, settings, log, (file) => openUris.get(file));
  const codeActions = new CodeActions(documents, folders, log);
  const hovers = new Hovers(documents, folders, log);
  let initialFolders: WorkspaceFolder[] = [];
  let folderEvents = false;
  let pushConfigChanges = false;

  const sendStatus = (state: StatusParams['state'], message?: string) =>
    void connection.sendNotification(StatusNotification.type, { state, files: guarded(log, 'counting files', () => folders.files().length, 0), message });

  /** Loads folders from disk, one at a time with a pause between them, then publishes everything. */
  const loadFolders = async (roots: { root: string; uri: string }[]) => {
    sendStatus('loading');
    let failed = 0;
    for (const { root, uri } of roots) {
      const folder = folders.add(root, uri);
      void settings.get(folder.uri);
      if (!folders.load(folder)) failed++;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await publisher.republishAll();
    sendStatus(failed > 0 ? 'failed' : 'ready', failed > 0 ? 'Eventline could not load a workspace folder: see the output channel.' : undefined);
  };

  const scheduler = new ChangeScheduler(
    (file) => {
      const uri = openUris.get(file);
      const document = uri ? documents.get(uri) : undefined;
      const folder = folders.forFile(file);
      const change = editLog.take(file);
      if (!document || !folder?.workspace) return [];
      const workspace = folder.workspace;
      return guarded(
        log,
        `updating ${file}`,
        () => (Array.isArray(change) ? workspace.applyEdits(file, change) : workspace.setText(file, document.getText())),
        [file],
      );
    },
    (files) => void publisher.markDirty(files),
  );

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    initialFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    if (initialFolders.length === 0 && params.rootPath) initialFolders = [{ uri: pathToUri(params.rootPath), name: 'root' }];
    const workspace = params.capabilities.workspace;
    settings.canPull = workspace?.configuration === true;
    folderEvents = workspace?.workspaceFolders === true;
    pushConfigChanges = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    codeActions.configure(params.capabilities);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'eventline' },
    };
  });

  connection.onInitialized(() => {
    if (pushConfigChanges) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'eventline' });
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) {
          const root = uriToPath(removed.uri);
          if (root && folders.remove(root)) publisher.clearUnder(root);
        }
        void loadFolders(toRoots(event.added));
      });
    }
    void loadFolders(toRoots(initialFolders));
  });

  documents.onDidOpen((event) => {
    const file = uriToPath(event.document.uri);
    if (!file) return;
    openUris.set(file, event.document.uri);
    editLog.whole(file);
  });

  // Fires on open too: the buffer may differ from the disk.
  documents.onDidChangeContent((event) => {
    const file = uriToPath(event.document.uri);
    if (!file) return;
    openUris.set(file, event.document.uri);
    const folder = folders.forFile(file);
    scheduler.schedule(file, settings.peek(folder?.uri).debounceMs);
  });

  // The buffer is gone: what counts now is the disk.
  documents.onDidClose((event) => {
    const file = uriToPath(event.document.uri);
    if (!file) return;
    scheduler.cancel(file);
    editLog.forget(file);
    const workspace = folders.forFile(file)?.workspace;
    if (!workspace) return;
    const changed = guarded(log, `rereading ${file}`, () => workspace.reread(file), [file]);
    // Keep the URI until this publication, so diagnostics reach the spelling the editor used.
    void publisher.markDirty(changed).finally(() => {
      if (!documents.get(event.document.uri)) openUris.delete(file);
    });
  });

  connection.onDidChangeWatchedFiles((params) => {
    const changed: string[] = [];
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      // An open file follows its editor buffer, not the disk.
      if (!file || openUris.has(file)) continue;
      const workspace = folders.forFile(file)?.workspace;
      if (!workspace) continue;
      const deleted = change.type === FileChangeType.Deleted;
      changed.push(...guarded(log, `${deleted ? 'removing' : 'rereading'} ${file}`, () => (deleted ? workspace.remove(file) : workspace.reread(file)), [file]));
    }
    void publisher.markDirty(changed);
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    for (const folder of folders.all()) void settings.get(folder.uri);
    void publisher.republishAll();
  });

  connection.onCodeAction((params) => codeActions.provide(params).catch((error: unknown) => {
    log.error('computing code actions failed', error);
    return [];
  }));

  connection.onHover((params) => hovers.provide(params));

  connection.onShutdown(() => scheduler.dispose());

  documents.listen(editLog.tap(connection));
  connection.listen();
}

function toRoots(folders: readonly WorkspaceFolder[]): { root: string; uri: string }[] {
  return folders.flatMap((folder) => {
    const root = uriToPath(folder.uri);
    return root ? [{ root, uri: folder.uri }] : [];
  });
}
