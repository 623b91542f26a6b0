// The JSONL validator reuses per-line results across calls: after any edit its answer must equal
// a fresh validator's. Also: schema changes revalidate the lines of that type, and hostile input
// (truncated lines, huge lines, deep nesting, BOM, lone CR) yields problems, never an exception.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../core/config/config';
import { createEventFileValidator } from '../../core/envelope/eventFile';
import type { EventFileLayout } from '../../core/envelope/types';
import type { Problem } from '../../core/types';
import { eventLine, uuid } from '../fixtures/envelope/events';
import { createFakeRegistry, orderPlaced, type FakeRegistry } from '../fixtures/envelope/fakeRegistry';


const sorted = (problems: Problem[]) => problems.map((p) => JSON.stringify(p)).sort();

function fresh(text: string, registry: FakeRegistry, layout: EventFileLayout = 'jsonl'): Problem[] {
  return createEventFileValidator('/ws/s.events.jsonl', layout, { registry, config: defaultConfig() }).validate(text);
}

describe('incremental JSONL revalidation', () => {
  it('gives the same problems as a fresh validator after every kind of edit', () => {
    const registry = createFakeRegistry();
    const validator = createEventFileValidator('/ws/s.events.jsonl', 'jsonl', { registry, config: defaultConfig() });
    const lines = Array.from({ length: 40 }, (_, n) => eventLine(n));
    lines[7] = eventLine(7, { version: '9.9' });
    let text = lines.join('\n');
    const edits: ((t: string) => string)[] = [
      (t) => t.replace('"o9"', '"o99"'), // a data value, same summary
      (t) => t.replace('"o9', '"o'), // shorter value: ranges after it on the line move
      (t) => t.replace(uuid(20), uuid(3)), // a duplicate id appears: stream rules re-run
      (t) => t.replace(`${eventLine(5)}\n`, ''), // a line removed: later lines move up
      (t) => `${eventLine(100, { eventType: 'Nope' })}\n${t}`, // a line inserted at the top
      (t) => t.replace('\n', '\n\n\n'), // blank lines inserted
      (t) => t.slice(0, t.length - 30), // the last line truncated
      (t) => `${t}\n${eventLine(200)}\r\n${eventLine(201)}`, // appended, with a CRLF
      (t) => t.replace(/"timestamp":"2026-01-01T00:00:30/, '"timestamp":"2025-01-01T00:00:30'), // backwards
      (t) => t.replace('{', '{{'), // first line broken
      (t) => t.replace('{{', '{'), // and repaired
      (t) => t.split('\n').reverse().join('\n'), // everything moved
      (t) => t, // no change
      () => '', // emptied
      () => lines.join('\n'), // and back
    ];
    for (const [i, edit] of edits.entries()) {
      text = edit(text);
      assert.deepEqual(sorted(validator.validate(text)), sorted(fresh(text, registry)), `after edit ${i}`);
    }
  });

  it('moves a cached line problem when lines are inserted above it', () => {
    const registry = createFakeRegistry();
    const validator = createEventFileValidator('/ws/s.events.jsonl', 'jsonl', { registry, config: defaultConfig() });
    const text = [eventLine(0), eventLine(1, { version: 'x' })].join('\n');
    assert.equal(validator.validate(text)[0].range.start.line, 1);
    const moved = validator.validate(`\n\n${text}`);
    assert.deepEqual(moved.map((p) => [p.code, p.range.start.line]), [['envelope/invalid-version', 3]]);
  });

  it('revalidates the lines of a type whose schema changed, and reports the types used', () => {
    const registry = createFakeRegistry();
    const validator = createEventFileValidator('/ws/s.events.jsonl', 'jsonl', { registry, config: defaultConfig() });
    const text = [eventLine(0), eventLine(1), eventLine(2, { eventType: 'ShipmentSent', data: {} })].join('\n');
    assert.deepEqual(validator.validate(text).map((p) => p.code), ['envelope/unknown-event-type']);
    assert.deepEqual([...validator.typesUsed()].sort(), ['OrderPlaced', 'PaymentCaptured', 'ShipmentSent']);
    registry.put({ type: 'OrderPlaced', version: '1.0', schema: { ...orderPlaced, required: ['orderId', 'totalAmount'] } });
    registry.put({ type: 'ShipmentSent', version: '1.0', schema: { type: 'object' } });
    const after = validator.validate(text);
    assert.deepEqual(after.map((p) => [p.code, p.range.start.line]), [['envelope/data-invalid', 1]]);
    assert.deepEqual(sorted(after), sorted(fresh(text, registry)));
  });
});

describe('hostile input never throws', () => {
  const registry = createFakeRegistry();
  const valid = eventLine(1);
  const cases: [string, string][] = [
    ['truncated lines', Array.from({ length: valid.length }, (_, i) => valid.slice(0, i)).join('\n')],
    ['a huge line', `{"eventId":"${'x'.repeat(2_000_000)}"}`],
    ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}\n{"data":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`],
    ['deep data of a known type', JSON.stringify({ ...JSON.parse(valid), data: { orderId: 'o', totalAmount: 1, deep: JSON.parse(`${'['.repeat(3000)}${']'.repeat(3000)}`) } })],
    ['a byte-order mark and lone CRs', `\uFEFF${valid}\r\r\n\r${valid}`],
    ['scalars and nulls', 'null\n1\n"s"\ntrue\n[]'],
    ['__proto__ keys', '{"__proto__":{"eventId":1},"constructor":2,"eventId":{"toString":1}}'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      for (const layout of ['jsonl', 'single', 'array'] as const) {
        const problems = fresh(text, registry, layout);
        assert.ok(Array.isArray(problems));
        for (const p of problems) assert.ok(p.range.start.line >= 0 && p.range.end.character >= 0, JSON.stringify(p));
      }
    });
  }

  it('reports a deeply nested line as json/too-deep on that line', () => {
    const text = `${eventLine(0)}\n{"data":${'['.repeat(300)}${']'.repeat(300)}, "x": }`;
    const problems = fresh(text, registry);
    assert.deepEqual(problems.map((p) => [p.code, p.range.start.line]), [['json/too-deep', 1]]);
  });

  it('keeps columns of a line that starts with a byte-order mark', () => {
    const text = `\uFEFF${eventLine(1, { version: 'x' })}`;
    const problem = fresh(text, registry)[0];
    assert.equal(problem.code, 'envelope/invalid-version');
    assert.equal(problem.range.start.character, text.indexOf('"x"'));
  });
});
