// The status-bar item: Eventline's error and warning counts over the whole workspace, counted
// from the diagnostics VS Code holds (source 'eventline'), so it always agrees with the Problems
// panel. A click opens that panel.
import * as vscode from 'vscode';
import type { StatusParams } from '../server/protocol';

export const diagnosticSource = 'eventline';

export interface Counts {
  errors: number;
  warnings: number;
}

export function countEventlineDiagnostics(all: readonly [vscode.Uri, readonly vscode.Diagnostic[]][]): Counts {
  const counts: Counts = { errors: 0, warnings: 0 };
  for (const [, diagnostics] of all) {
    for (const d of diagnostics) {
      if (d.source !== diagnosticSource) continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
    }
  }
  return counts;
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('eventline.status', vscode.StatusBarAlignment.Left, 10);
  private server: StatusParams['state'] | 'stopped' = 'loading';
  private serverMessage: string | undefined;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.item.name = 'Eventline';
    this.item.command = 'eventline.showProblems';
    this.listener = vscode.languages.onDidChangeDiagnostics(() => this.render());
    this.render();
    this.item.show();
  }

  setServerState(state: StatusParams['state'] | 'stopped', message?: string): void {
    this.server = state;
    this.serverMessage = message;
    this.render();
  }

  private render(): void {
    const { errors, warnings } = countEventlineDiagnostics(vscode.languages.getDiagnostics());
    const busy = this.server === 'loading' ? '$(sync~spin) ' : '';
    const broken = this.server === 'failed' || this.server === 'stopped' ? '$(warning) ' : '';
    this.item.text = `${busy}${broken}Eventline $(error) ${errors} $(warning) ${warnings}`;
    const state = this.server === 'stopped' ? 'The Eventline language server is not running.' : (this.serverMessage ?? (this.server === 'loading' ? 'Eventline is validating the workspace…' : ''));
    this.item.tooltip = `${errors} error(s), ${warnings} warning(s) from Eventline. Click to open the Problems panel.${state ? `\n${state}` : ''}`;
    this.item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }
}
