// Hover in schema files: which node the cursor is on, and the explanation core/compat/explain.ts
// gives for it. An object schema (its `properties`, `patternProperties`, `additionalProperties`
// or `unevaluatedProperties` key, its `type: object`, or the property name that holds it) gets
// its content model; `x-event.version` and `x-event.compatibility` get the version's status.
// JSON schema files only for now (YAML hovers return nothing).
import { getLocation, parse } from 'jsonc-parser';
import type { EventlineConfig } from '../config/config';
import { explainContentModel, explainVersionStatus } from '../compat/explain';
import { isObject } from '../compat/shape';
import type { EventSchema, SchemaRegistry } from '../registry/types';
import type { JsonPath } from '../types';

export interface SchemaHoverInput {
  registry: SchemaRegistry;
  config: EventlineConfig;
  /** Absolute path of the schema file. */
  file: string;
  /** Its current text (the editor buffer). */
  text: string;
  offset: number;
}

const CONTENT_MODEL_KEYS = new Set(['properties', 'patternProperties', 'additionalProperties', 'unevaluatedProperties']);
/** Keywords whose object values map names (not keywords) to schemas. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** Markdown for the hover at `offset`, or undefined when there is nothing to explain there. */
export function schemaHover(input: SchemaHoverInput): string | undefined {
  if (!input.file.endsWith('.json')) return undefined;
  const location = getLocation(input.text, input.offset);
  const path = location.path;
  const root: unknown = parse(input.text);
  if (!isObject(root) || path.length === 0) return undefined;
  const event = eventOf(input.registry, input.file);

  if (path.length === 2 && path[0] === 'x-event' && (path[1] === 'version' || path[1] === 'compatibility')) {
    if (!event) return undefined;
    const versions = input.registry.versions(event.type).flatMap((v) => input.registry.get(event.type, v) ?? []);
    const breaking = input.registry.problems(input.file).filter((p) => p.code === 'compat/breaking-change').map((p) => ({ message: p.message, line: p.range.start.line + 1 }));
    return explainVersionStatus({ target: event, versions, configMode: input.config.compatibility, policy: input.config.compatibilityPolicy, breaking });
  }

  const object = objectSchemaAt(root, path, location.isAtPropertyKey);
  if (!object) return undefined;
  const mode = event?.compatibility ?? input.config.compatibility;
  const modeSource = event?.compatibility ? '`x-event.compatibility`' : 'eventline.json `compatibility`';
  return explainContentModel(object, { policy: input.config.compatibilityPolicy, mode, modeSource });
}

/** The object schema the hovered key belongs to or names, if the cursor is on one. */
function objectSchemaAt(root: Record<string, unknown>, path: JsonPath, atKey: boolean): Record<string, unknown> | undefined {
  const last = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  const keyword = typeof last === 'string' && !isNameSegment(path, path.length - 1);
  if (!atKey && !(keyword && last === 'type')) return undefined;
  if (keyword && (CONTENT_MODEL_KEYS.has(last) || last === 'type')) {
    const parent = valueAt(root, parentPath);
    return isObject(parent) && isObjectSchema(parent) ? parent : undefined;
  }
  // A property name (or definition name) whose schema describes an object.
  if (!keyword && typeof last === 'string') {
    const schema = valueAt(root, path);
    return isObject(schema) && isObjectSchema(schema) ? schema : undefined;
  }
  return undefined;
}

/** Path segment `i` is a name in a name map (a property called "properties" is not the keyword). */
function isNameSegment(path: JsonPath, i: number): boolean {
  if (i === 0) return false;
  const previous = path[i - 1];
  return typeof previous === 'string' && NAME_MAPS.has(previous) && !isNameSegment(path, i - 1);
}

function isObjectSchema(node: Record<string, unknown>): boolean {
  return node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object')) || [...CONTENT_MODEL_KEYS].some((k) => k in node);
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isObject(node) && typeof segment === 'string') node = node[segment];
    else return undefined;
  }
  return node;
}

function eventOf(registry: SchemaRegistry, file: string): EventSchema | undefined {
  for (const type of registry.eventTypes()) {
    for (const version of registry.versions(type)) {
      const event = registry.get(type, version);
      if (event?.file === file) return event;
    }
  }
  return undefined;
}
