// Typed access to the `eventline.*` settings the client itself reads. The server pulls its own
// settings (server/protocol.ts); keys listed in `restartKeys` only take effect after a restart.
import * as vscode from 'vscode';

export const section = 'eventline';

/** Settings the running server cannot pick up by itself: changing one restarts it. */
export const restartKeys: readonly string[] = [];

export class Config {
  private get raw(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(section);
  }

  get validateEnabled(): boolean {
    return this.raw.get<boolean>('validate.enable', true);
  }

  get debounceMs(): number {
    return this.raw.get<number>('debounceMs', 200);
  }

  get traceServer(): 'off' | 'messages' | 'verbose' {
    return this.raw.get<'off' | 'messages' | 'verbose'>('trace.server', 'off');
  }

  /** True when `event` touches a setting that needs a server restart. */
  needsRestart(event: vscode.ConfigurationChangeEvent): boolean {
    return restartKeys.some((key) => event.affectsConfiguration(`${section}.${key}`));
  }
}
