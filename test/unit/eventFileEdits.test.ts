// Editor changes applied straight to an event file's validator (the language server's path)
// must give exactly what a fresh validator gives on the edited text: random LSP-style edits,
// single- and multi-line, inserting and deleting lines, across the three layouts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../core/config/config';
import { createEventFileValidator } from '../../core/envelope/eventFile';
import type { EventFileLayout } from '../../core/envelope/types';
import { applyTextEdits } from '../../core/text/edits';
import { LineIndex } from '../../core/text/lineIndex';
import type { Problem, TextEdit } from '../../core/types';
import { eventLine, uuid } from '../fixtures/envelope/events';
import { createFakeRegistry } from '../fixtures/envelope/fakeRegistry';
import { createRandom } from '../support/random';


const pieces = ['', 'x', '"', '{', '}', '\n', ',', '9', uuid(3), `\n${eventLine(50)}`, '"eventId"', '\r\n', '2025'];

function randomEdit(text: string, next: () => number): TextEdit {
  const lines = new LineIndex(text);
  const a = Math.floor(next() * (text.length + 1));
  const b = Math.min(text.length, a + (next() < 0.8 ? Math.floor(next() * 6) : Math.floor(next() * 400)));
  const edit: TextEdit = { range: { start: lines.positionAt(a), end: lines.positionAt(b) }, text: pieces[Math.floor(next() * pieces.length)] };
  return edit;
}

const key = (problems: Problem[]) => problems.map((p) => JSON.stringify(p)).sort();

describe('applyEdits', () => {
  for (const layout of ['jsonl', 'array', 'single'] as EventFileLayout[]) {
    it(`matches a fresh validator after 300 random editor changes (${layout})`, () => {
      const registry = createFakeRegistry();
      const config = defaultConfig();
      const events = Array.from({ length: 30 }, (_, n) => eventLine(n));
      let text = layout === 'jsonl' ? events.join('\n') : layout === 'array' ? `[\n${events.join(',\n')}\n]` : eventLine(1);
      const validator = createEventFileValidator('/ws/a.events.jsonl', layout, { registry, config });
      validator.validate(text);
      const next = createRandom(layout.length);
      for (let step = 0; step < 300; step++) {
        // Sometimes two changes in one notification: the second's range refers to the text after the first.
        const batch = [randomEdit(text, next)];
        if (next() < 0.3) batch.push(randomEdit(applyTextEdits(text, batch), next));
        text = applyTextEdits(text, batch);
        const got = validator.applyEdits(batch);
        const want = createEventFileValidator('/ws/a.events.jsonl', layout, { registry, config }).validate(text);
        assert.deepEqual(key(got), key(want), `step ${step}: ${JSON.stringify(batch)}`);
        assert.equal(validator.currentText(), text, `step ${step}: the validator's text drifted`);
      }
    });
  }

  it('treats a change without a range as the whole new text', () => {
    const registry = createFakeRegistry();
    const validator = createEventFileValidator('/ws/a.events.jsonl', 'jsonl', { registry, config: defaultConfig() });
    validator.validate(eventLine(1));
    const problems = validator.applyEdits([{ text: '{"broken"' }]);
    assert.deepEqual(problems.map((p) => p.code), ['json/syntax-error']);
    assert.equal(validator.currentText(), '{"broken"');
  });

  it('clamps positions past the end of a line or of the text, as LSP does', () => {
    const registry = createFakeRegistry();
    const validator = createEventFileValidator('/ws/a.events.jsonl', 'jsonl', { registry, config: defaultConfig() });
    validator.validate(`${eventLine(1)}\n`);
    validator.applyEdits([{ range: { start: { line: 0, character: 9999 }, end: { line: 0, character: 9999 } }, text: ' ' }]);
    validator.applyEdits([{ range: { start: { line: 7, character: 0 }, end: { line: 9, character: 3 } }, text: eventLine(2) }]);
    assert.equal(validator.currentText(), `${eventLine(1)} \n${eventLine(2)}`);
  });
});

describe('applyTextEdits', () => {
  it('applies changes in order, each against the text the previous one left', () => {
    const text = 'ab\ncd\nef';
    const edited = applyTextEdits(text, [
      { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 1 } }, text: 'X' },
      { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: '\n' },
    ]);
    assert.equal(edited, 'a\nb\nXf');
  });
});
