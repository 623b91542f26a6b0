// Content models: whether an object (or what follows a tuple) accepts what the schema does not
// name (open), rejects it (closed) or accepts it only when it matches a schema (partially open).
import { child, hasAssertions, isObject, type SchemaNode } from '../shape';
import type { ChangeKind } from '../types';
import { atOf, below, isFalse, type At, type Ctx } from './context';
import { compare } from './schema';

export type Model = { kind: 'open' } | { kind: 'closed' } | { kind: 'partial'; schema: SchemaNode };

/** Whether an unnamed property `key` is accepted by `loc`'s object, and by what schema. */
export function modelFor(loc: SchemaNode, key: string): Model {
  const node = loc.node as Record<string, unknown>;
  const patterns = node.patternProperties;
  if (isObject(patterns)) {
    for (const [pattern, schema] of Object.entries(patterns)) {
      if (matches(pattern, key)) return { kind: 'partial', schema: { file: loc.file, path: [...loc.path, 'patternProperties', pattern], node: schema } };
    }
  }
  const ap = node.additionalProperties;
  if (ap === false) return { kind: 'closed' };
  if (isObject(ap) && hasAssertions(ap)) return { kind: 'partial', schema: { file: loc.file, path: [...loc.path, 'additionalProperties'], node: ap } };
  if (ap === undefined && node.unevaluatedProperties === false) return { kind: 'closed' };
  return { kind: 'open' };
}

function matches(pattern: string, key: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(key);
  } catch {
    return false;
  }
}

/** additionalProperties / unevaluatedProperties (and the item keywords): allowed or not, and by what schema. */
export function compareOpenness(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At, key: string, prefix: string, what: string): void {
  const oc = child(o, key);
  const nc = child(n, key);
  const permits = (c: SchemaNode | undefined) => c === undefined || !isFalse(ctx, c);
  const schemaOf = (c: SchemaNode | undefined) => (c !== undefined && isObject(c.node) && hasAssertions(c.node) ? c : undefined);
  const place = nc ? atOf(ctx, nc, at) : below(at, key);
  if (permits(oc) !== permits(nc)) {
    if (permits(nc)) ctx.add(`${prefix}_ADDED` as ChangeKind, place, `${capitalize(what)} are allowed again`);
    else ctx.add(`${prefix}_REMOVED` as ChangeKind, place, `${capitalize(what)} are no longer allowed ("${key}": false)`);
    return;
  }
  const os = schemaOf(oc);
  const ns = schemaOf(nc);
  if (!os && ns) ctx.add(`${prefix}_NARROWED` as ChangeKind, place, `${capitalize(what)} must now match a schema`);
  else if (os && !ns) ctx.add(`${prefix}_EXTENDED` as ChangeKind, place, `${capitalize(what)} no longer need to match a schema`);
  else if (os && ns) compare(ctx, os, ns, place);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
