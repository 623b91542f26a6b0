// Event files: the three layouts Eventline reads, and the validator that keeps per-line results
// so an edit revalidates only what changed.
import type { EventlineConfig } from '../config/config';
import type { SchemaLookup } from '../registry/types';
import type { Problem } from '../types';

/** jsonl: one envelope a line (*.events.jsonl); single: *.event.json; array: *.events.json. */
export type EventFileLayout = 'jsonl' | 'single' | 'array';

export interface EventFileContext {
  registry: SchemaLookup;
  config: EventlineConfig;
}

export interface EventFileValidator {
  /** Validates the file's whole text; repeated calls reuse results for unchanged lines. */
  validate(text: string): Problem[];
  /** Event types named in the file at the last validation (for revalidating on schema change). */
  typesUsed(): ReadonlySet<string>;
}
