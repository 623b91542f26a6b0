// One JSONL line: parse it with JSON.parse (the fast path) and check its envelope; only a line
// with findings pays for a jsonc tree to place them. Problems are placed on line 0 of the line's
// own text and moved to the real line number by the caller, so they can be cached per line.
import { placeFinding, problemAt } from '../problems';
import type { SchemaLookup } from '../registry/types';
import type { Span } from '../text/document';
import { parseJsonDocument } from '../text/jsonDocument';
import { findExcessiveNesting, MAX_NESTING_DEPTH } from '../text/depth';
import { LineIndex } from '../text/lineIndex';
import type { Problem } from '../types';
import type { EnvelopeStyleSpec, EventSummary } from './types';

export interface LineRecord {
  /** The line number `problems` are placed on. */
  line: number;
  problems: Problem[];
  /** Undefined for blank lines and lines that are not JSON. */
  summary?: EventSummary;
  types: readonly string[];
  /** Character ranges of the stream-relevant fields, computed when a stream rule needs them. */
  spans?: Map<readonly string[], Span>;
}

const NONE: readonly string[] = [];
/** Shared by every line without problems; never mutated (callers replace, not push). */
const NO_PROBLEMS: Problem[] = [];

export function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  // Fast exit: an envelope line starts with '{'.
  if (first === 0x7b) return false;
  return /^\s*$/.test(text);
}

export function checkLine(text: string, line: number, file: string, style: EnvelopeStyleSpec, registry: SchemaLookup): LineRecord {
  if (isBlank(text)) return { line, problems: NO_PROBLEMS, types: NONE };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { line, problems: syntaxProblems(text, line, file), types: NONE };
  }
  const result = style.check(value, registry);
  if (result.findings.length === 0) return { line, problems: NO_PROBLEMS, summary: result.summary, types: result.types };
  const deep = findExcessiveNesting(text, MAX_NESTING_DEPTH);
  const lines = new LineIndex(text);
  if (deep !== -1) {
    const problem = problemAt('json/too-deep', `This line nests deeper than ${MAX_NESTING_DEPTH} levels; Eventline does not follow it: flatten the event.`, { offset: deep, length: 1 }, lines, file);
    return { line, problems: [onLine(problem, line)], summary: result.summary, types: result.types };
  }
  const doc = parseJsonDocument(text);
  const problems = result.findings.map((finding) => onLine(placeFinding(finding, doc, lines, file), line));
  return { line, problems, summary: result.summary, types: result.types };
}

function syntaxProblems(text: string, line: number, file: string): Problem[] {
  const lines = new LineIndex(text);
  const deep = findExcessiveNesting(text, MAX_NESTING_DEPTH);
  if (deep !== -1) {
    return [onLine(problemAt('json/too-deep', `This line nests deeper than ${MAX_NESTING_DEPTH} levels; Eventline does not follow it: flatten the event.`, { offset: deep, length: 1 }, lines, file), line)];
  }
  const doc = parseJsonDocument(text);
  // The first error explains the line; the rest are usually consequences of it.
  const first = doc.syntaxErrors[0] ?? { offset: 0, length: text.length, message: 'JSON syntax error' };
  return [onLine(problemAt('json/syntax-error', `${first.message}: each line of a .jsonl file must be one complete JSON envelope.`, first, lines, file), line)];
}

/** The span of a field within the line's text, for placing stream findings. */
export function spanInLine(record: LineRecord, text: string, path: readonly string[]): Span {
  let spans = record.spans;
  if (!spans) spans = record.spans = new Map();
  let span = spans.get(path);
  if (!span) {
    span = parseJsonDocument(text).locate(path);
    spans.set(path, span);
  }
  return span;
}

/** Moves a problem placed on line 0 of a line's own text to line `line`. */
export function onLine(problem: Problem, line: number): Problem {
  const { start, end } = problem.range;
  return { ...problem, range: { start: { line: line + start.line, character: start.character }, end: { line: line + end.line, character: end.character } } };
}

/** The same problem on another line (a cached line moved by an edit above it). */
export function movedTo(problem: Problem, from: number, to: number): Problem {
  return onLine(problem, to - from);
}
