// `eventline --help` and `eventline help <command>`.
import { TOOL_NAME, VERSION } from '../version';

export const mainHelp = `${TOOL_NAME} ${VERSION}: event schemas as code.

Usage: eventline <command> [options]

Commands:
  check [DIR]      validate a workspace's config, schemas and event files
  diff OLD NEW     compare two schema files: changes and BACKWARD/FORWARD compatibility
  lsp --stdio      run the Eventline language server over stdio (for any LSP client)
  store <command>  the local event store: append, read, streams, verify, export, import
  help [COMMAND]   show help for a command

Options:
  -h, --help       show this help
  -v, --version    print the version

Run 'eventline help <command>' for a command's options.
`;
