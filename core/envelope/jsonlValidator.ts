// *.events.jsonl: one envelope a line, validated incrementally. The validator keeps the file as
// an array of lines and, per line, its placed problems and a small summary (id, causation id,
// time). Two ways in: `applyEdits` takes the editor's changes (LSP ranges) and re-checks only the
// lines they touch, never reading the rest of a 40 MB buffer; `validate(text)` finds the changed
// region by comparing with the previous text (common prefix and suffix). Either way the lines
// after the change keep their cached problems (renumbered when collected), and the stream rules
// re-run only when a summary changed or lines were added or removed.
import { ruleFor } from '../codes';
import type { SchemaLookup } from '../registry/types';
import type { Problem, TextEdit } from '../types';
import { applyTextEdits } from '../text/edits';
import { checkLine, movedTo, spanInLine, type LineRecord } from './lineCheck';
import { createLookupCache } from './lookupCache';
import { checkStream, type StreamFinding } from './streamRules';
import { commonPrefixLength, commonSuffixLength } from './textDiff';
import type { EnvelopeStyleSpec, EventFileValidator, EventSummary } from './types';

export class JsonlValidator implements EventFileValidator {
  /** The file's lines without their '\n' (a CRLF line keeps its '\r'; checks strip it). */
  private lines: string[] | undefined;
  /** The text of the last validate(text), for the prefix/suffix diff; undefined after edits. */
  private text: string | undefined;
  private records: LineRecord[] = [];
  private streamFindings: StreamFinding[] = [];
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
    const staleTypes = this.begin();
    if (text === this.text && staleTypes.size === 0) return this.output.slice();
    let streamDirty: boolean;
    if (this.lines === undefined) {
      this.lines = text.split('\n');
      this.records = this.lines.map((_, i) => this.check(i));
      streamDirty = true;
    } else {
      streamDirty = text === this.text ? false : this.applyDiff(this.text ?? this.lines.join('\n'), text);
    }
    this.text = text;
    return this.finish(streamDirty, staleTypes);
  }

  applyEdits(edits: readonly TextEdit[]): Problem[] {
    if (this.lines === undefined) return this.validate(applyTextEdits('', edits));
    const staleTypes = this.begin();
    let streamDirty = false;
    for (const edit of edits) if (this.applyEdit(edit)) streamDirty = true;
    if (edits.length > 0) this.text = undefined;
    return this.finish(streamDirty, staleTypes);
  }

  currentText(): string {
    return this.text ?? (this.lines ?? []).join('\n');
  }

  typesUsed(): ReadonlySet<string> {
    if (!this.types) {
      this.types = new Set();
      for (const record of this.records) for (const type of record.types) this.types.add(type);
    }
    return this.types;
  }

  private begin(): Set<string> {
    this.lookup = createLookupCache(this.registry);
    this.interned.clear();
    return this.staleTypes();
  }

  private finish(streamDirty: boolean, staleTypes: Set<string>): Problem[] {
    if (staleTypes.size > 0 && this.recheckTypes(staleTypes)) streamDirty = true;
    this.types = undefined;
    if (streamDirty) this.streamFindings = checkStream(this.summaries(), this.style, (i) => `line ${i + 1}`);
    this.rememberGenerations();
    this.output = this.collect();
    return this.output.slice();
  }

  /** One editor change (LSP semantics: positions refer to the text after the previous change). */
  private applyEdit(edit: TextEdit): boolean {
    const lines = this.lines!;
    if (!edit.range) {
      this.lines = edit.text.split('\n');
      this.records = this.lines.map((_, i) => this.check(i));
      return true;
    }
    const last = lines.length - 1;
    const { start, end } = edit.range;
    const first = Math.min(Math.max(0, start.line), last);
    const lastTouched = Math.min(Math.max(first, end.line), last);
    // Past the last line means the end of the text (LSP clamps positions the same way).
    const startChar = start.line > last ? lines[last].length : Math.min(start.character, lines[first].length);
    const endChar = end.line > last ? lines[last].length : Math.min(end.character, lines[lastTouched].length);
    const replaced = lines[first].slice(0, startChar) + edit.text + lines[lastTouched].slice(endChar);
    return this.replaceLines(first, lastTouched, replaced.split('\n'));
  }

  /** Re-checks the lines a whole-text change touched. */
  private applyDiff(old: string, text: string): boolean {
    const prefix = commonPrefixLength(old, text);
    const suffix = commonSuffixLength(old, text, prefix);
    const lines = this.lines!;
    // The changed region, widened to whole lines: [first, last] in the old lines.
    let first = 0;
    let firstStart = 0;
    while (first < lines.length - 1 && firstStart + lines[first].length < prefix) firstStart += lines[first++].length + 1;
    let last = first;
    let lastEnd = firstStart + lines[first].length;
    const changedEnd = old.length - suffix;
    while (last < lines.length - 1 && lastEnd < changedEnd) lastEnd += lines[++last].length + 1;
    const regionEnd = lastEnd + (text.length - old.length);
    return this.replaceLines(first, last, text.slice(firstStart, regionEnd).split('\n'));
  }

  /** Replaces lines [first, last] with `replacement` and checks only those. True when the stream rules must re-run. */
  private replaceLines(first: number, last: number, replacement: string[]): boolean {
    const lines = this.lines!;
    const removed = this.records.slice(first, last + 1);
    if (replacement.length === last - first + 1) {
      // The common case (an edit inside lines): no array copies of 100,000 entries.
      for (let k = 0; k < replacement.length; k++) lines[first + k] = replacement[k];
      for (let k = 0; k < replacement.length; k++) this.records[first + k] = this.check(first + k);
      return !sameSummaries(removed, this.records.slice(first, last + 1));
    }
    // concat, not splice(...items): a pasted block can hold more lines than a call has arguments.
    this.lines = lines.slice(0, first).concat(replacement, lines.slice(last + 1));
    const fresh = replacement.map((_, k) => this.check(first + k));
    this.records = this.records.slice(0, first).concat(fresh, this.records.slice(last + 1));
    return true;
  }

  /** Re-checks lines whose type's schemas changed. True when a summary changed. */
  private recheckTypes(stale: ReadonlySet<string>): boolean {
    let changed = false;
    for (let i = 0; i < this.records.length; i++) {
      const record = this.records[i];
      if (!record.types.some((t) => stale.has(t))) continue;
      const fresh = this.check(i);
      if (!sameSummary(record.summary, fresh.summary)) changed = true;
      this.records[i] = fresh;
    }
    return changed;
  }

  private check(line: number): LineRecord {
    const record = checkLine(this.lineText(line), line, this.file, this.style, this.lookup);
    if (record.types.length === 1) {
      const interned = this.interned.get(record.types[0]);
      if (interned) record.types = interned;
      else this.interned.set(record.types[0], record.types);
    }
    return record;
  }

  private lineText(line: number): string {
    let text = this.lines![line];
    if (text.charCodeAt(text.length - 1) === 0x0d) text = text.slice(0, -1); // CRLF
    // A byte-order mark would stop JSON.parse; a space keeps every column where it was.
    if (line === 0 && text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`;
    return text;
  }

  private summaries(): (EventSummary | undefined)[] {
    return this.records.map((r) => r.summary);
  }

  private placeStream(finding: StreamFinding): Problem {
    const at = (index: number, path: readonly string[]) => {
      const span = spanInLine(this.records[index], this.lineText(index), path);
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
    for (const finding of this.streamFindings) out.push(this.placeStream(finding));
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

function sameSummaries(a: LineRecord[], b: LineRecord[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameSummary(a[i].summary, b[i].summary)) return false;
  return true;
}

function sameSummary(a: EventSummary | undefined, b: EventSummary | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.key === b.key && a.id === b.id && a.causationId === b.causationId && (a.time === b.time || (a.time !== a.time && b.time !== b.time));
}
