// A parsed JSON or YAML document that can place a value path back in the source text. Rules see
// plain values and report paths; only when a problem must be shown does a path become a span.
import type { JsonPath } from '../types';

export interface Span {
  offset: number;
  length: number;
}

export interface SyntaxProblem extends Span {
  message: string;
}

export interface ParsedDocument {
  /** The document's value; undefined when it did not parse at all. */
  value: unknown;
  syntaxErrors: SyntaxProblem[];
  /**
   * The span of the node at `path`: its key or its value. When the path does not exist, the
   * deepest existing ancestor (the key of the property that should contain it), so a missing
   * field is reported where it belongs.
   */
  locate(path: JsonPath, target?: 'key' | 'value'): Span;
}
