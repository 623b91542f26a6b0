// `eventline check [DIR] [--format text|json|sarif] [--against REF] [--baseline FILE]`: validates a
// workspace and prints its problems.
import { statSync, writeFileSync } from 'node:fs';
import { relative, resolve, isAbsolute } from 'node:path';
import { parseArgs } from 'node:util';
import { Workspace } from '../../core/index';
import { addPublishedVersionProblems } from '../against';
import { applyBaseline, readBaseline } from '../baseline';
import { formatJson } from '../format/json';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { buildReport, type CheckReport } from '../report';
import { EXIT, UsageError } from '../usage';

export const checkHelp = `Usage: eventline check [DIR] [--format text|json|sarif] [--against GIT_REF]
                      [--baseline FILE] [--write-baseline FILE]

Validates the Eventline workspace in DIR (default: the current directory): eventline.json,
every schema under the schemas folder and every event file, and prints one line per problem:

  path:line:col: severity code message

followed by a summary. Paths are relative to the current directory; lines and columns are 1-based.

Options:
  -f, --format <text|json|sarif>  output format (default: text). json is a stable document
                                  for scripts; sarif is SARIF 2.1.0 for code-scanning services.
      --against <GIT_REF>         also compare every schema version with its content at GIT_REF
                                  (a commit, branch or tag): a version that existed there and was
                                  edited since is an error (schema/published-version-modified),
                                  because released versions are immutable.
      --baseline <FILE>           FILE is an earlier 'check --format json' output: problems it
                                  already lists (same file and code, same message or range) are
                                  not reported and do not fail the run; the count is printed.
      --write-baseline <FILE>     write this run's problems to FILE as a baseline (json format,
                                  before --baseline is applied).
  -h, --help                      show this help

Exit status: 0 when there are no errors (warnings alone pass), 1 when there are errors,
2 on a usage error or an internal failure.
`;

const formats = { text: formatText, json: formatJson, sarif: formatSarif } as const;
type Format = keyof typeof formats;

export interface CommandIo {
  cwd: string;
  out: (text: string) => void;
  /** Notes that must not mix with machine output (json, sarif); dropped when absent. */
  err?: (text: string) => void;
}

export function runCheck(args: string[], io: CommandIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      against: { type: 'string' },
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(checkHelp);
    return EXIT.ok;
  }
  const format = values.format ?? 'text';
  if (!isFormat(format)) throw new UsageError(`unknown format "${format}": use text, json or sarif`);
  if (positionals.length > 1) throw new UsageError(`check takes one folder, got ${positionals.length}: ${positionals.join(' ')}`);
  const root = resolve(io.cwd, positionals[0] ?? '.');
  if (!isDirectory(root)) throw new UsageError(`${positionals[0] ?? root} is not a directory`);

  const baseline = values.baseline === undefined ? undefined : readBaseline(resolve(io.cwd, values.baseline));

  const workspace = Workspace.load(root);
  const problems = workspace.allProblems();
  if (values.against !== undefined) addPublishedVersionProblems(workspace, values.against, problems);
  let report = buildReport(root, reportBase(format, io.cwd, root), problems);
  if (values['write-baseline'] !== undefined) writeFileSync(resolve(io.cwd, values['write-baseline']), formatJson(report));
  let note = '';
  if (baseline) {
    const applied = applyBaseline(report, baseline);
    report = applied.report;
    note = `${applied.suppressed} problem${applied.suppressed === 1 ? '' : 's'} suppressed by the baseline ${values.baseline}.\n`;
  }
  io.out(formats[format](report));
  if (note && format === 'text') io.out(note);
  else if (note) io.err?.(note);
  return exitCodeOf(report);
}

export function exitCodeOf(report: CheckReport): number {
  return report.summary.errors > 0 ? EXIT.problems : EXIT.ok;
}

/**
 * Paths are relative to the current directory, so they can be clicked in a terminal. SARIF needs a
 * base URI that contains every file, so a workspace outside the current directory is its own base.
 */
function reportBase(format: Format, cwd: string, root: string): string {
  if (format !== 'sarif') return cwd;
  const rel = relative(cwd, root);
  return rel.startsWith('..') || isAbsolute(rel) ? root : cwd;
}

function isFormat(value: string): value is Format {
  return Object.hasOwn(formats, value);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
