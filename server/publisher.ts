// Publishes diagnostics for files marked dirty, one file at a time, yielding to the event loop
// between files so a big workspace never stops the server from answering requests. Problems are
// read when a file's turn comes, so the latest text always wins and no stale result is sent.
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { internalErrorDiagnostic, toDiagnostics } from './diagnostics';
import { isInside, type Folders } from './folders';
import type { Logger } from './logger';
import type { SettingsCache } from './settings';
import { pathToUri } from './uri';

/** Work for at most this long before letting other messages through. */
const sliceMs = 15;

export class DiagnosticsPublisher {
  private readonly dirty = new Set<string>();
  /** Files last published with at least one diagnostic, and the URI used. */
  private readonly shown = new Map<string, string>();
  private pumping: Promise<void> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly folders: Folders,
    private readonly settings: SettingsCache,
    private readonly log: Logger,
    /** The URI the editor uses for an open file, so diagnostics land on that exact document. */
    private readonly openUri: (file: string) => string | undefined,
  ) {}

  /** Queues files for (re)publication; resolves when the queue has drained. */
  markDirty(files: Iterable<string>): Promise<void> {
    for (const file of files) this.dirty.add(file);
    return this.drain();
  }

  /** Republishes every known file and clears files that are no longer known. */
  republishAll(): Promise<void> {
    return this.markDirty([...this.folders.files(), ...this.shown.keys()]);
  }

  /** Clears the diagnostics of every file below `root` (a removed workspace folder). */
  clearUnder(root: string): void {
    for (const [file, uri] of this.shown) {
      if (isInside(file, root)) {
        this.dirty.delete(file);
        this.shown.delete(file);
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
  }

  /** Resolves once nothing is queued. */
  drain(): Promise<void> {
    if (!this.pumping) {
      this.pumping = this.pump().finally(() => {
        this.pumping = undefined;
      });
    }
    return this.pumping;
  }

  get shownCount(): number {
    return this.shown.size;
  }

  private async pump(): Promise<void> {
    let sliceStart = Date.now();
    while (this.dirty.size > 0) {
      const file: string = this.dirty.values().next().value as string;
      this.dirty.delete(file);
      try {
        await this.publish(file);
      } catch (error) {
        this.log.error(`publishing diagnostics for ${file} failed`, error);
      }
      if (Date.now() - sliceStart >= sliceMs) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
    }
  }

  private async publish(file: string): Promise<void> {
    const folder = this.folders.forFile(file);
    let diagnostics: Diagnostic[] = [];
    if (folder?.workspace) {
      const enabled = (await this.settings.get(folder.uri)).validate.enable;
      // The workspace may have been replaced while the settings were pulled: read it again.
      const workspace = folder.workspace;
      if (enabled && workspace) {
        try {
          diagnostics = toDiagnostics(workspace.problems(file));
        } catch (error) {
          this.log.error(`validating ${file} failed`, error);
          diagnostics = [internalErrorDiagnostic(error)];
        }
      }
    }
    const uri = this.openUri(file) ?? this.shown.get(file) ?? pathToUri(file);
    if (diagnostics.length > 0) this.shown.set(file, uri);
    else this.shown.delete(file);
    await this.connection.sendDiagnostics({ uri, diagnostics });
  }
}
