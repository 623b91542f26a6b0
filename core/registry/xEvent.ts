// The x-event block (DESIGN §1): which event type and version a schema describes, plus optional
// classification. Returns what it could read and a finding per broken rule.
import type { CompatibilityMode } from '../config/config';
import type { Finding } from '../types';
import { VERSION_PATTERN } from './layout';
import { isObject } from './schemaWalk';
import type { EventKind } from './types';

export interface XEvent {
  type?: string;
  version?: string;
  kind?: EventKind;
  source?: string;
  partitionKey?: string;
  compatibility?: CompatibilityMode;
  description?: string;
  /** Valid allowBreaking entries, with their index in the array (for placing findings). */
  allowBreaking?: BreakingAllowance[];
}

/** x-event.allowBreaking[i]: compat/breaking-change at `path` (a "#/..." pointer) or below it is accepted, for `reason`. */
export interface BreakingAllowance {
  path: string;
  reason: string;
  index: number;
}

const KINDS: readonly EventKind[] = ['domain', 'integration', 'system'];
const MODES: readonly CompatibilityMode[] = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'];
const KEYS = ['type', 'version', 'kind', 'source', 'partitionKey', 'compatibility', 'description', 'allowBreaking'];
const JSON_POINTER = /^(\/([^~/]|~[01])*)*$/;

/** Hints for the fix: the folder and file name say what type and version the block should name. */
export interface PathHints {
  folderType?: string;
  fileVersion?: string;
}

export function readXEvent(block: unknown, hints: PathHints): { xEvent: XEvent; findings: Finding[] } {
  const xEvent: XEvent = {};
  const findings: Finding[] = [];
  const at = (key: string) => ['x-event', key];
  const invalid = (message: string, path: (string | number)[], target: 'key' | 'value' = 'value') => findings.push({ code: 'schema/invalid-x-event', message, path, target });

  if (!isObject(block)) {
    invalid(`x-event must be an object like {"type": "${hints.folderType ?? 'OrderPlaced'}", "version": "${hints.fileVersion ?? '1.0'}"}.`, ['x-event']);
    return { xEvent, findings };
  }
  for (const key of Object.keys(block)) {
    if (!KEYS.includes(key)) invalid(`Unknown key "${key}" in x-event: remove it (x-event allows ${KEYS.join(', ')}).`, at(key), 'key');
  }

  const type = block.type;
  if (type === undefined) invalid(`x-event has no "type": add "type": "${hints.folderType ?? 'OrderPlaced'}" (the event type this schema describes).`, ['x-event'], 'key');
  else if (typeof type !== 'string' || type.trim() === '') invalid('x-event.type must be a non-empty string naming the event type, e.g. "OrderPlaced".', at('type'));
  else xEvent.type = type;

  const version = block.version;
  if (version === undefined) invalid(`x-event has no "version": add "version": "${hints.fileVersion ?? '1.0'}" (MAJOR.MINOR, as in the file name).`, ['x-event'], 'key');
  else if (typeof version !== 'string') {
    const asText = typeof version === 'number' ? `"${Number.isInteger(version) ? `${version}.0` : version}"` : '"1.0"';
    invalid(`x-event.version must be a string such as ${asText}: quote it (a number loses the ".0" of "1.0").`, at('version'));
  } else if (!VERSION_PATTERN.test(version)) {
    findings.push({ code: 'schema/invalid-version', message: `x-event.version "${version}" is not MAJOR.MINOR: use two whole numbers without leading zeros, e.g. "1.0" or "2.1".`, path: at('version') });
  } else xEvent.version = version;

  const kind = block.kind;
  if (kind !== undefined) {
    if (typeof kind === 'string' && (KINDS as readonly string[]).includes(kind)) xEvent.kind = kind as EventKind;
    else findings.push({ code: 'schema/invalid-kind', message: `x-event.kind ${JSON.stringify(kind)} is not an event kind: use "domain" (a business fact), "integration" (published to other services) or "system" (infrastructure).`, path: at('kind') });
  }

  readString(block, 'source', 'the producing service, e.g. "order-service"', invalid, (v) => (xEvent.source = v));
  readString(block, 'description', 'a sentence describing the fact', invalid, (v) => (xEvent.description = v));

  const partitionKey = block.partitionKey;
  if (partitionKey !== undefined) {
    if (typeof partitionKey !== 'string') invalid('x-event.partitionKey must be a string: a JSON Pointer into data, e.g. "/customerId".', at('partitionKey'));
    else if (partitionKey === '' || !JSON_POINTER.test(partitionKey)) {
      const fixed = partitionKey === '' ? '/customerId' : partitionKey.startsWith('/') ? partitionKey.replace(/~(?![01])/g, '~0') : `/${partitionKey.replace(/\./g, '/')}`;
      findings.push({ code: 'schema/invalid-partition-key', message: `x-event.partitionKey "${partitionKey}" is not a JSON Pointer to a property of data: write it as "${fixed}" (a "/" before each property name).`, path: at('partitionKey') });
    } else xEvent.partitionKey = partitionKey;
  }

  const compatibility = block.compatibility;
  if (compatibility !== undefined) {
    if (typeof compatibility === 'string' && (MODES as readonly string[]).includes(compatibility)) xEvent.compatibility = compatibility as CompatibilityMode;
    else invalid(`x-event.compatibility ${JSON.stringify(compatibility)} is not a compatibility mode: use one of ${MODES.join(', ')}.`, at('compatibility'));
  }

  if (block.allowBreaking !== undefined) {
    const allowances = readAllowBreaking(block.allowBreaking, invalid);
    if (allowances.length > 0) xEvent.allowBreaking = allowances;
  }
  return { xEvent, findings };
}

