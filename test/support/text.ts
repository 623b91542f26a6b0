// Where a piece of text stands, for asserting exact diagnostic ranges.
import assert from 'node:assert/strict';
import type { Range } from '../../core/types';

/** The range of the `occurrence`-th (0-based) `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset !== -1, `"${needle}" not in text`);
  const position = (o: number) => {
    const before = text.slice(0, o).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: position(offset), end: position(offset + needle.length) };
}

/** The range of the `occurrence`-th `needle` on line `line` of `text`. */
export function rangeOnLine(text: string, line: number, needle: string, occurrence = 0): Range {
  const lineText = text.split('\n')[line];
  let character = -1;
  for (let i = 0; i <= occurrence; i++) character = lineText.indexOf(needle, character + 1);
  assert.ok(character >= 0, `${needle} not on line ${line}`);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}
