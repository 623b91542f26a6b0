// Compiling an event schema into an ajv validator. Every `$ref` was already resolved by
// Eventline (refs.ts), so each file is handed to ajv with its refs rewritten to one canonical
// form (file URL + JSON Pointer) and its `$id` set to its file URL: ajv never guesses a base URI
// and never meets a reference it cannot find. A fresh ajv instance per compiled schema costs
// ~0.2 ms and makes recompiling a changed file trivial (no ajv.removeSchema bookkeeping).
// A shared file used by a schema of another dialect is compiled in the referencing schema's
// dialect.
import { pathToFileURL } from 'node:url';
import type { AnySchema, ValidateFunction } from 'ajv';
import type { JsonPath } from '../types';
import { createAjv, type AjvPurpose, type Dialect } from './dialect';
import { resolveRef, type DocLookup, type SchemaDocView } from './refs';
import { walkSchemas } from './schemaWalk';

export type CompileResult = { ok: true; validate: ValidateFunction } | { ok: false; message: string };

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

export function compileValidator(target: SchemaDocView, dialect: Dialect, closure: readonly SchemaDocView[], lookup: DocLookup, purpose: AjvPurpose = 'all-errors'): CompileResult {
  try {
    const ajv = createAjv(dialect, purpose);
    for (const doc of closure) ajv.addSchema(prepareForAjv(doc, lookup), fileUri(doc.file));
    const validate = ajv.getSchema(fileUri(target.file));
    if (!validate) return { ok: false, message: 'ajv returned no validator' };
    return { ok: true, validate };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/**
 * Where a compile failure most likely comes from, when ajv's error names no place: the first
 * `pattern` that is not a valid regular expression (ajv compiles patterns with the "u" flag).
 */
export function locateCompileFailure(value: unknown): JsonPath | undefined {
  let found: JsonPath | undefined;
  walkSchemas(value, (node, path) => {
    if (found || typeof node.pattern !== 'string') return;
    try {
      new RegExp(node.pattern, 'u');
    } catch {
      found = [...path, 'pattern'];
    }
  });
  return found;
}

/** A copy of the schema with canonical refs and ids, as ajv will see it. */
function prepareForAjv(doc: SchemaDocView, lookup: DocLookup): AnySchema {
  const copy: unknown = structuredClone(doc.value);
  if (typeof copy === 'boolean') return copy;
  if (typeof copy !== 'object' || copy === null || Array.isArray(copy)) return false;
  walkSchemas(copy, (node, path) => {
    if (typeof node.$ref === 'string') {
      const resolved = resolveRef(doc, node.$ref, lookup);
      if (resolved.ok) node.$ref = `${fileUri(resolved.target.file)}#${pointerOf(resolved.target.path)}`;
    }
    if (path.length > 0) delete node.$id;
  });
  const root = copy as Record<string, unknown>;
  delete root.$schema;
  root.$id = fileUri(doc.file);
  return root;
}

function pointerOf(path: JsonPath): string {
  return path.map((s) => `/${encodeURIComponent(String(s).replace(/~/g, '~0').replace(/\//g, '~1')).replace(/%24/g, '$')}`).join('');
}
