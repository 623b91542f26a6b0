// `eventline lsp --stdio`: the Eventline language server for any LSP client (Neovim, Helix, Zed...).
// The only CLI file that imports server/: everything else maps core/ directly.
import { parseArgs } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server/server';
import { UsageError } from '../usage';

export const lspHelp = `Usage: eventline lsp --stdio

Runs the Eventline language server, speaking LSP over stdin/stdout, until the client disconnects.

Options:
  --stdio      communicate over stdin/stdout (required; the only transport offered here)
  -h, --help   show this help
`;

/** Starts the server; the process then lives as long as the connection. Returns false for --help. */
export function runLsp(args: string[], out: (text: string) => void): boolean {
  const { values } = parseArgs({ args, strict: true, options: { stdio: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    out(lspHelp);
    return false;
  }
  if (!values.stdio) throw new UsageError('lsp needs --stdio (the language server talks LSP over stdin/stdout)');
  // createConnection picks the transport from process.argv, which holds --stdio.
  const connection = createConnection(ProposedFeatures.all);
  // As in server/main.ts: a bug must cost one result, never the server.
  process.on('uncaughtException', (error) => connection.console.error(`Eventline: uncaught exception: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Eventline: unhandled rejection: ${String(reason)}`));
  startServer(connection);
  return true;
}
