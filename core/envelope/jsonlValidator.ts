// *.events.jsonl: one envelope a line, validated incrementally. The validator keeps, per line,
// its placed problems and a small summary (id, causation id, time). On the next call it finds
// the changed region by comparing the new text with the previous one (common prefix and suffix),
// re-splits and re-checks only the lines in it, shifts the line numbers of the lines after it,
// and re-runs the stream rules only when a summary changed or lines were added or removed.
import { ruleFor } from '../codes';
import type { SchemaLookup } from '../registry/types';
import type { Problem } from '../types';
import { checkLine, movedTo, spanInLine, type LineRecord } from './lineCheck';
import { createLookupCache } from './lookupCache';
import { checkStream, type StreamFinding } from './streamRules';
import { commonPrefixLength, commonSuffixLength } from './textDiff';
import type { EnvelopeStyleSpec, EventFileValidator, EventSummary } from './types';

export class JsonlValidator implements EventFileValidator {
  private text: string | undefined;
  /** Offset where each line starts (line i ends at starts[i + 1] - 1, the '\n'). */
  private starts: number[] = [];
  private records: LineRecord[] = [];
  private streamFindings: StreamFinding[] = [];
  private streamProblems: Problem[] = [];
  private output: Problem[] = [];
  /** generationOf(type) for every type the file used at the last validation. */
  private generations = new Map<string, number>();
  private types: Set<string> | undefined;
  /** The registry, memoized for the current pass. */
  private lookup: SchemaLookup;
  /** One shared `types` array per type name, so 100,000 lines do not keep 100,000 arrays. */
  private readonly interned = new Map<string, readonly string[]>();

  constructor(
    private readonly file: string,
    private readonly style: EnvelopeStyleSpec,
    private readonly registry: SchemaLookup,
  ) {
    this.lookup = registry;
  }

  validate(text: string): Problem[] {
    this.lookup = createLookupCache(this.registry);
    this.interned.clear();
    const staleTypes = this.staleTypes();
    if (text === this.text && staleTypes.size === 0) return this.output.slice();
    let streamDirty: boolean;
    if (this.text === undefined) {
      this.fullPass(text);
      streamDirty = true;
    } else {
      streamDirty = text === this.text ? false : this.applyChange(text);
    }
    // Before recheckTypes: its line starts are the new text's now (found by the fuzz suite).
    this.text = text;
    if (staleTypes.size > 0 && this.recheckTypes(staleTypes)) streamDirty = true;
    this.types = undefined;
    if (streamDirty) this.streamFindings = checkStream(this.summaries(), this.style, (i) => `line ${i + 1}`);
    this.streamProblems = this.streamFindings.map((f) => this.placeStream(f));
    this.rememberGenerations();
    this.output = this.collect();
    return this.output.slice();
  }

  typesUsed(): ReadonlySet<string> {
    if (!this.types) {
      this.types = new Set();
      for (const record of this.records) for (const type of record.types) this.types.add(type);
    }
    return this.types;
  }

  private fullPass(text: string): void {
    this.starts = lineStarts(text, 0, text.length);
    this.records = this.starts.map((start, i) => this.check(text, i, start));
  }

  /** Re-checks the lines an edit touched. Returns true when the stream rules must re-run. */
  private applyChange(text: string): boolean {
    const old = this.text!;
    const prefix = commonPrefixLength(old, text);
    const suffix = commonSuffixLength(old, text, prefix);
    const first = this.lineAt(prefix);
    const last = this.lineAt(old.length - suffix);
    // The region covers whole lines: from the start of `first` to the end of `last`.
    const oldRegionEnd = last + 1 < this.starts.length ? this.starts[last + 1] - 1 : old.length;
    const delta = text.length - old.length;
    const regionStart = this.starts[first];
    const newStarts = lineStarts(text, regionStart, oldRegionEnd + delta);
    const newRecords = newStarts.map((start, k) => this.check(text, first + k, start));
    const removed = this.records.slice(first, last + 1);

    const tailStarts = this.starts.slice(last + 1);
    if (delta !== 0) for (let i = 0; i < tailStarts.length; i++) tailStarts[i] += delta;
    // concat, not push(...items): a pasted block can hold more lines than a call has arguments.
    this.starts = this.starts.slice(0, first).concat(newStarts, tailStarts);
    this.records = this.records.slice(0, first).concat(newRecords, this.records.slice(last + 1));
    return !sameSummaries(removed, newRecords);
  }

