// The default envelope (DESIGN §1): eventId, eventType, timestamp, version, source, data and
// optional metadata. One pass over a parsed value, no allocation for a valid event beyond its
// summary, because this runs on every line of a stream file.
import type { SchemaLookup } from '../registry/types';
import type { Finding } from '../types';
import { checkData, checkEventType, checkVersionExists } from './eventType';
import { clip, describeBadId, describeNonUuidV4, isPlainObject, isServiceName, jsonTypeOf, parseTimestamp, suggestServiceName, VERSION_PATTERN } from './formats';
import { closestName } from './suggest';
import type { EnvelopeResult, EnvelopeStyleSpec, EventSummary } from './types';

export const DEFAULT_FIELDS = ['eventId', 'eventType', 'timestamp', 'version', 'source', 'data', 'metadata'] as const;
const KNOWN_FIELDS: ReadonlySet<string> = new Set(DEFAULT_FIELDS);

const EXAMPLES: Record<string, string> = {
  eventId: 'a UUID v4 such as "3f1c2b9e-7d4a-4c1e-9b2f-5a6d7e8f9a0b"',
  eventType: 'the event type, e.g. "OrderPlaced"',
  timestamp: 'an RFC 3339 time with a zone, e.g. "2026-01-05T10:30:00Z"',
  version: 'the schema version as MAJOR.MINOR, e.g. "1.0"',
  source: 'the producing service, e.g. "order-service"',
  data: 'the event payload object',
};

export function checkDefaultEnvelope(value: unknown, registry: SchemaLookup): EnvelopeResult {
  if (!isPlainObject(value)) {
    return { findings: [{ code: 'envelope/not-an-object', message: `An event envelope must be a JSON object, not ${jsonTypeOf(value)}: write {"eventId": ..., "eventType": ..., "timestamp": ..., "version": ..., "source": ..., "data": {...}}.`, path: [] }], summary: { time: NaN }, types: [] };
  }
  // The summary's fields are gathered in locals and the object is built once at the end, with
  // one shape: a stream file keeps 100,000 of them, so adding properties one by one (a new
  // hidden class and a properties array each) showed up in profiles and in GC time.
  let id: string | undefined;
  let time = NaN;
  let causationId: string | undefined;
  const findings: Finding[] = [];
  for (const key in value) {
    if (!KNOWN_FIELDS.has(key)) findings.push(unknownField(key));
  }

  const { eventId, eventType, timestamp, version, source, data, metadata } = value;
  if (requireString(findings, 'eventId', eventId)) {
    id = eventId;
    const problem = describeNonUuidV4(eventId);
    if (problem) findings.push({ code: 'envelope/event-id-not-uuid-v4', message: `eventId "${clip(eventId)}" ${problem}: event ids must be UUID v4 (random), e.g. from crypto.randomUUID().`, path: ['eventId'] });
  }

  let versions: string[] | undefined;
  const types: string[] = [];
  if (requireString(findings, 'eventType', eventType)) {
    types.push(eventType);
    versions = checkEventType(findings, registry, eventType, ['eventType'], 'eventType');
  }

  if (requireString(findings, 'timestamp', timestamp)) {
    const parsed = parseTimestamp(timestamp);
    if (parsed.ok) time = parsed.time;
    else findings.push({ code: 'envelope/invalid-timestamp', message: `timestamp "${clip(timestamp)}" ${parsed.problem}.`, path: ['timestamp'] });
  }

  let knownVersion: string | undefined;
  if (requireString(findings, 'version', version)) {
    if (!VERSION_PATTERN.test(version)) {
      findings.push({ code: 'envelope/invalid-version', message: `version "${clip(version)}" is not MAJOR.MINOR: write it like "1.0" or "2.1".`, path: ['version'] });
    } else if (versions && checkVersionExists(findings, eventType as string, version, versions, ['version'])) {
      knownVersion = version;
    }
  } else if (typeof version === 'number' && findings.length > 0) {
    const last = findings[findings.length - 1];
    last.message += ` Quote it: "${Number.isInteger(version) ? `${version}.0` : String(version)}".`;
  }

  if (requireString(findings, 'source', source)) {
    if (!isServiceName(source)) {
      const suggestion = suggestServiceName(source);
      findings.push({
        code: 'envelope/invalid-source',
        message: `source "${clip(source)}" is not a service name: use lowercase letters and digits in words joined by '-', '_' or '.'${suggestion ? `, e.g. "${suggestion}"` : ' (e.g. "order-service")'}.`,
        path: ['source'],
        ...(suggestion ? { data: { suggestion } } : {}),
      });
    } else if (knownVersion) {
      const declared = registry.get(eventType as string, knownVersion)?.source;
      if (declared && declared !== source) {
        findings.push({ code: 'envelope/source-mismatch', message: `${eventType as string} ${knownVersion} is produced by "${declared}" (x-event.source in its schema), but this event says "${source}": fix the source, or the schema's x-event.source if the producer moved.`, path: ['source'], data: { expected: declared } });
      }
    }
  }

  if (metadata !== undefined) causationId = checkMetadata(findings, metadata);

  if (data === undefined) findings.push(missingField('data'));
  else if (!isPlainObject(data)) findings.push({ code: 'envelope/wrong-type', message: `data must be an object (the event payload), not ${jsonTypeOf(data)}.`, path: ['data'] });
  else if (knownVersion) checkData(findings, registry, eventType as string, knownVersion, data, ['data']);

  const summary: EventSummary = { key: id, id, causationId, time };
  return { findings, summary, types };
}

