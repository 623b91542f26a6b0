// The `eventline` command line: parses the subcommand and hands over to cli/commands/<name>.ts.
// Exit codes: 0 clean, 1 problems with errors, 2 usage or internal failure (see usage.ts).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkHelp, runCheck } from './commands/check';
import { diffHelp, runDiff } from './commands/diff';
import { mainHelp } from './commands/help';
import { lspHelp, runLsp } from './commands/lsp';
import { runStore, storeHelp } from './commands/store';
import { EXIT, UsageError } from './usage';
import { VERSION } from './version';

const out = (text: string) => process.stdout.write(text);

const commandHelp: Record<string, string> = { check: checkHelp, diff: diffHelp, lsp: lspHelp, store: storeHelp };

/** Runs a command; undefined means it keeps running (the language server) and must not exit. */
function run(argv: string[]): number | undefined {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return runCheck(rest, { cwd: process.cwd(), out, err: (text) => process.stderr.write(text) });
    case 'diff':
      return runDiff(rest, { cwd: process.cwd(), out });
    case 'lsp':
      return runLsp(rest, out) ? undefined : EXIT.ok;
    case 'store':
      // Asynchronous: it sets the exit code when it finishes.
      runStore(rest, { cwd: process.cwd(), out, err: (text) => process.stderr.write(text), readStdin: () => readFileSync(0, 'utf8') }).then(
        (code) => (process.exitCode = code),
        (error: unknown) => reportFailure(error),
      );
      return undefined;
    case 'help':
      return help(rest);
    case undefined:
      out(mainHelp);
      return EXIT.failure;
    default:
      if (command.startsWith('-')) return topLevelOptions(argv);
      throw new UsageError(`unknown command "${command}": run 'eventline --help' for the list`);
  }
}

function topLevelOptions(argv: string[]): number {
  const { values } = parseArgs({ args: argv, strict: true, options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } } });
  if (values.version) out(`${VERSION}\n`);
  else out(mainHelp);
  return EXIT.ok;
}

function help(args: string[]): number {
  if (args.length === 0) {
    out(mainHelp);
    return EXIT.ok;
  }
  const text = commandHelp[args[0]];
  if (!text) throw new UsageError(`no help for "${args[0]}": commands are ${Object.keys(commandHelp).join(', ')}`);
  out(text);
  return EXIT.ok;
}

function main(): void {
  let code: number | undefined;
  try {
    code = run(process.argv.slice(2));
  } catch (error) {
    code = EXIT.failure;
    reportFailure(error);
  }
  // Let stdout drain before exiting (a large SARIF document through a pipe).
  if (code !== undefined) process.exitCode = code;
}

function reportFailure(error: unknown): void {
  process.exitCode = EXIT.failure;
  if (error instanceof UsageError || isParseArgsError(error)) process.stderr.write(`eventline: ${(error as Error).message}\n`);
  else process.stderr.write(`eventline: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
}

/** node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for bad flags. */
function isParseArgsError(error: unknown): boolean {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

main();
