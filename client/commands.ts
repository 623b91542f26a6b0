// Commands, each a factory taking the context (rust-analyzer's pattern): registration lives in
// one list, and a command reads the client through ctx only when it runs.
import * as vscode from 'vscode';
import type { Ctx } from './ctx';

export type Cmd = (...args: unknown[]) => unknown;

export function restartServer(ctx: Ctx): Cmd {
  return async () => {
    await ctx.restart();
    void vscode.window.setStatusBarMessage('Eventline: language server restarted', 3000);
  };
}

export function showOutput(ctx: Ctx): Cmd {
  return () => ctx.outputChannel.show(true);
}

export function showProblems(): Cmd {
  return () => vscode.commands.executeCommand('workbench.actions.view.problems');
}

/** Every command, by its name under `eventline.` (package.json contributes.commands lists the public ones). */
export function createCommands(ctx: Ctx): Record<string, Cmd> {
  return { restartServer: restartServer(ctx), showOutput: showOutput(ctx), showProblems: showProblems() };
}
