// What a schema node is, for comparison: Confluent compares schemas class by class (string,
// number, object, array, enum, combined, not, true/false), so each node is first classified the
// way everit's loader would: `$ref` followed, `type: [a, b]` as anyOf, keywords beside a
// combinator as one more allOf branch, `const` as a one-value enum.
import type { JsonPath } from '../types';

/** A schema where it sits: its file, its path there and the value. */
export interface SchemaNode {
  file: string;
  path: JsonPath;
  node: unknown;
  /** Distinguishes nodes synthesized from the same place (type arrays, keywords beside allOf). */
  variant?: string;
}

/** Resolves a `$ref` written at `from`; undefined when it cannot. */
export type RefResolver = (ref: string, from: SchemaNode) => SchemaNode | undefined;

export type ShapeClass = 'empty' | 'false' | 'combined' | 'not' | 'enum' | 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';
export type Criterion = 'allOf' | 'anyOf' | 'oneOf';

export interface Shape {
  class: ShapeClass;
  /** The node the class was read from (after following `$ref`). */
  loc: SchemaNode;
  /** title, description, default and $id, the `$ref` site's overriding its target's. */
  meta: Record<string, unknown>;
  criterion?: Criterion;
  /** The keyword a combined shape came from (allOf, anyOf, oneOf, type, $ref). */
  keyword?: string;
  subs?: SchemaNode[];
  sub?: SchemaNode;
  values?: unknown[];
  integer?: boolean;
}

const META = ['title', 'description', 'default', '$id'];
const COMBINATORS = ['allOf', 'anyOf', 'oneOf', 'not'] as const;
const OBJECT_KEYS = ['properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'minProperties', 'maxProperties', 'dependencies', 'dependentRequired', 'dependentSchemas', 'unevaluatedProperties'];
const ARRAY_KEYS = ['items', 'prefixItems', 'additionalItems', 'contains', 'minItems', 'maxItems', 'uniqueItems', 'minContains', 'maxContains', 'unevaluatedItems'];
const STRING_KEYS = ['minLength', 'maxLength', 'pattern'];
const NUMBER_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
const ASSERTIONS = new Set(['type', 'enum', 'const', '$ref', ...COMBINATORS, ...OBJECT_KEYS, ...ARRAY_KEYS, ...STRING_KEYS, ...NUMBER_KEYS]);
const MAX_REF_CHAIN = 32;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A schema that constrains nothing (true, {} or annotations only); format and if/then/else are compared on their own. */
export function hasAssertions(node: unknown): boolean {
  if (node === false) return true;
  return isObject(node) && Object.keys(node).some((k) => ASSERTIONS.has(k));
}

export function shapeOf(loc: SchemaNode, resolve: RefResolver, depth = 0): Shape {
  const node = loc.node;
  if (node === false) return { class: 'false', loc, meta: {} };
  if (!isObject(node)) return { class: 'empty', loc, meta: {} };
  const meta: Record<string, unknown> = {};
  for (const key of META) if (key in node) meta[key] = node[key];

  if (typeof node.$ref === 'string') {
    const rest = { ...node };
    delete rest.$ref;
    const target = depth < MAX_REF_CHAIN ? resolve(node.$ref, loc) : undefined;
    const restNode: SchemaNode = { ...loc, node: rest, variant: `${loc.variant ?? ''}~site` };
    if (!target) return shapeOf(restNode, resolve, depth + 1); // unresolved: its file reports it; compare what is left
    if (hasAssertions(rest)) return { class: 'combined', criterion: 'allOf', keyword: '$ref', subs: [restNode, target], loc, meta };
    const inner = shapeOf(target, resolve, depth + 1);
    return { ...inner, meta: { ...inner.meta, ...meta } };
  }

  const combinators = COMBINATORS.filter((k) => (k === 'not' ? k in node : Array.isArray(node[k])));
  if (combinators.length > 0) {
    const base = { ...node };
    for (const k of combinators) delete base[k];
    const at = (k: string, i?: number): JsonPath => (i === undefined ? [...loc.path, k] : [...loc.path, k, i]);
    if (combinators.length === 1 && !hasAssertions(base)) {
      const k = combinators[0];
      if (k === 'not') return { class: 'not', loc, meta, sub: { file: loc.file, path: at('not'), node: node.not } };
      const subs = (node[k] as unknown[]).map((s, i) => ({ file: loc.file, path: at(k, i), node: s }));
      return { class: 'combined', criterion: k, keyword: k, subs, loc, meta };
    }
    // Keywords beside combinators all apply to the same value: one allOf of them.
    const subs: SchemaNode[] = [];
    if (hasAssertions(base)) subs.push({ ...loc, node: base, variant: `${loc.variant ?? ''}~base` });
    for (const k of combinators) {
      if (k === 'allOf') (node.allOf as unknown[]).forEach((s, i) => subs.push({ file: loc.file, path: at('allOf', i), node: s }));
      else subs.push({ ...loc, node: { [k]: node[k] }, variant: `${loc.variant ?? ''}~${k}` });
    }
    return { class: 'combined', criterion: 'allOf', keyword: combinators[0], subs, loc, meta };
  }

  if (Array.isArray(node.enum)) return { class: 'enum', values: node.enum, keyword: 'enum', loc, meta };
  if ('const' in node) return { class: 'enum', values: [node.const], keyword: 'const', loc, meta };

  const types = typeof node.type === 'string' ? [node.type] : Array.isArray(node.type) ? [...new Set(node.type.filter((t): t is string => typeof t === 'string'))] : inferTypes(node);
  if (types.length > 1) {
    const subs = types.map((t) => ({ ...loc, node: { ...node, type: t }, variant: `${loc.variant ?? ''}~${t}` }));
    return { class: 'combined', criterion: 'anyOf', keyword: 'type', subs, loc, meta };
  }
  const type = types[0];
  if (type === undefined) return { class: 'empty', loc, meta };
  if (type === 'integer') return { class: 'number', integer: true, loc, meta };
  if (['string', 'number', 'boolean', 'null', 'object', 'array'].includes(type)) return { class: type as ShapeClass, loc, meta };
  return { class: 'empty', loc, meta }; // an unknown type name: the meta-schema check reports it
}

function inferTypes(node: Record<string, unknown>): string[] {
  if (OBJECT_KEYS.some((k) => k in node)) return ['object'];
  if (ARRAY_KEYS.some((k) => k in node)) return ['array'];
  if (STRING_KEYS.some((k) => k in node)) return ['string'];
  if (NUMBER_KEYS.some((k) => k in node)) return ['number'];
  return [];
}

/** A JSON value as text with sorted keys: equal values, equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

export function nodeKey(loc: SchemaNode): string {
  return `${loc.file}\u0000${loc.path.join('\u0001')}\u0000${loc.variant ?? ''}`;
}

export function child(loc: SchemaNode, ...segments: (string | number)[]): SchemaNode | undefined {
  let node: unknown = loc.node;
  for (const s of segments) {
    if (Array.isArray(node) && typeof s === 'number') node = node[s];
    else if (isObject(node)) node = node[s as string];
    else return undefined;
  }
  return node === undefined ? undefined : { file: loc.file, path: [...loc.path, ...segments], node };
}
