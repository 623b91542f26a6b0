/**
 * CloudEvents 1.0.2, structured JSON mode (`"envelope": "cloudevents"` in eventline.json).
 *
 * How a CloudEvent maps onto Eventline's schemas:
 * - Required attributes: `specversion` (must be the string "1.0"), `id` (non-empty string),
 *   `source` (non-empty URI-reference, RFC 3986), `type` (non-empty string).
 *   Optional: `time` (RFC 3339 with a zone), `datacontenttype` (string), `subject` (non-empty
 *   string), `dataschema` (URI-reference; the spec types it as an absolute URI, Eventline also
 *   accepts a relative one such as "schemas/OrderPlaced/1.0.schema.json").
 * - Event type: `type` names a registry event type exactly (`OrderPlaced`), or, when it is
 *   reverse-DNS style (`com.shop.OrderPlaced`), its last dot-separated segment. The exact match
 *   wins when both exist.
 * - Schema version, from either:
 *   - the `dataversion` extension: "MAJOR.MINOR", e.g. `"dataversion": "1.0"`; or
 *   - `dataschema`: any URI whose last two path segments are `<Type>/<MAJOR.MINOR>`, optionally
 *     followed by `.schema.json`, `.schema.yaml` or `.json` (query and fragment are ignored), e.g.
 *     `"dataschema": "schemas/OrderPlaced/1.0.schema.json"` or
 *     `"dataschema": "https://schemas.shop.example/OrderPlaced/1.0"`.
 *   Neither present -> cloudevents/missing-version; both present and different ->
 *   cloudevents/version-conflict. A `dataschema` naming another type than `type` is
 *   cloudevents/invalid-attribute.
 * - `data` is validated against the schema of that type and version. `data_base64` (binary
 *   data) is accepted but not schema-validated; `data` and `data_base64` together are an error.
 *   A `datacontenttype` that is not JSON (`application/json` or any `+json` type) also skips
 *   schema validation of `data`.
 * - Metadata ids: the `correlationid` and `causationid` extensions (non-empty strings up to 256
 *   characters without whitespace). Stream rules use `causationid` against earlier events' `id`,
 *   and detect duplicates by `source` + `id` (the spec's identity of an event).
 * - Every other attribute is an extension: its name must be lowercase letters a-z and digits
 *   0-9 (error otherwise); names over 20 characters get a warning (the spec's SHOULD); values
 *   must be strings, numbers or booleans.
 * - `source` vs the schema's `x-event.source`: a warning when the source's last path segment
 *   (after the last '/' or ':') differs from it, e.g. "/order-service" or
 *   "urn:shop:order-service" match "order-service".
 */
import type { SchemaLookup } from '../registry/types';
import type { Finding } from '../types';
import { checkData, checkEventType, checkVersionExists } from './eventType';
import { clip, describeBadId, isPlainObject, isUriReference, jsonTypeOf, parseTimestamp, VERSION_PATTERN } from './formats';
import type { EnvelopeResult, EnvelopeStyleSpec, EventSummary } from './types';