const ALLOWANCE_EXAMPLE = '{"path": "#/properties/total", "reason": "no consumer reads total yet"}';

/** Entries missing a valid path or a non-empty reason are reported and not applied. */
function readAllowBreaking(value: unknown, invalid: (message: string, path: (string | number)[], target?: 'key' | 'value') => void): BreakingAllowance[] {
  if (!Array.isArray(value)) {
    invalid(`x-event.allowBreaking must be an array of {"path", "reason"} objects, e.g. [${ALLOWANCE_EXAMPLE}].`, ['x-event', 'allowBreaking']);
    return [];
  }
  const out: BreakingAllowance[] = [];
  value.forEach((entry: unknown, index) => {
    const at = ['x-event', 'allowBreaking', index];
    if (!isObject(entry)) return invalid(`x-event.allowBreaking[${index}] must be an object like ${ALLOWANCE_EXAMPLE}.`, at);
    let ok = true;
    for (const key of Object.keys(entry)) {
      if (key !== 'path' && key !== 'reason') invalid(`Unknown key "${key}" in x-event.allowBreaking[${index}]: an entry has only "path" and "reason".`, [...at, key], 'key');
    }
    const path = entry.path;
    if (typeof path !== 'string' || !/^#(\/([^~/]|~[01])*)*$/.test(path)) {
      ok = false;
      const where = typeof path === 'string' ? [...at, 'path'] : at;
      invalid(`x-event.allowBreaking[${index}].path must be a JSON Pointer into this schema starting with "#", e.g. "#/properties/total" ("#" allows every breaking change in this version).`, where);
    }
    const reason = entry.reason;
    if (typeof reason !== 'string' || reason.trim() === '') {
      ok = false;
      const where = reason === undefined ? at : [...at, 'reason'];
      invalid(`x-event.allowBreaking[${index}] needs a non-empty "reason": say why breaking compatibility here is acceptable (e.g. "no consumer reads this field yet"), so reviewers can judge it.`, where);
    }
    if (ok) out.push({ path: path as string, reason: reason as string, index });
  });
  return out;
}

function readString(block: Record<string, unknown>, key: string, what: string, invalid: (message: string, path: (string | number)[]) => void, set: (value: string) => void): void {
  const value = block[key];
  if (value === undefined) return;
  if (typeof value === 'string') set(value);
  else invalid(`x-event.${key} must be a string: ${what}.`, ['x-event', key]);
}
