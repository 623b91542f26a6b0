// Reads `eventline check --format json` output and the examples' expected-diagnostics manifests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli } from './runCli';

export interface JsonProblem {
  code: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonReport {
  formatVersion: number;
  tool: { name: string; version: string };
  files: { path: string; problems: JsonProblem[] }[];
  summary: { errors: number; warnings: number; infos: number; files: number; filesWithProblems: number };
}

export interface ExpectedDiagnostic {
  file: string;
  line: number;
  column: number;
  code: string;
  severity: string;
}

/** Runs check with --format json from inside `workspace` (so paths are workspace-relative). */
export function checkJson(workspace: string): { code: number | null; report: JsonReport; stderr: string } {
  const { code, stdout, stderr } = runCli(['check', '--format', 'json'], { cwd: join(repoRoot, workspace) });
  return { code, report: JSON.parse(stdout) as JsonReport, stderr };
}

export function readManifest(workspace: string): { notes: string; diagnostics: ExpectedDiagnostic[] } {
  return JSON.parse(readFileSync(join(repoRoot, workspace, 'expected-diagnostics.json'), 'utf8'));
}

/** `file:line:column code severity`: one comparable string per diagnostic. */
export function key(d: { file: string; line: number; column: number; code: string; severity: string }): string {
  return `${d.file}:${d.line}:${d.column} ${d.code} ${d.severity}`;
}

export function reportedKeys(report: JsonReport, keep: (p: JsonProblem) => boolean = () => true): string[] {
  return report.files.flatMap((f) => f.problems.filter(keep).map((p) => key({ file: f.path, ...p }))).sort();
}
