// Plain-words messages for schema changes: what changed, what it means for readers in each
// direction, what an open / closed / partially open content model is when that is the reason,
// and which policy judged it when the policies disagree.
import { isPolicyDependent, type ChangeKind, type CompatPolicy } from './types';

export function consequence(backward: boolean, forward: boolean): string {
  if (backward && forward) return 'compatible both ways';
  if (!backward && !forward) return 'breaks BACKWARD and FORWARD compatibility: new readers cannot read data written with the old schema, and old readers cannot read data written with the new one';
  if (!backward) return 'breaks BACKWARD compatibility: new readers cannot read data written with the old schema (old readers can still read new data)';
  return 'breaks FORWARD compatibility: old readers cannot read data written with the new schema (new readers can still read old data)';
}

const OPEN = 'An open content model (no "additionalProperties", or true) accepts properties the schema does not name, so data written earlier may already carry this name with any value.';
const CLOSED = 'A closed content model ("additionalProperties": false) rejects every property the schema does not name.';
const PARTIAL = 'A partially open content model ("patternProperties" or an "additionalProperties" schema) accepts unnamed properties only when they match that schema.';
const OPEN_ITEMS = 'An open tuple (no "additionalItems"/"items" after the positional items) accepts any value after the listed positions.';
const CLOSED_ITEMS = 'A closed tuple (false after the positional items) rejects any value after the listed positions.';
const PARTIAL_ITEMS = 'A partially open tuple (a schema after the positional items) accepts later values only when they match that schema.';

/** The content-model sentence a kind needs, if any. */
export function contentModelNote(kind: ChangeKind): string | undefined {
  const items = kind.startsWith('ITEM_') || kind.startsWith('ADDITIONAL_ITEMS') || kind.startsWith('UNEVALUATED_ITEMS');
  if (kind.includes('PARTIALLY_OPEN')) return items ? PARTIAL_ITEMS : PARTIAL;
  if (kind.includes('UNOPEN')) return `${CLOSED} ${PARTIAL}`;
  if (kind.includes('OPEN_CONTENT')) return items ? OPEN_ITEMS : OPEN;
  if (kind.includes('CLOSED_CONTENT')) return items ? CLOSED_ITEMS : CLOSED;
  if (kind.startsWith('ADDITIONAL_PROPERTIES') || kind.startsWith('UNEVALUATED_PROPERTIES') || kind.startsWith('PATTERN_PROPERTY')) return `${OPEN} ${CLOSED} ${PARTIAL}`;
  if (kind.startsWith('ADDITIONAL_ITEMS') || kind.startsWith('UNEVALUATED_ITEMS')) return `${OPEN_ITEMS} ${CLOSED_ITEMS}`;
  return undefined;
}

export const DEFAULTS_NOTE = 'JSON Schema validators never fill in defaults, so this is only safe for readers that apply the default themselves.';

export function policyNote(policy: CompatPolicy): string {
  return policy === 'lenient'
    ? 'Judged by the lenient policy (properties a schema never declared are treated as absent from old data); set "compatibilityPolicy": "strict" in eventline.json (or --policy strict) for Confluent\'s classic rules.'
    : 'Judged by the strict policy (Confluent\'s classic rules: an open model may already hold any value under any name); set "compatibilityPolicy": "lenient" in eventline.json (or --policy lenient) to treat undeclared properties as absent.';
}

export function composeMessage(kind: ChangeKind, detail: string, backward: boolean, forward: boolean, policy: CompatPolicy, policyDependent: boolean): string {
  const parts = [`${detail} (${kind}): ${consequence(backward, forward)}.`];
  if (kind.includes('WITH_DEFAULT')) parts.push(DEFAULTS_NOTE);
  const model = contentModelNote(kind);
  if (model) parts.push(model);
  if (policyDependent || isPolicyDependent(kind)) parts.push(policyNote(policy));
  return parts.join(' ');
}
