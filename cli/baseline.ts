// `check --baseline FILE`: FILE is an earlier `check --format json` document; problems already in
// it are known debt and neither reported nor failing the run. A problem matches a baseline entry
// with the same file, code, and either the same message or the same range (so a problem whose
// message changed, or that moved because lines were inserted above, is still recognised).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { relativePath, summarize, type CheckReport, type ReportedProblem } from './report';
import { UsageError } from './usage';

interface BaselineEntry {
  path: string;
  code: string;
  message: string;
  range: string;
  used: boolean;
}

export function readBaseline(file: string): BaselineEntry[] {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read baseline ${file}: ${(error as Error).message}`);
  }
  const files = (document as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) throw new UsageError(`${file} is not a baseline: write one with 'eventline check --format json > ${file}' (or --write-baseline ${file})`);
  const entries: BaselineEntry[] = [];
  for (const f of files as { path?: unknown; problems?: unknown }[]) {
    if (typeof f?.path !== 'string' || !Array.isArray(f.problems)) continue;
    for (const p of f.problems as Partial<ReportedProblem>[]) {
      if (typeof p?.code !== 'string') continue;
      entries.push({ path: f.path, code: p.code, message: String(p.message ?? ''), range: rangeKey(p), used: false });
    }
  }
  return entries;
}

/** The report without the problems the baseline already lists, and how many were left out. */
export function applyBaseline(report: CheckReport, baseline: BaselineEntry[]): { report: CheckReport; suppressed: number } {
  const byFileAndCode = new Map<string, BaselineEntry[]>();
  for (const entry of baseline) {
    const key = `${entry.path}\u0000${entry.code}`;
    byFileAndCode.set(key, [...(byFileAndCode.get(key) ?? []), entry]);
  }
  const candidates = (path: string, problem: ReportedProblem) => {
    // The baseline's paths are relative to where it was written: the current folder or the workspace.
    const rootPath = relativePath(report.root, join(report.base, path));
    return [...(byFileAndCode.get(`${path}\u0000${problem.code}`) ?? []), ...(rootPath === path ? [] : (byFileAndCode.get(`${rootPath}\u0000${problem.code}`) ?? []))];
  };
  const suppressedSet = new Set<ReportedProblem>();
  // Exact matches first, then same message (moved), then same range (reworded), so a looser match
  // cannot take the entry a closer one needs.
  const sameMessage = (e: BaselineEntry, p: ReportedProblem) => e.message === p.message;
  const sameRange = (e: BaselineEntry, p: ReportedProblem) => e.range === rangeKey(p);
  const passes = [(e: BaselineEntry, p: ReportedProblem) => sameMessage(e, p) && sameRange(e, p), sameMessage, sameRange];
  for (const matches of passes) {
    for (const file of report.files) {
      for (const problem of file.problems) {
        if (suppressedSet.has(problem)) continue;
        const entry = candidates(file.path, problem).find((e) => !e.used && matches(e, problem));
        if (!entry) continue;
        entry.used = true;
        suppressedSet.add(problem);
      }
    }
  }
  const files = report.files.map((f) => ({ ...f, problems: f.problems.filter((p) => !suppressedSet.has(p)) }));
  return { report: { ...report, files, summary: summarize(files) }, suppressed: suppressedSet.size };
}

function rangeKey(p: Partial<ReportedProblem>): string {
  return `${p.line}:${p.column}-${p.endLine}:${p.endColumn}`;
}
