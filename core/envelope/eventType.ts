// Checks shared by both envelope styles that consult the schema registry: is the type known,
// does the version exist, does `data` validate.
import type { SchemaLookup } from '../registry/types';
import type { Finding, JsonPath } from '../types';
import { clip } from './formats';
import { closestName } from './suggest';

/** The type's versions when it is known; otherwise records unknown-event-type and returns undefined. */
export function checkEventType(findings: Finding[], registry: SchemaLookup, type: string, path: JsonPath, field: string, shown = type): string[] | undefined {
  const versions = registry.versions(type);
  if (versions.length > 0) return versions;
  const known = registry.eventTypes();
  const suggestion = closestName(type, known);
  let hint: string;
  if (suggestion) hint = `did you mean "${suggestion}"?`;
  else if (known.length === 0) hint = 'the registry has no schemas yet: add schemas/<EventType>/<MAJOR.MINOR>.schema.json.';
  else hint = `add its schema as schemas/${type}/1.0.schema.json, or use a known type.`;
  findings.push({ code: 'envelope/unknown-event-type', message: `${field} "${clip(shown)}" is not a known event type: ${hint}`, path, ...(suggestion ? { data: { suggestion } } : {}) });
  return undefined;
}

/** True when `version` exists for the type; otherwise records unknown-version listing the existing ones. */
export function checkVersionExists(findings: Finding[], type: string, version: string, versions: string[], path: JsonPath): boolean {
  if (versions.includes(version)) return true;
  findings.push({
    code: 'envelope/unknown-version',
    message: `${type} has no version ${version}: existing versions are ${versions.join(', ')}. Use one of them, or add schemas/${type}/${version}.schema.json.`,
    path,
    data: { versions },
  });
  return false;
}

/** Validates `data` with the registry's compiled schema and re-roots its findings at `dataPath`. */
export function checkData(findings: Finding[], registry: SchemaLookup, type: string, version: string, data: unknown, dataPath: JsonPath): void {
  let dataFindings: Finding[] | undefined;
  try {
    dataFindings = registry.validateData(type, version, data);
  } catch (error) {
    // A pathological value (e.g. nesting that overflows the validator's stack) must not take
    // the whole file down: report it on `data` and move on.
    findings.push({ code: 'envelope/data-invalid', message: `data could not be validated against ${type} ${version}: ${(error as Error).message}`, path: dataPath });
    return;
  }
  if (!dataFindings) return;
  for (const finding of dataFindings) findings.push({ ...finding, path: [...dataPath, ...finding.path] });
}
