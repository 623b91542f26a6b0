// Validation benchmark: a generated workspace (200 event types, a 100,000-event JSONL stream),
// validated by Eventline in full and after a one-line edit, beside (a) vscode-json-languageservice
// doValidation of the first 20,000 events as a JSON array against one if/then schema, and (b)
// JSON.parse of every line, the parsing ceiling.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getLanguageService, TextDocument, type JSONSchema } from 'vscode-json-languageservice';
import { createEventFileValidator } from '../core/envelope/eventFile';
import { Workspace } from '../core/workspace/workspace';
import { generateWorkspace, type BenchSchema } from './generate';
import { medianMs, medianTimed, type Benchmark, type BenchResult } from './harness';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const BASELINE_EVENTS = Math.min(EVENTS, 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Baseline (a) takes ~1 ms per event, so it runs once (after a warm-up) unless asked for more. */
const BASELINE_A_RUNS = Number(process.env.BENCH_BASELINE_RUNS ?? 1);

export const validationBenchmark: Benchmark = {
  name: 'validation',
  async run(): Promise<BenchResult> {
    const generated = generateWorkspace({ types: 200, events: EVENTS, seed: 42 });
    const root = mkdtempSync(join(tmpdir(), 'eventline-bench-'));
    try {
      for (const s of generated.schemas) write(join(root, 'schemas', s.type, `${s.version}.schema.json`), JSON.stringify(s.schema, null, 2));
      const streamFile = join(root, 'events', 'stream.events.jsonl');
      write(streamFile, '');
      const workspace = Workspace.load(root);
      const schemaProblems = workspace.registry.files().reduce((n, f) => n + workspace.registry.problems(f).filter((p) => p.severity === 'error').length, 0);
      const context = { registry: workspace.registry, config: workspace.config };
      const text = generated.jsonl;
      const newValidator = () => createEventFileValidator(streamFile, 'jsonl', context);

      // Eventline, full validation of the whole file (a fresh validator each run: no cache).
      let problems = 0;
      const full = await medianTimed(() => {
        const validator = newValidator();
        const start = performance.now();
        problems = validator.validate(text).length;
        return performance.now() - start;
      }, RUNS);

      // Eventline, a one-line edit in the middle: change the amount of one event, handed over
      // as the editor sends it (an LSP range and its new text), which is the language server's path.
      const validator = newValidator();
      validator.validate(text);
      const middle = generated.lines.length >> 1;
      const lineStart = generated.lines.slice(0, middle).reduce((n, l) => n + l.length + 1, 0);
      const amountColumn = text.indexOf('"amount":', lineStart) - lineStart + '"amount":'.length;
      const at = { line: middle, character: amountColumn };
      let editCount = 0;
      const edit = await medianTimed(() => {
        editCount++;
        const start = performance.now();
        validator.applyEdits([{ range: { start: at, end: { line: middle, character: amountColumn + 1 } }, text: String(editCount % 9) }]);
        return performance.now() - start;
      }, RUNS * 2);
      // The same edit handed over as a whole new text (a client without incremental sync): the
      // validator finds the changed lines by comparing it with the previous text.
      const textValidator = newValidator();
      textValidator.validate(text);
      const flatEdit = await medianTimed(() => {
        editCount++;
        const edited = text.slice(0, lineStart + amountColumn) + String(editCount % 9) + text.slice(lineStart + amountColumn + 1);
        const flat = JSON.parse(JSON.stringify(edited)) as string;
        const start = performance.now();
        textValidator.validate(flat);
        return performance.now() - start;
      }, RUNS * 2);

      // Baseline (b): JSON.parse of every line.
      const parse = await medianMs(() => parseEveryLine(text), RUNS);

      // Baseline (a) and Eventline on the same first 20,000 events.
      const firstLines = generated.lines.slice(0, BASELINE_EVENTS);
      const firstJsonl = `${firstLines.join('\n')}\n`;
      const eventline20k = await medianMs(() => newValidator().validate(firstJsonl), RUNS);
      const jsonLs = await jsonLanguageServiceValidation(generated.schemas, firstLines);

      const rate = (events: number, ms: number) => (events / ms) * 1000;
      const fullRate = rate(EVENTS, full.median);
      const parseRate = rate(EVENTS, parse.median);
      const eventline20kRate = rate(BASELINE_EVENTS, eventline20k.median);
      const jsonLsRate = rate(BASELINE_EVENTS, jsonLs.median);
      return {
        name: 'validation',
        description: `${EVENTS.toLocaleString('en-US')} events (${(text.length / 1048576).toFixed(1)} MB JSONL), ${new Set(generated.schemas.map((s) => s.type)).size} event types / ${generated.schemas.length} schemas; medians of ${RUNS} runs after a warm-up (edits: ${RUNS * 2}; baseline (a): ${BASELINE_A_RUNS}).`,
        figures: [
          { name: 'Eventline full validation', value: fullRate, unit: 'events/s' },
          { name: '(b) JSON.parse of every line', value: parseRate, unit: 'events/s' },
          { name: `Eventline full validation, first ${BASELINE_EVENTS.toLocaleString('en-US')} events`, value: eventline20kRate, unit: 'events/s' },
          { name: `(a) json-languageservice doValidation, same ${BASELINE_EVENTS.toLocaleString('en-US')}`, value: jsonLsRate, unit: 'events/s' },
          { name: 'Eventline full validation time', value: full.median, unit: 'ms' },
          { name: 'Eventline one-line edit revalidation (editor change)', value: edit.median, unit: 'ms' },
          { name: 'Eventline one-line edit revalidation (whole new text)', value: flatEdit.median, unit: 'ms' },
        ],
        comparisons: [
          { name: 'Eventline / (a) json-languageservice', value: eventline20kRate / jsonLsRate, kind: 'min', target: 50, description: 'per-event throughput, same events' },
          { name: 'Eventline / (b) JSON.parse', value: fullRate / parseRate, kind: 'min', target: 0.5, description: 'full validation vs the parsing ceiling' },
          { name: 'edit time / full time', value: edit.median / full.median, kind: 'max', target: 1 / 50, description: 'incremental: the editor change applied to the changed line (the language server path)' },
          { name: 'edit time / full time (whole new text)', value: flatEdit.median / full.median, kind: 'max', target: 1 / 50, description: 'incremental: changed lines found by diffing the new text with the old' },
        ],
        details: {
          events: EVENTS,
          baselineEvents: BASELINE_EVENTS,
          bytes: text.length,
          schemas: generated.schemas.length,
          schemaErrors: schemaProblems,
          problemsInStream: problems,
          samplesMs: { full: full.samples, edit: edit.samples, flatEdit: flatEdit.samples, parse: parse.samples, eventline20k: eventline20k.samples, jsonLanguageService: jsonLs.samples },
        },
      };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function parseEveryLine(text: string): number {
  let count = 0;
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    if (end > start) {
      JSON.parse(text.slice(start, end));
      count++;
    }
    start = end + 1;
  }
  return count;
}

/** One draft-07 schema for an array of envelopes that picks `data`'s schema with if/then on eventType + version. */
function equivalentSchema(schemas: BenchSchema[]): JSONSchema {
  const branches = schemas.map((s) => {
    const data = Object.fromEntries(Object.entries(s.schema).filter(([key]) => key !== '$schema' && key !== 'x-event'));
    return {
      if: { properties: { eventType: { const: s.type }, version: { const: s.version } }, required: ['eventType', 'version'] },
      then: { properties: { data, source: { const: s.source } } },
    };
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'array',
    items: {
      type: 'object',
      required: ['eventId', 'eventType', 'timestamp', 'version', 'source', 'data'],
      properties: {
        eventId: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' },
        eventType: { type: 'string', enum: [...new Set(schemas.map((s) => s.type))] },
        timestamp: { type: 'string', format: 'date-time' },
        version: { type: 'string', pattern: '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$' },
        source: { type: 'string', pattern: '^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$' },
        data: { type: 'object' },
        metadata: { type: 'object', properties: { correlationId: { type: 'string', minLength: 1 }, causationId: { type: 'string', minLength: 1 } } },
      },
      additionalProperties: false,
      allOf: branches,
    } as JSONSchema,
  };
}

async function jsonLanguageServiceValidation(schemas: BenchSchema[], lines: string[]): Promise<{ median: number; samples: number[] }> {
  const schemaUri = 'bench://events.schema.json';
  const schemaText = JSON.stringify(equivalentSchema(schemas));
  const service = getLanguageService({ schemaRequestService: (uri) => (uri === schemaUri ? Promise.resolve(schemaText) : Promise.reject(new Error(`unknown schema ${uri}`))) });
  service.configure({ validate: true, allowComments: false, schemas: [{ uri: schemaUri, fileMatch: ['*.events.json'] }] });
  const validate = async (items: string[]) => {
    const document = TextDocument.create('file:///bench/stream.events.json', 'json', 1, `[\n${items.join(',\n')}\n]\n`);
    const diagnostics = await service.doValidation(document, service.parseJSONDocument(document));
    return diagnostics.length;
  };
  const errors = await validate(lines.slice(0, 1000)); // warm-up (schema fetch and resolution)
  if (errors > 0) throw new Error(`baseline (a) finds ${errors} problems in valid events: the equivalent schema is wrong`);
  return medianMs(() => validate(lines), BASELINE_A_RUNS, 0);
}
