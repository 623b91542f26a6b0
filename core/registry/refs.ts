// `$ref` resolution over the registry's files: inside a file (#/definitions/X, #/$defs/X, #anchor)
// and across files (../_common/money.schema.json#/$defs/Money, relative to the referencing file,
// or an absolute URI matching a file's top-level `$id`). Eventline never fetches remote schemas.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonPath } from '../types';
import { IN_PLACE_ARRAYS, IN_PLACE_SCHEMAS, isObject, type SchemaIndex } from './schemaWalk';

export interface SchemaDocView {
  file: string;
  /** Undefined when the file does not parse. */
  value: unknown;
  index: SchemaIndex;
  /** Absolute top-level `$id`, when the schema declares one. */
  id?: string;
}

export interface DocLookup {
  doc(file: string): SchemaDocView | undefined;
  fileWithId(id: string): string | undefined;
  /** How to name a file in a message (relative to the workspace root). */
  display(file: string): string;
}

export interface SchemaLocation {
  file: string;
  path: JsonPath;
  node: unknown;
}

export type RefResolution =
  | { ok: true; target: SchemaLocation }
  /** `unreadable`: the file exists but does not parse; its own problems say why. */
  | { ok: false; file?: string; message: string; unreadable?: boolean };

const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:/i;

/** The file a `$ref` points into (existing or not), or undefined for a URI Eventline cannot map to a file. */
export function refTargetFile(from: SchemaDocView, ref: string, lookup: DocLookup): string | undefined {
  const hash = ref.indexOf('#');
  const base = hash === -1 ? ref : ref.slice(0, hash);
  if (base === '') return from.file;
  if (base.startsWith('//')) return undefined; // a network-path reference: another host
  if (ABSOLUTE_URI.test(base)) {
    const byId = lookup.fileWithId(stripHash(base));
    if (byId) return byId;
    if (/^file:/i.test(base)) {
      try {
        return fileURLToPath(base);
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
  if (from.id) {
    try {
      const byId = lookup.fileWithId(stripHash(new URL(base, from.id).href));
      if (byId) return byId;
    } catch {
      // not a URL-relative reference: fall through to the file path
    }
  }
  return resolve(dirname(from.file), safeDecode(base));
}

export function resolveRef(from: SchemaDocView, ref: string, lookup: DocLookup): RefResolution {
  const file = refTargetFile(from, ref, lookup);
  if (file === undefined) {
    return { ok: false, message: `$ref "${ref}" names a schema outside the workspace: Eventline resolves $ref only to schema files under the schemas folder (it never downloads). Point it at a local file, e.g. "../_common/money.schema.json#/$defs/Money".` };
  }
  const doc = lookup.doc(file);
  if (!doc) {
    return { ok: false, file, message: `$ref "${ref}" names ${lookup.display(file)}, which is not a schema file in the workspace: check the path (relative to this file) or create it (*.schema.json or *.schema.yaml under the schemas folder).` };
  }
  if (doc.value === undefined) return { ok: false, file, unreadable: true, message: `$ref "${ref}" names ${lookup.display(file)}, which does not parse.` };
  const hash = ref.indexOf('#');
  const fragment = hash === -1 ? '' : safeDecode(ref.slice(hash + 1));
  const where = file === from.file ? 'this file' : lookup.display(file);
  if (fragment === '') return { ok: true, target: { file, path: [], node: doc.value } };
  if (fragment.startsWith('/')) {
    const path = evaluatePointer(doc.value, fragment);
    if (path && (typeof path.node === 'boolean' || isObject(path.node))) return { ok: true, target: { file, path: path.path, node: path.node } };
    if (path) return { ok: false, file, message: `$ref "${ref}": #${fragment} in ${where} is ${describeValue(path.node)}, not a schema. Point it at a schema object, e.g. under "$defs".` };
    return { ok: false, file, message: `$ref "${ref}": ${where} has nothing at #${fragment}. Check the spelling, or add the definition there (e.g. under "$defs").` };
  }
  const anchor = doc.index.anchors.get(fragment);
  if (anchor) return { ok: true, target: { file, path: anchor, node: valueAtPath(doc.value, anchor) } };
  return { ok: false, file, message: `$ref "${ref}": ${where} declares no anchor "${fragment}". Use a JSON Pointer such as "#/$defs/${fragment}", or add "$anchor": "${fragment}".` };
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

function evaluatePointer(root: unknown, pointer: string): { path: JsonPath; node: unknown } | undefined {
  const path: JsonPath = [];
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(segment) && Number(segment) < node.length) {
      node = node[Number(segment)];
      (path as (string | number)[]).push(Number(segment));
    } else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, segment)) {
      node = node[segment];
      (path as (string | number)[]).push(segment);
    } else return undefined;
  }
  return { path, node };
}

