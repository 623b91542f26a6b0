// Extension entry: builds the context, registers the commands and starts the language server.
// Activation errors are shown to the user, then rethrown so VS Code records them too.
import * as vscode from 'vscode';
import { createCommands } from './commands';
import { Ctx } from './ctx';

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  ctx = new Ctx(context);
  context.subscriptions.push(ctx);
  for (const [name, command] of Object.entries(createCommands(ctx))) {
    context.subscriptions.push(vscode.commands.registerCommand(`eventline.${name}`, command));
  }
  try {
    await ctx.start();
  } catch (error) {
    void vscode.window.showErrorMessage(`Eventline could not start its language server: ${String(error)}`, 'Show Output').then((choice) => {
      if (choice) ctx?.outputChannel.show();
    });
    throw error;
  }
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
