// *.event.json (one envelope) and *.events.json (an array of envelopes, one stream). These files
// are small, so each change revalidates the whole file; the jsonc tree is built only when there
// is something to place.
import { placeFinding, problemAt } from '../problems';
import type { SchemaLookup } from '../registry/types';
import type { ParsedDocument } from '../text/document';
import { parseJsonDocument } from '../text/jsonDocument';
import { applyTextEdits } from '../text/edits';
import { LineIndex } from '../text/lineIndex';
import type { Finding, Problem, TextEdit } from '../types';
import { jsonTypeOf } from './formats';
import { createLookupCache } from './lookupCache';
import { checkStream } from './streamRules';
import type { EnvelopeStyleSpec, EventFileValidator, EventSummary } from './types';

export class DocumentValidator implements EventFileValidator {
  private text: string | undefined;
  private output: Problem[] = [];
  private types = new Set<string>();
  private generations = new Map<string, number>();
  private lookup: SchemaLookup;

  constructor(
    private readonly file: string,
    private readonly layout: 'single' | 'array',
    private readonly style: EnvelopeStyleSpec,
    private readonly registry: SchemaLookup,
  ) {
    this.lookup = registry;
  }

  applyEdits(edits: readonly TextEdit[]): Problem[] {
    return this.validate(applyTextEdits(this.text ?? '', edits));
  }

  currentText(): string {
    return this.text ?? '';
  }

  validate(text: string): Problem[] {
    if (text === this.text && [...this.generations].every(([t, g]) => this.registry.generationOf(t) === g)) return this.output.slice();
    this.text = text;
    this.types = new Set();
    this.lookup = createLookupCache(this.registry);
    this.output = this.run(text);
    this.generations = new Map([...this.types].map((t) => [t, this.registry.generationOf(t)]));
    return this.output.slice();
  }

  typesUsed(): ReadonlySet<string> {
    return this.types;
  }

  private run(text: string): Problem[] {
    const lines = new LineIndex(text);
    let doc: ParsedDocument | undefined;
    const tree = () => (doc ??= parseJsonDocument(text));
    let value: unknown;
    try {
      // A byte-order mark would stop JSON.parse; a space keeps every offset where it was.
      value = JSON.parse(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
    } catch {
      return this.syntaxProblems(tree(), lines);
    }
    const place = (finding: Finding) => {
      const parsed = tree();
      if (parsed.syntaxErrors.length > 0) return problemAt('json/too-deep', parsed.syntaxErrors[0].message, parsed.syntaxErrors[0], lines, this.file);
      return placeFinding(finding, parsed, lines, this.file);
    };

    if (this.layout === 'single') {
      const result = this.style.check(value, this.lookup);
      for (const type of result.types) this.types.add(type);
      return dedupe(result.findings.map(place));
    }
    if (!Array.isArray(value)) {
      return [place({ code: 'stream/not-an-array', message: `A .events.json file holds an array of envelopes, not ${jsonTypeOf(value)}: wrap the event in [ ... ], or rename the file to .event.json for a single event.`, path: [] })];
    }
    const problems: Problem[] = [];
    const summaries: (EventSummary | undefined)[] = [];
    value.forEach((item, index) => {
      const result = this.style.check(item, this.lookup);
      for (const type of result.types) this.types.add(type);
      summaries.push(result.summary);
      for (const finding of result.findings) problems.push(place({ ...finding, path: [index, ...finding.path] }));
    });
    const label = (index: number) => `line ${lines.positionAt(tree().locate([index]).offset).line + 1}`;
    for (const finding of checkStream(summaries, this.style, label)) {
      const problem = place({ code: finding.code, message: finding.message, path: [finding.index, ...finding.path] });
      if (finding.related) {
        const related = place({ code: finding.code, message: '', path: [finding.related.index, ...finding.related.path] });
        problem.related = [{ file: this.file, range: related.range, message: finding.related.message }];
      }
      problems.push(problem);
    }
    return dedupe(problems);
  }

  private syntaxProblems(doc: ParsedDocument, lines: LineIndex): Problem[] {
    const code = doc.value === undefined && doc.syntaxErrors.length === 1 && /nests deeper/.test(doc.syntaxErrors[0].message) ? 'json/too-deep' : 'json/syntax-error';
    const errors = doc.syntaxErrors.length > 0 ? doc.syntaxErrors : [{ offset: 0, length: 1, message: 'JSON syntax error' }];
    return errors.slice(0, 20).map((e) => problemAt(code, `${e.message}: fix the JSON so the ${this.layout === 'single' ? 'event' : 'events'} can be validated.`, e, lines, this.file));
  }
}

/** A too-deep document places every finding at the same spot: keep one. */
function dedupe(problems: Problem[]): Problem[] {
  if (!problems.some((p) => p.code === 'json/too-deep')) return problems;
  return [problems.find((p) => p.code === 'json/too-deep')!];
}