const CONTEXT_ATTRIBUTES: ReadonlySet<string> = new Set(['specversion', 'id', 'source', 'type', 'datacontenttype', 'dataschema', 'subject', 'time', 'data', 'data_base64']);
const EXTENSION_NAME = /^[a-z0-9]+$/;
const MAX_EXTENSION_NAME = 20;
const DATASCHEMA_VERSION = /^(\d+\.\d+)(?:\.schema\.json|\.schema\.yaml|\.json)?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function checkCloudEvent(value: unknown, registry: SchemaLookup): EnvelopeResult {
  const summary: EventSummary = { time: NaN };
  if (!isPlainObject(value)) {
    return { findings: [{ code: 'envelope/not-an-object', message: `A CloudEvent must be a JSON object, not ${jsonTypeOf(value)}: write {"specversion": "1.0", "id": ..., "source": ..., "type": ..., "data": {...}}.`, path: [] }], summary, types: [] };
  }
  const findings: Finding[] = [];
  const { specversion, id, source, type, time, datacontenttype, dataschema, subject, data, data_base64: dataBase64, dataversion } = value;

  if (specversion === undefined) findings.push(missing('specversion', 'add "specversion": "1.0"'));
  else if (specversion !== '1.0') findings.push({ code: 'cloudevents/unsupported-specversion', message: `specversion ${clip(JSON.stringify(specversion) ?? '')} is not supported: CloudEvents 1.0.x events carry "specversion": "1.0".`, path: ['specversion'] });

  if (id === undefined) findings.push(missing('id', 'add a unique id, e.g. a UUID'));
  else if (nonEmptyString(findings, 'id', id)) summary.id = id;

  if (source === undefined) findings.push(missing('source', 'add a URI-reference naming the producer, e.g. "/order-service"'));
  else if (typeof source !== 'string' || source === '' || !isUriReference(source)) {
    findings.push({ code: 'cloudevents/invalid-source', message: `source ${describeValue(source)} is not a URI-reference (RFC 3986): use e.g. "/order-service" or "urn:shop:order-service" (percent-encode spaces and other special characters).`, path: ['source'] });
  }
  if (summary.id !== undefined) summary.key = `${typeof source === 'string' ? source : ''}\u0000${summary.id}`;

  for (const key in value) {
    if (CONTEXT_ATTRIBUTES.has(key)) continue;
    checkExtension(findings, key, value[key]);
  }

  if (time !== undefined && typeof time !== 'string') findings.push({ code: 'cloudevents/invalid-time', message: `time must be an RFC 3339 string such as "2026-01-05T10:30:00Z", not ${jsonTypeOf(time)}.`, path: ['time'] });
  else if (typeof time === 'string') {
    const parsed = parseTimestamp(time);
    if (parsed.ok) summary.time = parsed.time;
    else findings.push({ code: 'cloudevents/invalid-time', message: `time "${clip(time)}" ${parsed.problem}.`, path: ['time'] });
  }

  let jsonData = true;
  if (datacontenttype !== undefined && nonEmptyString(findings, 'datacontenttype', datacontenttype)) {
    jsonData = /^application\/json\b|\+json\b/i.test(datacontenttype);
  }
  if (subject !== undefined) nonEmptyString(findings, 'subject', subject);

  // The event type: exact, else the last segment of a reverse-DNS name.
  const types: string[] = [];
  let eventType: string | undefined;
  let versions: string[] | undefined;
  if (type === undefined) findings.push(missing('type', 'add the event type, e.g. "OrderPlaced" or "com.shop.OrderPlaced"'));
  else if (nonEmptyString(findings, 'type', type)) {
    types.push(type);
    const exact = registry.versions(type);
    const lastSegment = type.includes('.') ? type.slice(type.lastIndexOf('.') + 1) : undefined;
    if (exact.length > 0) [eventType, versions] = [type, exact];
    else if (lastSegment) {
      types.push(lastSegment);
      versions = checkEventType(findings, registry, lastSegment, ['type'], 'type', type);
      if (versions) eventType = lastSegment;
    } else versions = checkEventType(findings, registry, type, ['type'], 'type');
    if (versions && !eventType) eventType = type;
  }

  const version = resolveVersion(findings, dataschema, dataversion, eventType);

  let knownVersion: string | undefined;
  if (eventType && versions && version) {
    if (checkVersionExists(findings, eventType, version.value, versions, [version.from])) knownVersion = version.value;
  }

  // Only a well-formed source can name a producer: a malformed one is reported once, above.
  if (typeof source === 'string' && isUriReference(source) && knownVersion && eventType) {
    const declared = registry.get(eventType, knownVersion)?.source;
    const service = source.split(/[/:]/).filter(Boolean).pop();
    if (declared && service !== declared) {
      findings.push({ code: 'envelope/source-mismatch', message: `${eventType} ${knownVersion} is produced by "${declared}" (x-event.source in its schema), but source "${clip(source)}" names another producer: use e.g. "/${declared}", or fix x-event.source.`, path: ['source'], data: { expected: declared } });
    }
  }

  if (data !== undefined && dataBase64 !== undefined) {
    findings.push({ code: 'cloudevents/invalid-attribute', message: 'An event carries either data or data_base64, never both: remove one.', path: ['data_base64'], target: 'key' });
  } else if (dataBase64 !== undefined && (typeof dataBase64 !== 'string' || dataBase64.length % 4 !== 0 || !BASE64.test(dataBase64))) {
    findings.push({ code: 'cloudevents/invalid-attribute', message: 'data_base64 must be a Base64 string (RFC 4648, padded with =).', path: ['data_base64'] });
  }
  if (data !== undefined && jsonData && eventType && knownVersion) checkData(findings, registry, eventType, knownVersion, data, ['data']);

  const causation = value.causationid;
  if (typeof causation === 'string' && describeBadId(causation) === undefined) summary.causationId = causation;
  return { findings, summary, types };
}

