// Reading what a schema declares about an object, through `$ref`s (also across files) and
// `allOf` members: where a partition key points, and which properties are optional.
import type { ObjectShape } from '../naming/naming';
import { inPlaceChildren, locationKey, type DocLookup, type SchemaLocation } from './refs';
import { isObject } from './schemaWalk';

/** Keywords whose members all hold for the value (allOf), and alternatives (anyOf/oneOf). */
const ALL_OF = { arrays: ['allOf'], schemas: [] };
const ANY_BRANCH = { arrays: ['allOf', 'anyOf', 'oneOf'], schemas: ['then', 'else'] };

/** Does the JSON Pointer (into data) name a property the schema declares? */
export function declaresPointer(root: SchemaLocation, pointer: string, lookup: DocLookup): boolean {
  let current: SchemaLocation | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    current = childSchema(current, segment, lookup, new Set());
    if (!current) return false;
  }
  return true;
}

/** The subschema for a property (or array index) of the value `location` describes. */
function childSchema(location: SchemaLocation, name: string, lookup: DocLookup, visited: Set<string>): SchemaLocation | undefined {
  const key = locationKey(location);
  if (visited.has(key) || visited.size > 1000) return undefined;
  visited.add(key);
  const node = location.node;
  if (!isObject(node)) return undefined;
  const properties = node.properties;
  if (isObject(properties) && Object.prototype.hasOwnProperty.call(properties, name)) {
    return { file: location.file, path: [...location.path, 'properties', name], node: properties[name] };
  }
  if (/^(0|[1-9]\d*)$/.test(name)) {
    if (Array.isArray(node.prefixItems) && Number(name) < node.prefixItems.length) return { file: location.file, path: [...location.path, 'prefixItems', Number(name)], node: node.prefixItems[Number(name)] };
    if (Array.isArray(node.items) && Number(name) < node.items.length) return { file: location.file, path: [...location.path, 'items', Number(name)], node: node.items[Number(name)] };
    if (isObject(node.items)) return { file: location.file, path: [...location.path, 'items'], node: node.items };
  }
  for (const member of inPlaceChildren(location, lookup, ANY_BRANCH)) {
    const found = childSchema(member, name, lookup, visited);
    if (found) return found;
  }
  return undefined;
}

/** Properties and required names of the object a schema describes, merged over $ref and allOf. */
export function objectShape(root: SchemaLocation, lookup: DocLookup): ObjectShape {
  const properties = new Set<string>();
  const required = new Set<string>();
  const visited = new Set<string>();
  const queue = [root];
  while (queue.length > 0 && visited.size < 1000) {
    const location = queue.shift()!;
    const key = locationKey(location);
    if (visited.has(key)) continue;
    visited.add(key);
    const node = location.node;
    if (!isObject(node)) continue;
    if (isObject(node.properties)) for (const name of Object.keys(node.properties)) properties.add(name);
    if (Array.isArray(node.required)) for (const name of node.required) if (typeof name === 'string') required.add(name);
    queue.push(...inPlaceChildren(location, lookup, ALL_OF));
  }
  return { properties, required };
}