function checkMetadata(findings: Finding[], metadata: unknown): string | undefined {
  if (!isPlainObject(metadata)) {
    findings.push({ code: 'envelope/invalid-metadata', message: `metadata must be an object such as {"correlationId": "...", "causationId": "..."}, not ${jsonTypeOf(metadata)}.`, path: ['metadata'] });
    return undefined;
  }
  let causation: string | undefined;
  for (const key of ['correlationId', 'causationId'] as const) {
    const id = metadata[key];
    if (id === undefined) continue;
    const problem = describeBadId(id);
    if (problem) findings.push({ code: 'envelope/invalid-metadata', message: `metadata.${key} ${problem}: use the id of the ${key === 'causationId' ? 'event that caused this one' : 'originating request or workflow'}, or remove it.`, path: ['metadata', key] });
    else if (key === 'causationId') causation = id as string;
  }
  return causation;
}

/** True when the field is a string; otherwise records missing-field or wrong-type. */
function requireString(findings: Finding[], field: string, value: unknown): value is string {
  if (typeof value === 'string') return true;
  if (value === undefined) findings.push(missingField(field));
  else findings.push({ code: 'envelope/wrong-type', message: `${field} must be a string, not ${jsonTypeOf(value)}.`, path: [field] });
  return false;
}

function missingField(field: string): Finding {
  return { code: 'envelope/missing-field', message: `The envelope has no "${field}": add ${EXAMPLES[field]}.`, path: [field], data: { field } };
}

function unknownField(key: string): Finding {
  const suggestion = closestName(key, DEFAULT_FIELDS);
  const hint = suggestion ? `did you mean "${suggestion}"?` : `put extra context in metadata or data (envelope fields: ${DEFAULT_FIELDS.join(', ')}).`;
  return { code: 'envelope/unknown-field', message: `"${clip(key)}" is not an envelope field: ${hint}`, path: [key], target: 'key', ...(suggestion ? { data: { suggestion } } : {}) };
}

export const defaultStyle: EnvelopeStyleSpec = {
  check: checkDefaultEnvelope,
  keyIsId: true,
  idPath: ['eventId'],
  causationPath: ['metadata', 'causationId'],
  timePath: ['timestamp'],
  idName: 'eventId',
  causationName: 'causationId',
  timeName: 'timestamp',
};