function resolveVersion(findings: Finding[], dataschema: unknown, dataversion: unknown, eventType: string | undefined): { value: string; from: string } | undefined {
  let fromSchema: string | undefined;
  if (dataschema !== undefined) {
    if (typeof dataschema !== 'string' || dataschema === '' || !isUriReference(dataschema)) {
      findings.push({ code: 'cloudevents/invalid-attribute', message: `dataschema ${describeValue(dataschema)} is not a URI: use e.g. "schemas/OrderPlaced/1.0.schema.json".`, path: ['dataschema'] });
    } else {
      const segments = dataschema.replace(/[?#].*$/, '').split('/');
      const match = segments.length >= 2 ? DATASCHEMA_VERSION.exec(segments[segments.length - 1]) : null;
      if (match) {
        fromSchema = match[1];
        const schemaType = decodeSegment(segments[segments.length - 2]);
        if (eventType && schemaType !== eventType) {
          findings.push({ code: 'cloudevents/invalid-attribute', message: `dataschema names the schema of ${clip(schemaType)}, but the event type is ${eventType}: point it at ${eventType}'s schema.`, path: ['dataschema'] });
        }
      }
    }
  }
  let fromExtension: string | undefined;
  if (dataversion !== undefined) {
    if (typeof dataversion === 'string' && VERSION_PATTERN.test(dataversion)) fromExtension = dataversion;
    else findings.push({ code: 'cloudevents/invalid-attribute', message: `dataversion ${describeValue(dataversion)} is not MAJOR.MINOR: write it like "1.0".`, path: ['dataversion'] });
  }
  if (fromSchema && fromExtension && fromSchema !== fromExtension) {
    findings.push({ code: 'cloudevents/version-conflict', message: `dataversion says ${fromExtension} but dataschema points at version ${fromSchema}: make them agree.`, path: ['dataversion'] });
    return undefined;
  }
  if (fromExtension) return { value: fromExtension, from: 'dataversion' };
  if (fromSchema) return { value: fromSchema, from: 'dataschema' };
  if (dataschema === undefined && dataversion === undefined) {
    findings.push({ code: 'cloudevents/missing-version', message: 'The event does not say which schema version its data follows: add "dataversion": "1.0", or a dataschema ending in /<Type>/<MAJOR.MINOR>.schema.json.', path: ['type'] });
  } else if (dataversion === undefined && typeof dataschema === 'string' && !fromSchema) {
    findings.push({ code: 'cloudevents/missing-version', message: `dataschema "${clip(dataschema)}" does not end in /<Type>/<MAJOR.MINOR>[.schema.json], so the schema version is unknown: add "dataversion": "1.0" or point dataschema at e.g. schemas/OrderPlaced/1.0.schema.json.`, path: ['dataschema'] });
  }
  return undefined;
}

function checkExtension(findings: Finding[], name: string, value: unknown): void {
  if (!EXTENSION_NAME.test(name)) {
    const fixed = name.toLowerCase().replace(/[^a-z0-9]/g, '');
    findings.push({ code: 'cloudevents/invalid-extension-name', message: `Extension attribute "${clip(name)}" must use only lowercase letters a-z and digits 0-9${fixed ? `: rename it "${fixed}"` : ''}.`, path: [name], target: 'key', ...(fixed ? { data: { suggestion: fixed } } : {}) });
  } else if (name.length > MAX_EXTENSION_NAME) {
    findings.push({ code: 'cloudevents/invalid-extension-name', severity: 'warning', message: `Extension attribute "${clip(name)}" is ${name.length} characters long; CloudEvents recommends at most ${MAX_EXTENSION_NAME}: shorten it.`, path: [name], target: 'key' });
  }
  if (name === 'correlationid' || name === 'causationid') {
    const problem = describeBadId(value);
    if (problem) findings.push({ code: 'cloudevents/invalid-attribute', message: `${name} ${problem}: use the id of the ${name === 'causationid' ? 'event that caused this one' : 'originating request or workflow'}, or remove it.`, path: [name] });
  } else if (value === null || (typeof value === 'object')) {
    findings.push({ code: 'cloudevents/invalid-attribute', message: `Extension attribute "${clip(name)}" must be a string, number or boolean, not ${jsonTypeOf(value)}: put structured values in data.`, path: [name] });
  }
}

function nonEmptyString(findings: Finding[], name: string, value: unknown): value is string {
  if (typeof value === 'string' && value !== '') return true;
  findings.push({ code: 'cloudevents/invalid-attribute', message: `${name} must be a non-empty string, not ${typeof value === 'string' ? 'an empty one' : jsonTypeOf(value)}.`, path: [name] });
  return false;
}

function missing(name: string, fix: string): Finding {
  return { code: 'cloudevents/missing-attribute', message: `The CloudEvent has no required "${name}" attribute: ${fix}.`, path: [name], data: { field: name } };
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? `"${clip(value)}"` : jsonTypeOf(value);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export const cloudEventsStyle: EnvelopeStyleSpec = {
  check: checkCloudEvent,
  keyIsId: false,
  idPath: ['id'],
  causationPath: ['causationid'],
  timePath: ['time'],
  idName: 'id',
  causationName: 'causationid',
  timeName: 'time',
};
