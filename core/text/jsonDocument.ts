// JSON documents through jsonc-parser's tree, which keeps offsets for every node.
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { JsonPath } from '../types';
import { findExcessiveNesting, MAX_NESTING_DEPTH } from './depth';
import type { ParsedDocument, Span, SyntaxProblem } from './document';

const syntaxMessages: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected after the property name',
  CommaExpected: 'a comma is expected between items',
  CloseBraceExpected: 'a closing } is expected',
  CloseBracketExpected: 'a closing ] is expected',
  EndOfFileExpected: 'unexpected content after the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string (control characters must be escaped)',
};

export function describeParseError(error: ParseError): string {
  const name = printParseErrorCode(error.error);
  return `JSON syntax error: ${syntaxMessages[name] ?? name}`;
}

/**
 * Parses `text.slice(from, to)` (a whole file, or one JSONL line) with offsets relative to the
 * whole text, so spans need no further shifting.
 */
export function parseJsonDocument(text: string, from = 0, to = text.length): ParsedDocument {
  const deep = findExcessiveNesting(text, MAX_NESTING_DEPTH, from, to);
  if (deep !== -1) {
    return {
      value: undefined,
      syntaxErrors: [{ offset: deep, length: 1, message: `JSON nests deeper than ${MAX_NESTING_DEPTH} levels; Eventline does not follow it` }],
      locate: () => ({ offset: deep, length: 1 }),
    };
  }
  const source = from === 0 && to === text.length ? text : text.slice(from, to);
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const syntaxErrors: SyntaxProblem[] = errors.map((e) => ({ offset: e.offset + from, length: Math.max(1, e.length), message: describeParseError(e) }));
  return {
    value: root && errors.length === 0 ? plainValue(source, root) : undefined,
    syntaxErrors,
    locate: (path, target) => shift(locateInTree(root, path, target, to - from), from),
  };
}

/** JSON.parse gives ordinary objects (jsonc-parser's have a null prototype) and is faster. */
function plainValue(source: string, root: Node): unknown {
  try {
    return JSON.parse(source);
  } catch {
    return getNodeValue(root);
  }
}

function shift(span: Span, by: number): Span {
  return { offset: span.offset + by, length: span.length };
}

function locateInTree(root: Node | undefined, path: JsonPath, target: 'key' | 'value' = 'value', textLength: number): Span {
  if (!root) return { offset: 0, length: Math.min(1, textLength) };
  let node: Node = root;
  for (let i = 0; i < path.length; i++) {
    const child = findNodeAtLocation(node, [path[i]]);
    if (!child) return keyOrOpening(node);
    node = child;
  }
  if (target === 'key' && node.parent?.type === 'property') return spanOf(node.parent.children![0]);
  return spanOf(node);
}

/** Where a missing child belongs: the key naming its parent, or the parent's opening bracket at the root. */
function keyOrOpening(node: Node): Span {
  if (node.parent?.type === 'property') return spanOf(node.parent.children![0]);
  if (node.type === 'object' || node.type === 'array') return { offset: node.offset, length: 1 };
  return spanOf(node);
}

function spanOf(node: Node): Span {
  return { offset: node.offset, length: node.length };
}
