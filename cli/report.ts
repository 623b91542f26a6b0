// What `check` found, in the shape every output format reads: files relative to a base folder,
// problems with 1-based positions, sorted by file then position, and the totals.
import { relative, sep } from 'node:path';
import type { Problem, Severity } from '../core/index';

export interface ReportedProblem {
  code: string;
  severity: Severity;
  message: string;
  /** 1-based line and UTF-16 column of the offending node's start; end is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related?: { path: string; line: number; column: number; message: string }[];
}

export interface ReportedFile {
  /** Path relative to the report's base folder, with forward slashes. */
  path: string;
  problems: ReportedProblem[];
}

export interface Summary {
  errors: number;
  warnings: number;
  /** Information and hint problems together. */
  infos: number;
  files: number;
  filesWithProblems: number;
}

export interface CheckReport {
  /** Absolute folder the paths are relative to (the current directory). */
  base: string;
  /** Absolute workspace root that was checked. */
  root: string;
  files: ReportedFile[];
  summary: Summary;
}

export function buildReport(root: string, base: string, problemsByFile: ReadonlyMap<string, Problem[]>): CheckReport {
  const files: ReportedFile[] = [...problemsByFile].map(([file, problems]) => ({
    path: relativePath(base, file),
    problems: problems.map((p) => toReported(p, base)).sort(byPosition),
  }));
  files.sort((a, b) => compareStrings(a.path, b.path));
  return { base, root, files, summary: summarize(files) };
}

export function summarize(files: readonly ReportedFile[]): Summary {
  const summary: Summary = { errors: 0, warnings: 0, infos: 0, files: files.length, filesWithProblems: 0 };
  for (const file of files) {
    if (file.problems.length > 0) summary.filesWithProblems++;
    for (const problem of file.problems) {
      if (problem.severity === 'error') summary.errors++;
      else if (problem.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return summary;
}

/** A path relative to `base` with forward slashes, the same on every platform. */
export function relativePath(base: string, file: string): string {
  const rel = relative(base, file);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

function toReported(problem: Problem, base: string): ReportedProblem {
  const out: ReportedProblem = {
    code: problem.code,
    severity: problem.severity,
    message: problem.message,
    line: problem.range.start.line + 1,
    column: problem.range.start.character + 1,
    endLine: problem.range.end.line + 1,
    endColumn: problem.range.end.character + 1,
  };
  if (problem.related?.length) {
    out.related = problem.related.map((r) => ({ path: relativePath(base, r.file), line: r.range.start.line + 1, column: r.range.start.character + 1, message: r.message }));
  }
  return out;
}

function byPosition(a: ReportedProblem, b: ReportedProblem): number {
  return a.line - b.line || a.column - b.column || compareStrings(a.code, b.code);
}

/** Locale-independent ordering, so output is byte-identical on every machine. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
