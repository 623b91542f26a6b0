// Every diagnostic Eventline reports, with a stable code and its default severity. Codes never
// change meaning once published: a retired rule keeps its entry with `replacedBy` (as buf does),
// so suppressions and CI filters written against a code keep working.
import type { Severity } from './types';

export interface RuleSpec {
  code: string;
  severity: Severity;
  /** One line: what the rule guards against. */
  purpose: string;
  replacedBy?: string[];
}

const rules = [
  // Files that cannot be read as text or parsed.
  { code: 'file/invalid-utf8', severity: 'error', purpose: 'A file is not valid UTF-8 text.' },
  { code: 'file/too-large', severity: 'warning', purpose: 'A file exceeds the size Eventline validates (eventline.json maxFileSizeMB).' },
  { code: 'json/syntax-error', severity: 'error', purpose: 'A JSON document (or a JSONL line) does not parse.' },
  { code: 'json/too-deep', severity: 'error', purpose: 'A JSON document nests deeper than Eventline follows.' },
  { code: 'yaml/syntax-error', severity: 'error', purpose: 'A YAML schema does not parse.' },

  // eventline.json
  { code: 'config/invalid', severity: 'error', purpose: 'eventline.json violates its schema (unknown key, wrong type, bad value).' },

  // Schema files.
  { code: 'schema/invalid-json-schema', severity: 'error', purpose: 'A schema is not valid against its JSON Schema meta-schema (draft-07 or 2020-12).' },
  { code: 'schema/unknown-dialect', severity: 'error', purpose: '`$schema` names a dialect other than draft-07 or 2020-12.' },
  { code: 'schema/missing-x-event', severity: 'error', purpose: 'A schema file has no `x-event` block.' },
  { code: 'schema/invalid-x-event', severity: 'error', purpose: 'The `x-event` block has a missing, unknown or mistyped key.' },
  { code: 'schema/invalid-version', severity: 'error', purpose: '`x-event.version` is not MAJOR.MINOR.' },
  { code: 'schema/invalid-kind', severity: 'error', purpose: '`x-event.kind` is not domain, integration or system.' },
  { code: 'schema/type-path-mismatch', severity: 'error', purpose: '`x-event.type` differs from the schema\'s folder name.' },
  { code: 'schema/version-path-mismatch', severity: 'error', purpose: '`x-event.version` differs from the schema\'s file name.' },
  { code: 'schema/misplaced-file', severity: 'warning', purpose: 'A schema file is not at schemas/<EventType>/<MAJOR.MINOR>.schema.(json|yaml).' },
  { code: 'schema/duplicate-version', severity: 'error', purpose: 'Two schema files declare the same event type and version.' },
  { code: 'schema/invalid-partition-key', severity: 'error', purpose: '`x-event.partitionKey` is not a JSON Pointer.' },
  { code: 'schema/partition-key-not-found', severity: 'error', purpose: '`x-event.partitionKey` points at a property the schema does not declare.' },
  { code: 'schema/unresolved-ref', severity: 'error', purpose: 'A `$ref` names a file or a fragment that does not exist.' },
  { code: 'schema/ref-cycle', severity: 'error', purpose: 'A chain of `$ref`s loops back on itself without describing any value.' },
  { code: 'schema/compile-failed', severity: 'error', purpose: 'The schema cannot be compiled into a validator.' },

  // Schema evolution between versions of one event type.
  { code: 'compat/breaking-change', severity: 'error', purpose: 'A minor version breaks the compatibility mode (BACKWARD, FORWARD, FULL, transitive or not) against an earlier version of its major.' },
  { code: 'compat/upcaster-needed', severity: 'information', purpose: 'A new major version: consumers of the previous major need an upcaster.' },
  { code: 'compat/unused-suppression', severity: 'warning', purpose: 'An `x-event.allowBreaking` entry covers no breaking change in its version.' },
  { code: 'schema/published-version-modified', severity: 'error', purpose: 'A schema version that existed at the `check --against` git ref was edited: released versions are immutable.' },

  // Event type naming and granularity.
  { code: 'naming/not-pascal-case', severity: 'warning', purpose: 'Event type names are PascalCase (OrderPlaced).' },
  { code: 'naming/not-past-tense', severity: 'warning', purpose: 'Event types are past-tense business facts (OrderPlaced, not PlaceOrder).' },
  { code: 'naming/coarse-grained', severity: 'information', purpose: 'A generic "Updated/Changed" event with mostly optional fields: coarse versus fine-grained trade-off.' },

  // Envelopes, default style.
  { code: 'envelope/not-an-object', severity: 'error', purpose: 'An envelope is not a JSON object.' },
  { code: 'envelope/missing-field', severity: 'error', purpose: 'A required envelope field is missing.' },
  { code: 'envelope/unknown-field', severity: 'warning', purpose: 'An envelope carries a field the envelope style does not define.' },
  { code: 'envelope/wrong-type', severity: 'error', purpose: 'An envelope field has the wrong JSON type.' },
  { code: 'envelope/event-id-not-uuid-v4', severity: 'error', purpose: '`eventId` is not a UUID version 4.' },
  { code: 'envelope/unknown-event-type', severity: 'error', purpose: '`eventType` names no event type in the schema registry.' },
  { code: 'envelope/invalid-version', severity: 'error', purpose: '`version` is not MAJOR.MINOR.' },
  { code: 'envelope/unknown-version', severity: 'error', purpose: '`version` does not exist for the event type.' },
  { code: 'envelope/invalid-timestamp', severity: 'error', purpose: '`timestamp` is not RFC 3339 with a time zone.' },
  { code: 'envelope/invalid-source', severity: 'error', purpose: '`source` is not a service name.' },
  { code: 'envelope/source-mismatch', severity: 'warning', purpose: '`source` differs from the producing service declared in `x-event.source`.' },
  { code: 'envelope/invalid-metadata', severity: 'error', purpose: '`metadata` or its correlation/causation ids are malformed.' },
  { code: 'envelope/data-invalid', severity: 'error', purpose: '`data` does not validate against the schema of its event type and version.' },

  // Envelopes, CloudEvents 1.0.2 structured mode.
  { code: 'cloudevents/missing-attribute', severity: 'error', purpose: 'A required CloudEvents attribute (specversion, id, source, type) is missing.' },
  { code: 'cloudevents/unsupported-specversion', severity: 'error', purpose: '`specversion` is not "1.0".' },
  { code: 'cloudevents/invalid-attribute', severity: 'error', purpose: 'A CloudEvents attribute has the wrong type or an empty value.' },
  { code: 'cloudevents/invalid-source', severity: 'error', purpose: '`source` is not a URI-reference.' },
  { code: 'cloudevents/invalid-time', severity: 'error', purpose: '`time` is not RFC 3339.' },
  { code: 'cloudevents/invalid-extension-name', severity: 'error', purpose: 'An extension attribute name is not lowercase letters and digits (at most 20 recommended).' },
  { code: 'cloudevents/missing-version', severity: 'error', purpose: 'Neither `dataschema` nor the `dataversion` extension says which schema version `data` follows.' },
  { code: 'cloudevents/version-conflict', severity: 'error', purpose: '`dataschema` and `dataversion` name different versions.' },

  // Stream-file rules (one file = one ordered stream).
  { code: 'stream/not-an-array', severity: 'error', purpose: 'A *.events.json file is not an array of envelopes.' },
  { code: 'stream/duplicate-event-id', severity: 'warning', purpose: 'Two events share an id: consumers will see a duplicate and must be idempotent.' },
  { code: 'stream/unknown-causation', severity: 'warning', purpose: 'A causationId names no earlier event in the file.' },
  { code: 'stream/timestamp-backwards', severity: 'warning', purpose: 'An event is timestamped before the event preceding it.' },
] as const satisfies readonly RuleSpec[];

export type DiagnosticCode = (typeof rules)[number]['code'];

export const RULES: ReadonlyMap<string, RuleSpec> = new Map(rules.map((r) => [r.code, r]));

export function ruleFor(code: string): RuleSpec {
  const rule = RULES.get(code);
  if (!rule) throw new Error(`unknown diagnostic code ${code}`); // a bug in Eventline, never user input
  return rule;
}