function valueAtPath(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const segment of path) node = Array.isArray(node) ? node[segment as number] : isObject(node) ? node[segment] : undefined;
  return node;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function stripHash(uri: string): string {
  return uri.replace(/#$/, '');
}

export function locationKey(location: { file: string; path: JsonPath }): string {
  return `${location.file}\u0000${JSON.stringify(location.path)}`;
}

/** "#/$defs/A" (or "other.schema.json#/$defs/A" in another file): a location as a user writes it. */
export function describeLocation(location: { file: string; path: JsonPath }, relativeTo: string, lookup: DocLookup): string {
  const pointer = location.path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
  return `${location.file === relativeTo ? '' : lookup.display(location.file)}#${pointer}`;
}

/** The schemas a location applies to the same value: its `$ref` target and allOf/anyOf/oneOf/not/if/then/else. */
export function inPlaceChildren(location: SchemaLocation, lookup: DocLookup, keywords: { arrays: readonly string[]; schemas: readonly string[] } = IN_PLACE): SchemaLocation[] {
  const node = location.node;
  if (!isObject(node)) return [];
  const out: SchemaLocation[] = [];
  if (typeof node.$ref === 'string') {
    const doc = lookup.doc(location.file);
    if (doc) {
      const resolved = resolveRef(doc, node.$ref, lookup);
      if (resolved.ok) out.push(resolved.target);
    }
  }
  for (const keyword of keywords.arrays) {
    const items = node[keyword];
    if (Array.isArray(items)) items.forEach((item, i) => out.push({ file: location.file, path: [...location.path, keyword, i], node: item }));
  }
  for (const keyword of keywords.schemas) {
    if (isObject(node[keyword])) out.push({ file: location.file, path: [...location.path, keyword], node: node[keyword] });
  }
  return out;
}

const IN_PLACE = { arrays: IN_PLACE_ARRAYS, schemas: IN_PLACE_SCHEMAS };
const MAX_CYCLE_STEPS = 10_000;

/**
 * When the `$ref` held by `start` leads back to `start` without descending into the data (only
 * through $ref and in-place applicators), the chain of locations from start back to start: a
 * validator would loop forever. Genuine recursion (a tree's children: {items: {$ref: "#"}}) goes
 * through `properties`/`items` and is not a cycle.
 */
export function findRefCycle(start: SchemaLocation, lookup: DocLookup): SchemaLocation[] | undefined {
  const startKey = locationKey(start);
  const doc = lookup.doc(start.file);
  const node = start.node;
  if (!doc || !isObject(node) || typeof node.$ref !== 'string') return undefined;
  const first = resolveRef(doc, node.$ref, lookup);
  if (!first.ok) return undefined;
  const parent = new Map<string, { location: SchemaLocation; from?: string }>();
  const queue: SchemaLocation[] = [first.target];
  parent.set(locationKey(first.target), { location: first.target });
  let steps = 0;
  while (queue.length > 0 && steps++ < MAX_CYCLE_STEPS) {
    const current = queue.shift()!;
    const currentKey = locationKey(current);
    if (currentKey === startKey) {
      const chain: SchemaLocation[] = [];
      for (let key: string | undefined = currentKey; key !== undefined; key = parent.get(key)?.from) {
        chain.unshift(parent.get(key)!.location);
        if (chain.length > 50) break;
      }
      return [start, ...chain];
    }
    for (const child of inPlaceChildren(current, lookup)) {
      const key = locationKey(child);
      if (parent.has(key)) continue;
      parent.set(key, { location: child, from: currentKey });
      queue.push(child);
    }
  }
  return undefined;
}
