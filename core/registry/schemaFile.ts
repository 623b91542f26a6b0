// One schema file read on its own: parse, meta-schema, x-event, path layout and naming. What
// needs other files ($ref targets, duplicates, compilation) is the registry's job.
import { placeFinding, problemAt } from '../problems';
import { checkEventTypeName } from '../naming/naming';
import { findExcessiveNesting, MAX_NESTING_DEPTH } from '../text/depth';
import type { ParsedDocument } from '../text/document';
import { parseJsonDocument } from '../text/jsonDocument';
import { LineIndex } from '../text/lineIndex';
import { parseYamlDocument } from '../text/yamlDocument';
import type { Finding, JsonPath, Problem } from '../types';
import { checkMetaSchema, dialectOf, type Dialect } from './dialect';
import { formatOf, schemaLayout, type SchemaLayout } from './layout';
import type { SchemaDocView } from './refs';
import { indexSchema, isObject, nestsTooDeep } from './schemaWalk';
import type { EventSchema } from './types';
import { readXEvent, type XEvent } from './xEvent';

export interface AnalyzedSchema extends SchemaDocView {
  doc: ParsedDocument;
  lines: LineIndex;
  layout: SchemaLayout;
  /** Known when `$schema` names a supported dialect (or is absent). */
  dialect?: Dialect;
  /** Parsed, supported dialect and valid against its meta-schema: safe to hand to ajv. */
  compilable: boolean;
  /** Problems that depend on this file alone. */
  localProblems: Problem[];
  xEvent?: XEvent;
  /** Declares a usable type and version. */
  event?: EventSchema;
}

export interface AnalyzeContext {
  /** Absolute path of the schemas folder. */
  schemasRoot: string;
  /** How files are named in messages (relative to the workspace root). */
  display(file: string): string;
  pastTense: boolean;
}

const EMPTY_INDEX = { refs: [], anchors: new Map() };

