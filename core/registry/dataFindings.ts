// ajv's errors for an event's `data`, as findings with paths relative to `data` and messages a
// person can act on: "data.totalAmount must be a number (OrderPlaced 1.0, schemas/OrderPlaced/1.0.schema.json)".
import type { ErrorObject } from 'ajv';
import type { Finding } from '../types';
import { pointerToPath } from './dialect';

export const MAX_DATA_FINDINGS = 20;

/** `label` names the schema, e.g. "OrderPlaced 1.0, schemas/OrderPlaced/1.0.schema.json". */
export function dataFindings(errors: readonly ErrorObject[], data: unknown, label: string): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (findings.length >= MAX_DATA_FINDINGS) break;
    const finding = toFinding(error, data, label);
    const key = `${finding.path.join('\u0000')}\u0001${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

function toFinding(error: ErrorObject, data: unknown, label: string): Finding {
  const path = pointerToPath(error.instancePath, data);
  const where = describePath(path);
  const suffix = ` (${label})`;
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      return { code: 'envelope/data-invalid', message: `${where} is missing required property "${missing}"${suffix}`, path, target: 'key', data: { missingProperty: missing } };
    }
    case 'additionalProperties': {
      const extra = String(error.params.additionalProperty);
      return { code: 'envelope/data-invalid', message: `${describePath([...path, extra])} is not allowed: the schema declares no such property${suffix}`, path: [...path, extra], target: 'key', data: { additionalProperty: extra } };
    }
    case 'unevaluatedProperties': {
      const extra = String(error.params.unevaluatedProperty);
      return { code: 'envelope/data-invalid', message: `${describePath([...path, extra])} is not allowed: no subschema declares it${suffix}`, path: [...path, extra], target: 'key' };
    }
    case 'type':
      return { code: 'envelope/data-invalid', message: `${where} must be ${String(error.params.type).split(',').map(withArticle).join(' or ')}${suffix}`, path };
    case 'enum':
      return { code: 'envelope/data-invalid', message: `${where} must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}${suffix}`, path };
    case 'const':
      return { code: 'envelope/data-invalid', message: `${where} must be ${JSON.stringify(error.params.allowedValue)}${suffix}`, path };
    case 'format':
      return { code: 'envelope/data-invalid', message: `${where} must be a valid ${String(error.params.format)}${suffix}`, path };
    default:
      return { code: 'envelope/data-invalid', message: `${where} ${error.message ?? 'is invalid'}${suffix}`, path };
  }
}

/** data.items[0].price, data["odd key"] */
export function describePath(path: readonly (string | number)[]): string {
  let out = 'data';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

function withArticle(type: string): string {
  if (type === 'null') return 'null';
  if (type === 'boolean') return 'a boolean';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
