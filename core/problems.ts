// Turns findings (paths into values) into problems (ranges in a file).
import { ruleFor } from './codes';
import type { Span } from './text/document';
import type { LineIndex } from './text/lineIndex';
import type { Finding, Problem, Severity } from './types';

export interface Placer {
  locate(path: Finding['path'], target?: 'key' | 'value'): Span;
}

export function placeFinding(finding: Finding, doc: Placer, lines: LineIndex, file: string): Problem {
  const span = doc.locate(finding.path, finding.target);
  const problem: Problem = {
    code: finding.code,
    severity: finding.severity ?? ruleFor(finding.code).severity,
    message: finding.message,
    range: lines.rangeAt(span.offset, span.length),
    file,
  };
  if (finding.data) problem.data = finding.data;
  return problem;
}

export function problemAt(code: string, message: string, span: Span, lines: LineIndex, file: string, severity?: Severity): Problem {
  return { code, severity: severity ?? ruleFor(code).severity, message, range: lines.rangeAt(span.offset, span.length), file };
}

/** Applies eventline.json's `diagnostics` overrides: a new severity, or 'off' to drop the problem. */
export function applySeverityOverrides(problems: Problem[], overrides: Record<string, Severity | 'off'>): Problem[] {
  if (Object.keys(overrides).length === 0) return problems;
  const out: Problem[] = [];
  for (const problem of problems) {
    const override = overrides[problem.code];
    if (override === 'off') continue;
    out.push(override ? { ...problem, severity: override } : problem);
  }
  return out;
}