export function analyzeSchemaFile(file: string, text: string, context: AnalyzeContext): AnalyzedSchema {
  const format = formatOf(file);
  const lines = new LineIndex(text);
  const layout = schemaLayout(context.schemasRoot, file);
  const problems: Problem[] = [];
  const result = (doc: ParsedDocument, value: unknown, extra: Partial<AnalyzedSchema> = {}): AnalyzedSchema => ({
    file, value, doc, lines, layout, index: EMPTY_INDEX, compilable: false, localProblems: problems, ...extra,
  });

  const deepAt = format === 'json' ? findExcessiveNesting(text, MAX_NESTING_DEPTH) : -1;
  if (deepAt !== -1) {
    problems.push(problemAt('json/too-deep', `The schema nests deeper than ${MAX_NESTING_DEPTH} levels: Eventline does not follow it. Flatten it with "$defs" and "$ref".`, { offset: deepAt, length: 1 }, lines, file));
    return result(parseJsonDocument(''), undefined);
  }
  const syntaxCode = format === 'json' ? 'json/syntax-error' : 'yaml/syntax-error';
  if (text.trim() === '') {
    problems.push(problemAt(syntaxCode, 'The file is empty: a schema file holds one JSON Schema object with an x-event block.', { offset: 0, length: Math.min(1, text.length) }, lines, file));
    return result(parseJsonDocument(''), undefined);
  }
  const doc = format === 'json' ? parseJsonDocument(text) : parseYamlDocument(text);
  if (doc.syntaxErrors.length > 0 || doc.value === undefined) {
    for (const error of doc.syntaxErrors) problems.push(problemAt(syntaxCode, `${error.message}: fix the syntax so the schema can be read.`, error, lines, file));
    return result(doc, undefined);
  }
  const value = doc.value;
  const place = (finding: Finding) => problems.push(placeFinding(finding, doc, lines, file));

  if (format === 'yaml' && nestsTooDeep(value, MAX_NESTING_DEPTH)) {
    problems.push(problemAt('json/too-deep', `The schema nests deeper than ${MAX_NESTING_DEPTH} levels or an alias contains itself: Eventline does not follow it.`, doc.locate([]), lines, file));
    return result(doc, undefined);
  }
  if (!isObject(value)) {
    if (layout.kind !== 'shared') place({ code: 'schema/missing-x-event', message: 'The schema is not an object, so it has no x-event block: an event schema is an object with "x-event": {"type": ..., "version": ...} and a "type": "object" description of data.', path: [] });
    else if (typeof value !== 'boolean') place({ code: 'schema/invalid-json-schema', message: 'A schema file must contain a JSON Schema object (or true/false).', path: [] });
    return result(doc, value);
  }

  // Dialect and meta-schema.
  const dialect = dialectOf(value.$schema);
  let metaValid = false;
  if (!dialect) {
    place({ code: 'schema/unknown-dialect', message: `Unknown $schema ${JSON.stringify(value.$schema)}: Eventline validates draft-07 ("http://json-schema.org/draft-07/schema#") and 2020-12 ("https://json-schema.org/draft/2020-12/schema") schemas. Use one of them; without $schema, 2020-12 is assumed.`, path: ['$schema'] });
  } else {
    const meta = checkMetaSchema(value, dialect);
    meta.forEach(place);
    metaValid = meta.length === 0;
  }

  // x-event and where the file sits.
  let xEvent: XEvent | undefined;
  if (layout.kind === 'shared') {
    if ('x-event' in value) place({ code: 'schema/misplaced-file', severity: 'warning', message: `${context.display(file)} is in a shared-definitions folder (its name starts with "_"), so it is not an event type: move it to <schemas>/<EventType>/<MAJOR.MINOR>.schema.json or remove its x-event block.`, path: ['x-event'], target: 'key' });
  } else if (!('x-event' in value)) {
    const type = layout.kind === 'event' ? layout.folderType : 'OrderPlaced';
    const version = layout.kind === 'event' ? layout.fileVersion : '1.0';
    place({ code: 'schema/missing-x-event', message: `The schema has no x-event block: add "x-event": {"type": "${type}", "version": "${version}"} so Eventline knows which event it describes (shared definitions go in a folder starting with "_", e.g. schemas/_common/).`, path: headPath(value), target: 'key' });
  } else {
    const hints = layout.kind === 'event' ? { folderType: layout.folderType, fileVersion: layout.fileVersion } : {};
    const read = readXEvent(value['x-event'], hints);
    read.findings.forEach(place);
    xEvent = read.xEvent;
    checkLayout(layout, xEvent, file, context).forEach(place);
    if (xEvent.type !== undefined) checkEventTypeName(xEvent.type, { pastTense: context.pastTense }).forEach(place);
  }

  const id = typeof value.$id === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(value.$id) ? value.$id.replace(/#$/, '') : undefined;
  const event = xEvent?.type !== undefined && xEvent.version !== undefined ? toEventSchema(file, value, xEvent as XEvent & { type: string; version: string }) : undefined;
  return result(doc, value, { index: indexSchema(value), id, dialect, compilable: dialect !== undefined && metaValid, xEvent, event });
}

/** Where a problem about the whole schema goes: its first key ($schema, title, $id), or its opening brace. */
export function headPath(value: Record<string, unknown>): JsonPath {
  const key = ['$schema', 'title', '$id', 'type'].find((k) => k in value);
  return [key ?? 'x-event'];
}

function checkLayout(layout: SchemaLayout, xEvent: XEvent, file: string, context: AnalyzeContext): Finding[] {
  const findings: Finding[] = [];
  if (layout.kind === 'event') {
    if (xEvent.type !== undefined && xEvent.type !== layout.folderType) {
      findings.push({ code: 'schema/type-path-mismatch', message: `x-event.type "${xEvent.type}" differs from the folder name "${layout.folderType}": rename one so they match (schemas/<EventType>/<MAJOR.MINOR>.schema.json).`, path: ['x-event', 'type'] });
    }
    if (xEvent.version !== undefined && xEvent.version !== layout.fileVersion) {
      findings.push({ code: 'schema/version-path-mismatch', message: `x-event.version "${xEvent.version}" differs from the file name "${layout.fileVersion}": rename the file to ${xEvent.version}.schema.* or change the version.`, path: ['x-event', 'version'] });
    }
  } else if (layout.kind === 'misplaced') {
    const ext = /\.schema\.(json|ya?ml)$/.exec(file)?.[0] ?? '.schema.json';
    const target = xEvent.type !== undefined && xEvent.version !== undefined ? ` move it to ${xEvent.type}/${xEvent.version}${ext} in the schemas folder` : ' move it to <EventType>/<MAJOR.MINOR>.schema.json in the schemas folder';
    findings.push({ code: 'schema/misplaced-file', message: `${context.display(file)} is not at <schemas>/<EventType>/<MAJOR.MINOR>.schema.(json|yaml):${target} (shared definitions go in a folder starting with "_").`, path: xEvent.type !== undefined ? ['x-event', 'type'] : ['x-event'], target: xEvent.type !== undefined ? 'value' : 'key' });
  }
  return findings;
}

function toEventSchema(file: string, value: Record<string, unknown>, xEvent: XEvent & { type: string; version: string }): EventSchema {
  const [major, minor] = xEvent.version.split('.').map(Number);
  const schema: EventSchema = { type: xEvent.type, version: xEvent.version, major, minor, file, schema: value };
  if (xEvent.kind) schema.kind = xEvent.kind;
  if (xEvent.source !== undefined) schema.source = xEvent.source;
  if (xEvent.partitionKey !== undefined) schema.partitionKey = xEvent.partitionKey;
  if (xEvent.compatibility) schema.compatibility = xEvent.compatibility;
  if (xEvent.allowBreaking) schema.allowBreaking = xEvent.allowBreaking;
  if (typeof value.title === 'string') schema.title = value.title;
  const description = xEvent.description ?? (typeof value.description === 'string' ? value.description : undefined);
  if (description !== undefined) schema.description = description;
  return schema;
}
