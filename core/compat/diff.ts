// diffSchemas(old, new): every change between two JSON Schemas, classified as Confluent Schema
// Registry classifies JSON Schema changes (see types.ts), each with its verdict in both
// directions. This file is the entry point: it sets up the walk's context, starts it at the two
// roots (diff/schema.ts, Confluent's SchemaDiff) and turns what it found into SchemaChanges.
import { composeMessage } from './messages';
import { Ctx, type Env, type Raw } from './diff/context';
import { pointerIn, toPointer } from './diff/pointer';
import { compare } from './diff/schema';
import type { Criterion, RefResolver } from './shape';
import type { CompatPolicy, SchemaChange } from './types';

export type { RefResolver, SchemaNode } from './shape';
export { toPointer } from './diff/pointer';

export interface DiffOptions {
  /** Default lenient. */
  policy?: CompatPolicy;
  /** Resolves `$ref`s across files (the registry's or the CLI's); in-document "#/..." refs work without it. */
  resolve?: RefResolver;
  /** Names of the two files (for refs and messages); default "<old>" and "<new>". */
  oldFile?: string;
  newFile?: string;
  /** How to name another file in a message. */
  display?: (file: string) => string;
}

export function diffSchemas(oldSchema: unknown, newSchema: unknown, options: DiffOptions = {}): SchemaChange[] {
  const oldFile = options.oldFile ?? '<old>';
  const newFile = options.newFile ?? '<new>';
  const roots = new Map<string, unknown>([[oldFile, oldSchema], [newFile, newSchema]]);
  const local: RefResolver = (ref, from) => (ref.startsWith('#') ? pointerIn(from.file, roots.get(from.file), ref.slice(1)) : undefined);
  const resolve: RefResolver = options.resolve ? (ref, from) => options.resolve!(ref, from) ?? local(ref, from) : local;
  const env: Env = { policy: options.policy ?? 'lenient', resolve, newFile, display: options.display ?? ((f) => f) };
  const ctx = new Ctx(env, new Set());
  compare(ctx, { file: oldFile, path: [], node: oldSchema }, { file: newFile, path: [], node: newSchema }, { path: [] });
  return finish(ctx.changes, env.policy);
}

/** True when every change is compatible in the direction(s) asked. */
export function isCompatible(changes: readonly SchemaChange[], direction: { backward: boolean; forward: boolean }): boolean {
  return changes.every((c) => (!direction.backward || c.backward) && (!direction.forward || c.forward));
}

/** Raw findings as SchemaChanges: one per kind, place and detail (a node reached by two routes reports once). */
function finish(raws: Raw[], policy: CompatPolicy): SchemaChange[] {
  const seen = new Set<string>();
  const out: SchemaChange[] = [];
  for (const raw of raws) {
    const path = toPointer(raw.at.path);
    const detail = raw.at.via ? `${raw.detail} (in ${raw.at.via})` : raw.detail;
    const key = `${raw.kind}\u0000${path}\u0000${detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const change: SchemaChange = { kind: raw.kind, path, backward: raw.backward, forward: raw.forward, message: composeMessage(raw.kind, detail, raw.backward, raw.forward, policy, raw.policyDependent), detail };
    if (raw.policyDependent) change.policyDependent = true;
    out.push(change);
  }
  return out;
}

export type { Criterion };
