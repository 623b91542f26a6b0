import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findExcessiveNesting } from '../../core/text/depth';
import { parseJsonDocument } from '../../core/text/jsonDocument';
import { LineIndex } from '../../core/text/lineIndex';
import { firstInvalidUtf8 } from '../../core/text/utf8';
import { parseYamlDocument } from '../../core/text/yamlDocument';

const slice = (text: string, span: { offset: number; length: number }) => text.slice(span.offset, span.offset + span.length);

describe('LineIndex', () => {
  it('maps offsets to 0-based line and UTF-16 column, including after CRLF and astral characters', () => {
    const text = 'ab\r\n😀c\nlast';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(text.indexOf('c')), { line: 1, character: 2 });
    assert.deepEqual(lines.positionAt(text.length), { line: 2, character: 4 });
    assert.equal(lines.lineCount, 3);
    assert.equal(lines.offsetOfLine(2), text.indexOf('last'));
  });
});

describe('parseJsonDocument', () => {
  const text = '{"a": {"b": [1, {"c": true}]}, "d": "x"}';
  it('locates values and keys by path', () => {
    const doc = parseJsonDocument(text);
    assert.equal(slice(text, doc.locate(['a', 'b', 1, 'c'])), 'true');
    assert.equal(slice(text, doc.locate(['d'], 'key')), '"d"');
  });
  it('points a missing property at the key of the object that should hold it', () => {
    const doc = parseJsonDocument(text);
    assert.equal(slice(text, doc.locate(['a', 'missing'])), '"a"');
    assert.equal(slice(text, doc.locate(['nope'])), '{');
  });
  it('keeps whole-text offsets when parsing one line of a JSONL file', () => {
    const jsonl = '{"x":1}\n{"y": [2]}\n';
    const from = jsonl.indexOf('{"y"');
    const doc = parseJsonDocument(jsonl, from, jsonl.indexOf('\n', from));
    assert.deepEqual(doc.value, { y: [2] });
    assert.equal(slice(jsonl, doc.locate(['y', 0])), '2');
  });
  it('reports syntax errors with a position and no value', () => {
    const doc = parseJsonDocument('{"a": 1,}');
    assert.equal(doc.value, undefined);
    assert.ok(doc.syntaxErrors.length >= 1);
    assert.match(doc.syntaxErrors[0].message, /JSON syntax error/);
    assert.equal(doc.syntaxErrors[0].offset, 8);
  });
  it('refuses hostile nesting before any recursive parser sees it', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const doc = parseJsonDocument(deep);
    assert.equal(doc.value, undefined);
    assert.match(doc.syntaxErrors[0].message, /nests deeper/);
  });
});

describe('findExcessiveNesting', () => {
  it('ignores brackets inside strings, including escaped quotes', () => {
    assert.equal(findExcessiveNesting('["[[[\\"[[[["]', 2), -1);
    assert.equal(findExcessiveNesting('[[[', 2), 2);
  });
});

describe('parseYamlDocument', () => {
  const text = 'title: X\nproperties:\n  total:\n    type: number\nlist:\n  - a\n  - b\n';
  it('converts to plain values and locates keys and values', () => {
    const doc = parseYamlDocument(text);
    assert.deepEqual(doc.syntaxErrors, []);
    assert.deepEqual((doc.value as { list: string[] }).list, ['a', 'b']);
    assert.equal(slice(text, doc.locate(['properties', 'total', 'type'])), 'number');
    assert.equal(slice(text, doc.locate(['properties', 'total'], 'key')), 'total');
    assert.equal(slice(text, doc.locate(['list', 1])), 'b');
    assert.equal(slice(text, doc.locate(['properties', 'nope'])), 'properties');
  });
  it('reports syntax errors (duplicate keys too) with positions', () => {
    const doc = parseYamlDocument('a: 1\na: 2\n');
    assert.equal(doc.value, undefined);
    assert.match(doc.syntaxErrors[0].message, /YAML syntax error/);
    assert.equal(doc.syntaxErrors[0].offset, 5);
  });
});

describe('firstInvalidUtf8', () => {
  it('accepts valid multi-byte text and finds the first bad byte', () => {
    assert.equal(firstInvalidUtf8(Buffer.from('héllo 😀', 'utf8')), -1);
    assert.equal(firstInvalidUtf8(Uint8Array.from([0x61, 0x62, 0xff, 0x63])), 2);
    assert.equal(firstInvalidUtf8(Uint8Array.from([0x61, 0xc3])), 1, 'truncated sequence');
    assert.equal(firstInvalidUtf8(Uint8Array.from([0xc0, 0x80])), 0, 'overlong encoding');
    assert.equal(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80])), 0, 'surrogate');
  });
});
