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
}

const KINDS: readonly EventKind[] = ['domain', 'integration', 'system'];
const MODES: readonly CompatibilityMode[] = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'];
const KEYS = ['type', 'version', 'kind', 'source', 'partitionKey', 'compatibility', 'description'];
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
  return { xEvent, findings };
}

function readString(block: Record<string, unknown>, key: string, what: string, invalid: (message: string, path: (string | number)[]) => void, set: (value: string) => void): void {
  const value = block[key];
  if (value === undefined) return;
  if (typeof value === 'string') set(value);
  else invalid(`x-event.${key} must be a string: ${what}.`, ['x-event', key]);
}
