// The engine's own vocabulary. Positions follow LSP's convention (0-based line, UTF-16 column)
// so the server maps them one to one; the CLI adds 1 for humans.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A segment of a path into a JSON value: a property name or an array index. */
export type JsonPath = readonly (string | number)[];

/**
 * A problem found by a rule before it is placed in a file: rules reason about values, so they
 * name the offending node by its path, and the file layer turns that path into a range.
 * `target` chooses the property's key (e.g. an unknown field) or its value (the default).
 */
export interface Finding {
  code: string;
  message: string;
  path: JsonPath;
  target?: 'key' | 'value';
  /** Overrides the code's default severity (rare: a rule whose severity depends on context). */
  severity?: Severity;
  /** Machine-readable facts for quick fixes (e.g. the suggested name). */
  data?: Record<string, unknown>;
}

/** A finding placed in a file: what every client (LSP, CLI, e2e) consumes. */
export interface Problem {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Absolute path of the file the problem is in. */
  file: string;
  data?: Record<string, unknown>;
  /** Other places that explain the problem (the earlier duplicate, the schema file...). */
  related?: { file: string; range: Range; message: string }[];
}

/**
 * One change to a text, as an editor sends it (LSP's content change): the range it replaces,
 * in the text as it is after the previous change, or no range for the whole text.
 */
export interface TextEdit {
  range?: Range;
  text: string;
}