  /** Re-checks lines whose type's schemas changed. True when a summary changed. */
  private recheckTypes(stale: ReadonlySet<string>): boolean {
    let changed = false;
    const text = this.text!;
    for (let i = 0; i < this.records.length; i++) {
      const record = this.records[i];
      if (!record.types.some((t) => stale.has(t))) continue;
      const fresh = this.check(text, i, this.starts[i]);
      if (!sameSummary(record.summary, fresh.summary)) changed = true;
      this.records[i] = fresh;
    }
    return changed;
  }

  private check(text: string, line: number, start: number): LineRecord {
    const record = checkLine(this.lineText(text, line, start), line, this.file, this.style, this.lookup);
    if (record.types.length === 1) {
      const interned = this.interned.get(record.types[0]);
      if (interned) record.types = interned;
      else this.interned.set(record.types[0], record.types);
    }
    return record;
  }

  private lineText(text: string, line: number, start = this.starts[line]): string {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start && text.charCodeAt(end - 1) === 0x0d) end--; // CRLF
    let lineText = text.slice(start, end);
    // A byte-order mark would stop JSON.parse; a space keeps every column where it was.
    if (line === 0 && lineText.charCodeAt(0) === 0xfeff) lineText = ` ${lineText.slice(1)}`;
    return lineText;
  }

  /** The line containing `offset` in the previous text. */
  private lineAt(offset: number): number {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private summaries(): (EventSummary | undefined)[] {
    return this.records.map((r) => r.summary);
  }

  private placeStream(finding: StreamFinding): Problem {
    const text = this.text!;
    const at = (index: number, path: readonly string[]) => {
      const span = spanInLine(this.records[index], this.lineText(text, index), path);
      return { start: { line: index, character: span.offset }, end: { line: index, character: span.offset + span.length } };
    };
    const problem: Problem = { code: finding.code, severity: ruleFor(finding.code).severity, message: finding.message, range: at(finding.index, finding.path), file: this.file };
    if (finding.related) problem.related = [{ file: this.file, range: at(finding.related.index, finding.related.path), message: finding.related.message }];
    return problem;
  }

  private collect(): Problem[] {
    const out: Problem[] = [];
    const records = this.records;
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      if (record.problems.length === 0) continue;
      if (record.line !== i) {
        record.problems = record.problems.map((p) => movedTo(p, record.line, i));
        record.line = i;
      }
      for (const problem of record.problems) out.push(problem);
    }
    for (const problem of this.streamProblems) out.push(problem);
    return out;
  }

  private staleTypes(): Set<string> {
    const stale = new Set<string>();
    for (const [type, generation] of this.generations) if (this.registry.generationOf(type) !== generation) stale.add(type);
    return stale;
  }

  private rememberGenerations(): void {
    this.generations = new Map([...this.typesUsed()].map((t) => [t, this.registry.generationOf(t)]));
  }
}

/** Start offsets of the lines in text[from, to], where `from` is a line start. */
function lineStarts(text: string, from: number, to: number): number[] {
  const starts = [from];
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function sameSummaries(a: LineRecord[], b: LineRecord[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameSummary(a[i].summary, b[i].summary)) return false;
  return true;
}

function sameSummary(a: EventSummary | undefined, b: EventSummary | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.key === b.key && a.id === b.id && a.causationId === b.causationId && (a.time === b.time || (a.time !== a.time && b.time !== b.time));
}
