// Event files: the three layouts Eventline reads, and the validator that keeps per-line results
// so an edit revalidates only what changed.
import type { EventlineConfig } from '../config/config';
import type { SchemaLookup } from '../registry/types';
import type { Finding, Problem, TextEdit } from '../types';

/** jsonl: one envelope a line (*.events.jsonl); single: *.event.json; array: *.events.json. */
export type EventFileLayout = 'jsonl' | 'single' | 'array';

export interface EventFileContext {
  registry: SchemaLookup;
  config: EventlineConfig;
}

export interface EventFileValidator {
  /** Validates the file's whole text; repeated calls reuse results for unchanged lines. */
  validate(text: string): Problem[];
  /**
   * Applies editor changes to the text last validated (or edited) and revalidates; a JSONL file
   * re-checks only the lines the changes touch, without reading the rest of the buffer.
   */
  applyEdits(edits: readonly TextEdit[]): Problem[];
  /** The text as of the last validate or applyEdits. */
  currentText(): string;
  /** Event types named in the file at the last validation (for revalidating on schema change). */
  typesUsed(): ReadonlySet<string>;
}

/**
 * What the stream-file rules need from one event, kept per line so that an edit re-runs them
 * from these small records instead of the events.
 */
export interface EventSummary {
  /** Identity for duplicate detection: eventId, or source + id for CloudEvents. */
  key?: string;
  /** The id causation ids refer to (eventId, or the CloudEvents id). */
  id?: string;
  causationId?: string;
  /** Epoch milliseconds with fraction; NaN when the event has no valid timestamp. */
  time: number;
}

/** The result of checking one envelope (either style) before it is placed in a file. */
export interface EnvelopeResult {
  /** Paths are relative to the envelope. */
  findings: Finding[];
  summary: EventSummary;
  /** Type names the result depends on (registry types, and the raw name when it is unknown). */
  types: string[];
}

/** One envelope style: how to check an event, and where its stream-relevant fields live. */
export interface EnvelopeStyleSpec {
  check(value: unknown, registry: SchemaLookup): EnvelopeResult;
  /** True when EventSummary.key always equals EventSummary.id (the default style). */
  keyIsId: boolean;
  idPath: readonly string[];
  causationPath: readonly string[];
  timePath: readonly string[];
  /** The field names, for messages ("eventId" or "id"). */
  idName: string;
  causationName: string;
  timeName: string;
}
