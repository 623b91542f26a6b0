// Where a schema file sits below the schemas folder, and what that says about it:
//   <schemasDir>/<EventType>/<MAJOR.MINOR>.schema.(json|yaml|yml)  an event schema
//   <schemasDir>/_<anything>/.../<name>.schema.(json|yaml|yml)     shared definitions
// Shared definitions files live under any folder whose name starts with "_" (e.g.
// schemas/_common/money.schema.json). They need no x-event block, are not event types, can be
// `$ref`'d from event schemas (and from each other), and are validated against their meta-schema
// like every schema.
import { relative, sep } from 'node:path';

export const VERSION_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export type SchemaLayout =
  /** The expected place; `folderType` and `fileVersion` come from the path. */
  | { kind: 'event'; folderType: string; fileVersion: string }
  | { kind: 'shared' }
  /** Anywhere else: still read as an event schema, with a warning. */
  | { kind: 'misplaced'; relativePath: string };

export function schemaLayout(schemasRoot: string, file: string): SchemaLayout {
  const rel = relative(schemasRoot, file).split(sep).join('/');
  const segments = rel.split('/');
  if (rel.startsWith('../') || segments.length === 0) return { kind: 'misplaced', relativePath: rel };
  if (segments.slice(0, -1).some((s) => s.startsWith('_'))) return { kind: 'shared' };
  const match = /^(.*)\.schema\.(json|ya?ml)$/.exec(segments[segments.length - 1]);
  if (segments.length === 2 && match && VERSION_PATTERN.test(match[1])) {
    return { kind: 'event', folderType: segments[0], fileVersion: match[1] };
  }
  return { kind: 'misplaced', relativePath: rel };
}

export function formatOf(file: string): 'json' | 'yaml' {
  return /\.ya?ml$/i.test(file) ? 'yaml' : 'json';
}
