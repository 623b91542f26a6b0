// Core problems -> LSP diagnostics: a one-to-one map, plus a cap so a file with a million
// broken lines cannot flood the client.
import type { Problem, Severity } from '../core/index';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { pathToUri } from './uri';

export const diagnosticSource = 'eventline';

/** More than this many problems in one file are summarised by a single note. */
export const maxDiagnosticsPerFile = 1000;

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(problem: Problem): Diagnostic {
  const diagnostic: Diagnostic = {
    range: problem.range,
    severity: severities[problem.severity],
    code: problem.code,
    source: diagnosticSource,
    message: problem.message,
  };
  if (problem.related && problem.related.length > 0) {
    diagnostic.relatedInformation = problem.related.map(
      (r): DiagnosticRelatedInformation => ({ location: { uri: pathToUri(r.file), range: r.range }, message: r.message }),
    );
  }
  if (problem.data) diagnostic.data = problem.data;
  return diagnostic;
}

export function toDiagnostics(problems: readonly Problem[], limit = maxDiagnosticsPerFile): Diagnostic[] {
  const shown = problems.slice(0, limit).map(toDiagnostic);
  if (problems.length > limit) {
    const last = shown[shown.length - 1].range.end;
    shown.push({
      range: { start: last, end: last },
      severity: DiagnosticSeverity.Information,
      source: diagnosticSource,
      message: `Eventline shows the first ${limit} of ${problems.length} problems in this file: fix these, or run \`eventline check\` to list them all.`,
    });
  }
  return shown;
}

/** What the editor shows when validating a file failed inside Eventline itself (a bug, not the user's). */
export function internalErrorDiagnostic(error: unknown): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: diagnosticSource,
    message: `Eventline could not validate this file (internal error: ${errorText(error)}). See the Eventline output channel, and please report it.`,
  };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
