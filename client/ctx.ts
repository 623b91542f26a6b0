// The extension's context: owns the language client (start, restart, stop), the output channel
// and the status bar. Two cleanup lists, as in rust-analyzer: one for the extension's lifetime,
// one for the running client (cleared on every restart).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusNotification } from '../server/protocol';
import { Config, section } from './config';
import { documentSelector, eventlinePatterns } from './files';
import { StatusBar } from './statusBar';

export class Ctx implements vscode.Disposable {
  readonly config = new Config();
  readonly outputChannel = vscode.window.createOutputChannel('Eventline', { log: true });
  private readonly statusBar = new StatusBar();
  private client: LanguageClient | undefined;
  private readonly extCleanup: vscode.Disposable[] = [];
  private clientCleanup: vscode.Disposable[] = [];

  constructor(private readonly extension: vscode.ExtensionContext) {
    this.pushExtCleanup(this.outputChannel, this.statusBar);
    this.pushExtCleanup(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (this.config.needsRestart(event)) void this.restart();
      }),
    );
  }

  pushExtCleanup(...disposables: vscode.Disposable[]): void {
    this.extCleanup.push(...disposables);
  }

  pushClientCleanup(...disposables: vscode.Disposable[]): void {
    this.clientCleanup.push(...disposables);
  }

  get isRunning(): boolean {
    return this.client?.isRunning() ?? false;
  }

  async start(): Promise<void> {
    if (this.client) return;
    const module = this.extension.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const watchers = eventlinePatterns.map((pattern) => vscode.workspace.createFileSystemWatcher(pattern));
    this.pushClientCleanup(...watchers);
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      outputChannel: this.outputChannel,
      synchronize: { fileEvents: watchers, configurationSection: section },
    };
    // The id 'eventline' makes the client honour the `eventline.trace.server` setting.
    const client = new LanguageClient('eventline', 'Eventline', serverOptions, clientOptions);
    this.client = client;
    this.statusBar.setServerState('loading');
    this.pushClientCleanup(client.onNotification(StatusNotification.type, (status) => this.statusBar.setServerState(status.state, status.message)));
    try {
      await client.start();
    } catch (error) {
      this.statusBar.setServerState('stopped', String(error));
      throw error;
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const d of this.clientCleanup.splice(0)) d.dispose();
    if (client) {
      try {
        await client.stop();
      } catch (error) {
        this.outputChannel.error(`Stopping the Eventline language server failed: ${String(error)}`);
      }
    }
    this.statusBar.setServerState('stopped');
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  dispose(): void {
    for (const d of this.extCleanup.splice(0)) d.dispose();
  }
}
