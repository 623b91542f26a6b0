// Keyword-aware traversal of a JSON Schema: it visits subschemas only where the keyword says a
// schema is (so a property *named* "$ref" or a `$ref` inside `const` / `examples` is data, as ajv
// sees it). Iterative, with a depth limit: hostile input cannot overflow the stack.
import type { JsonPath } from '../types';

type SchemaObject = Record<string, unknown>;

/** Keywords whose value is a schema. */
const SCHEMA_VALUED = ['additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'not', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema', 'items'];
/** Keywords whose value is an array of schemas. */
const SCHEMA_ARRAYS = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'dependencies'];

/** Keywords that apply their subschemas to the same value (no descent into the data). */
export const IN_PLACE_ARRAYS = ['allOf', 'anyOf', 'oneOf'];
export const IN_PLACE_SCHEMAS = ['not', 'if', 'then', 'else'];

export const MAX_SCHEMA_DEPTH = 512;

export function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Calls `visit` for every subschema object (the root included) with its path. */
export function walkSchemas(root: unknown, visit: (node: SchemaObject, path: JsonPath) => void): void {
  const stack: { node: unknown; path: JsonPath }[] = [{ node: root, path: [] }];
  const seen = new Set<unknown>(); // YAML aliases can share (or even loop) nodes
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (!isObject(node) || seen.has(node) || path.length > MAX_SCHEMA_DEPTH) continue;
    seen.add(node);
    visit(node, path);
    for (const keyword of SCHEMA_VALUED) if (isObject(node[keyword])) stack.push({ node: node[keyword], path: [...path, keyword] });
    for (const keyword of SCHEMA_ARRAYS) {
      const items = node[keyword];
      if (Array.isArray(items)) items.forEach((item, i) => stack.push({ node: item, path: [...path, keyword, i] }));
    }
    for (const keyword of SCHEMA_MAPS) {
      const map = node[keyword];
      if (isObject(map)) for (const [name, child] of Object.entries(map)) stack.push({ node: child, path: [...path, keyword, name] });
    }
  }
}

export interface RefSite {
  ref: string;
  /** Path of the schema object holding the `$ref`. */
  at: JsonPath;
}

export interface SchemaIndex {
  refs: RefSite[];
  /** `$anchor` names (and draft-07 `$id: "#name"`) -> path of the schema object. */
  anchors: Map<string, JsonPath>;
}

export function indexSchema(root: unknown): SchemaIndex {
  const refs: RefSite[] = [];
  const anchors = new Map<string, JsonPath>();
  walkSchemas(root, (node, path) => {
    if (typeof node.$ref === 'string') refs.push({ ref: node.$ref, at: path });
    if (typeof node.$anchor === 'string') anchors.set(node.$anchor, path);
    if (typeof node.$id === 'string' && node.$id.startsWith('#') && node.$id.length > 1) anchors.set(node.$id.slice(1), path);
  });
  refs.sort((a, b) => comparePaths(a.at, b.at));
  return { refs, anchors };
}

/** True when a value nests deeper than `limit` or contains itself (YAML aliases can build loops). */
export function nestsTooDeep(value: unknown, limit: number): boolean {
  const stack: { node: unknown; depth: number; leave?: true }[] = [{ node: value, depth: 0 }];
  const onPath = new Set<unknown>();
  const finished = new Set<unknown>(); // shared (aliased) nodes are measured once
  while (stack.length > 0) {
    const { node, depth, leave } = stack.pop()!;
    if (leave) {
      onPath.delete(node);
      finished.add(node);
      continue;
    }
    if (typeof node !== 'object' || node === null || finished.has(node)) continue;
    if (depth > limit || onPath.has(node)) return true;
    onPath.add(node);
    stack.push({ node, depth, leave: true });
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}

export function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

function comparePaths(a: JsonPath, b: JsonPath): number {
  return a.join('\u0000').localeCompare(b.join('\u0000'));
}
