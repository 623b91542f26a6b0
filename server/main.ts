// Entry point of dist/server.js. createConnection picks the transport from the command line:
// --node-ipc when VS Code starts it, --stdio for any other LSP client.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

// Last line of defence: a bug must cost one result, never the server (handlers are guarded too).
process.on('uncaughtException', (error) => connection.console.error(`Eventline: uncaught exception: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Eventline: unhandled rejection: ${String(reason)}`));

startServer(connection);
