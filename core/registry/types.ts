// The schema registry's public shape: what envelope validation, the language server features and
// (later) compatibility and code generation read.
import type { CompatibilityMode } from '../config/config';
import type { Finding, Problem } from '../types';
import type { BreakingAllowance } from './xEvent';

export type EventKind = 'domain' | 'integration' | 'system';

export interface EventSchema {
  /** x-event.type, e.g. OrderPlaced. */
  type: string;
  /** x-event.version, MAJOR.MINOR. */
  version: string;
  major: number;
  minor: number;
  /** Absolute path of the schema file. */
  file: string;
  kind?: EventKind;
  source?: string;
  /** JSON Pointer into `data`. */
  partitionKey?: string;
  compatibility?: CompatibilityMode;
  /** x-event.allowBreaking: breaking changes accepted in this version, by path. */
  allowBreaking?: BreakingAllowance[];
  title?: string;
  description?: string;
  /** The whole schema document as parsed (JSON or YAML). */
  schema: Record<string, unknown>;
}

/** Read-only view used by validators: stable while a validation pass runs. */
export interface SchemaLookup {
  /** Event types with at least one usable schema, sorted. */
  eventTypes(): string[];
  /** Versions of a type, ascending by (major, minor). */
  versions(type: string): string[];
  get(type: string, version: string): EventSchema | undefined;
  /**
   * Validates `data` against the type+version's compiled schema. Findings' paths are relative to
   * `data`. Undefined when there is no usable validator (unknown version, or the schema itself is
   * broken, which its own file reports).
   */
  validateData(type: string, version: string, data: unknown): Finding[] | undefined;
  /** Increases whenever any schema of `type` (or a file one of them references) changes. */
  generationOf(type: string): number;
}

export interface SchemaRegistry extends SchemaLookup {
  /** Adds or replaces a schema file's text. Returns the schema files whose problems may have changed. */
  setFile(file: string, text: string): string[];
  /** Returns the schema files whose problems may have changed. */
  removeFile(file: string): string[];
  /** Every schema file known, absolute paths. */
  files(): string[];
  /** Problems of one schema file: syntax, meta-schema, x-event, naming, $ref, compilation. */
  problems(file: string): Problem[];
  /** The event types declared by (or depending on) a schema file, for revalidating event files. */
  typesAffectedBy(file: string): string[];
}
