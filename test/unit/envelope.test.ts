// Default envelope style: every envelope/* and stream/* code, placed at the exact JSON node,
// inside JSONL lines and in the single and array layouts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../core/config/config';
import { createEventFileValidator } from '../../core/envelope/eventFile';
import type { EventFileLayout } from '../../core/envelope/types';
import type { Problem } from '../../core/types';
import { createFakeRegistry } from '../fixtures/envelope/fakeRegistry';
import { rangeOnLine } from '../support/text';

const ID1 = '3f1c2b9e-7d4a-4c1e-9b2f-5a6d7e8f9a0b';
const ID2 = 'a6f0c1d2-1b2c-4d3e-8f40-5a6b7c8d9e0f';
const ID3 = 'c0ffee00-1234-4abc-a123-0123456789ab';

function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { eventId: ID1, eventType: 'OrderPlaced', timestamp: '2026-01-05T10:30:00Z', version: '1.0', source: 'order-service', data: { orderId: 'o-1', totalAmount: 9.5 }, ...overrides };
}

function line(overrides: Record<string, unknown> = {}, drop: string[] = []): string {
  const value = event(overrides);
  for (const key of drop) delete value[key];
  return JSON.stringify(value);
}

function validate(text: string, layout: EventFileLayout = 'jsonl'): Problem[] {
  return createEventFileValidator('/ws/events/a.events.jsonl', layout, { registry: createFakeRegistry(), config: defaultConfig() }).validate(text);
}

function only(problems: Problem[], code: string): Problem {
  const found = problems.filter((p) => p.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(problems.map((p) => p.code))}`);
  return found[0];
}

/** A valid first line, then the line under test on line 1 (so nothing passes by sitting on line 0). */
function second(lineText: string): string {
  return `${line({ eventId: ID2 })}\n${lineText}\n`;
}

describe('default envelope in a JSONL file', () => {
  it('accepts valid events, blank lines and CRLF line ends', () => {
    const text = [line({ eventId: ID1 }), '', line({ eventId: ID2, metadata: { correlationId: 'req-1', causationId: ID1 } }), '   '].join('\r\n');
    assert.deepEqual(validate(text), []);
  });

  it('reports a syntax error inside its line', () => {
    const text = second('{"eventId": "x", }');
    const problem = only(validate(text), 'json/syntax-error');
    assert.equal(problem.range.start.line, 1);
    assert.equal(problem.range.start.character, 17);
    assert.equal(problem.severity, 'error');
  });

  it('reports a missing field at the opening brace, naming the field', () => {
    const text = second(`  ${line({}, ['source'])}`);
    const problem = only(validate(text), 'envelope/missing-field');
    assert.deepEqual(problem.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } });
    assert.match(problem.message, /"source"/);
  });

  it('reports every required field that is missing', () => {
    const problems = validate(second('{}'));
    assert.deepEqual(problems.map((p) => p.data?.field).sort(), ['data', 'eventId', 'eventType', 'source', 'timestamp', 'version']);
  });

  it('reports an envelope that is not an object', () => {
    const problem = only(validate(second('[1, 2]')), 'envelope/not-an-object');
    assert.deepEqual(problem.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
  });

  it('reports wrong JSON types on the value', () => {
    const text = second(line({ version: 1, data: 'x' }));
    const problems = validate(text).filter((p) => p.code === 'envelope/wrong-type');
    const versionAt = text.split('\n')[1].indexOf('"version":1') + '"version":'.length;
    assert.deepEqual(problems.map((p) => p.range), [{ start: { line: 1, character: versionAt }, end: { line: 1, character: versionAt + 1 } }, rangeOnLine(text, 1, '"x"')]);
    assert.match(problems[0].message, /Quote it: "1.0"/);
  });

  it('checks the UUID version nibble and names the version found', () => {
    const v1 = '3f1c2b9e-7d4a-1c1e-9b2f-5a6d7e8f9a0b';
    const text = second(line({ eventId: v1 }));
    const problem = only(validate(text), 'envelope/event-id-not-uuid-v4');
    assert.deepEqual(problem.range, rangeOnLine(text, 1, `"${v1}"`));
    assert.match(problem.message, /is a UUID v1/);
    assert.match(only(validate(second(line({ eventId: '3f1c2b9e-7d4a-4c1e-7b2f-5a6d7e8f9a0b' }))), 'envelope/event-id-not-uuid-v4').message, /variant/);
    assert.match(only(validate(second(line({ eventId: 'order-1' }))), 'envelope/event-id-not-uuid-v4').message, /is not a UUID/);
  });

  it('reports an unknown event type with the closest known one', () => {
    const text = second(line({ eventType: 'OrderPlacd' }));
    const problem = only(validate(text), 'envelope/unknown-event-type');
    assert.deepEqual(problem.range, rangeOnLine(text, 1, '"OrderPlacd"'));
    assert.match(problem.message, /did you mean "OrderPlaced"/);
    assert.deepEqual(problem.data, { suggestion: 'OrderPlaced' });
  });

  it('checks timestamps: format, zone, calendar', () => {
    for (const [timestamp, pattern] of [
      ['2026-01-05 10:30', /not an RFC 3339/],
      ['2026-01-05T10:30:00', /no time zone/],
      ['2026-02-30T10:30:00Z', /day 30 of a month that has 28 days/],
      ['2026-13-01T10:30:00Z', /month 13/],
      ['2026-01-05T24:00:00Z', /impossible time/],
    ] as const) {
      const text = second(line({ timestamp }));
      const problem = only(validate(text), 'envelope/invalid-timestamp');
      assert.deepEqual(problem.range, rangeOnLine(text, 1, `"${timestamp}"`));
      assert.match(problem.message, pattern);
    }
    assert.deepEqual(validate(second(line({ timestamp: '2028-02-29T23:59:60.5+05:30' }))), []);
  });

  it('checks the version format, then that it exists, listing the existing versions', () => {
    let text = second(line({ version: 'v1' }));
    assert.deepEqual(only(validate(text), 'envelope/invalid-version').range, rangeOnLine(text, 1, '"v1"'));
    text = second(line({ version: '3.0' }));
    const problem = only(validate(text), 'envelope/unknown-version');
    assert.deepEqual(problem.range, rangeOnLine(text, 1, '"3.0"'));
    assert.match(problem.message, /existing versions are 1\.0, 1\.1/);
  });

  it('checks the source is a service name and matches x-event.source', () => {
    let text = second(line({ source: 'Order Service' }));
    const invalid = only(validate(text), 'envelope/invalid-source');
    assert.deepEqual(invalid.range, rangeOnLine(text, 1, '"Order Service"'));
    assert.match(invalid.message, /"order-service"/);
    text = second(line({ source: 'billing' }));
    const mismatch = only(validate(text), 'envelope/source-mismatch');
    assert.equal(mismatch.severity, 'warning');
    assert.deepEqual(mismatch.range, rangeOnLine(text, 1, '"billing"'));
    // PaymentCaptured declares no source: anything well-formed is fine.
    assert.deepEqual(validate(second(line({ eventType: 'PaymentCaptured', data: { paymentId: 'p' }, source: 'billing' }))), []);
  });

  it('checks metadata and its ids', () => {
    let text = second(line({ metadata: 'req-1' }));
    assert.deepEqual(only(validate(text), 'envelope/invalid-metadata').range, rangeOnLine(text, 1, '"req-1"'));
    text = second(line({ metadata: { correlationId: '' } }));
    assert.deepEqual(only(validate(text), 'envelope/invalid-metadata').range, rangeOnLine(text, 1, '""'));
    text = second(line({ metadata: { correlationId: 'has space' } }));
    assert.match(only(validate(text), 'envelope/invalid-metadata').message, /whitespace/);
    assert.deepEqual(validate(second(line({ metadata: { correlationId: 'req-1', tenant: 'acme' } }))), []);
  });

  it('reports unknown fields on their key, suggesting a near field', () => {
    const text = second(line({ eventID: 'x' }));
    const problem = only(validate(text), 'envelope/unknown-field');
    assert.deepEqual(problem.range, rangeOnLine(text, 1, '"eventID"'));
    assert.match(problem.message, /did you mean "eventId"/);
  });

  it('validates data against its type and version, with paths under data', () => {
    const text = second(line({ data: { orderId: 7, totalAmount: 1, extra: true } }));
    const problems = validate(text).filter((p) => p.code === 'envelope/data-invalid');
    const sevenAt = text.split('\n')[1].indexOf('"orderId":7') + '"orderId":'.length;
    const ranges = problems.map((p) => p.range).sort((a, b) => a.start.character - b.start.character);
    assert.deepEqual(ranges, [{ start: { line: 1, character: sevenAt }, end: { line: 1, character: sevenAt + 1 } }, rangeOnLine(text, 1, '"extra"')]);
    // 1.1 allows `note`, 1.0 does not.
    assert.equal(validate(second(line({ version: '1.1', data: { orderId: 'o', note: 'n' } }))).length, 0);
    assert.equal(validate(second(line({ version: '1.0', data: { orderId: 'o', note: 'n' } }))).length, 1);
  });
});

describe('stream rules', () => {
  it('flags a duplicate eventId on the later event, pointing at the first', () => {
    const text = [line({ eventId: ID1 }), line({ eventId: ID2 }), line({ eventId: ID1 })].join('\n');
    const problem = only(validate(text), 'stream/duplicate-event-id');
    assert.deepEqual(problem.range, rangeOnLine(text, 2, `"${ID1}"`));
    assert.match(problem.message, /line 1/);
    assert.match(problem.message, /idempotent/);
    assert.deepEqual(problem.related?.[0].range, rangeOnLine(text, 0, `"${ID1}"`));
  });

  it('flags a causationId naming no event, or a later one', () => {
    const text = [
      line({ eventId: ID1, metadata: { causationId: 'elsewhere' } }),
      line({ eventId: ID2, metadata: { causationId: ID3 } }),
      line({ eventId: ID3, metadata: { causationId: ID1 } }),
    ].join('\n');
    const problems = validate(text).filter((p) => p.code === 'stream/unknown-causation');
    assert.deepEqual(problems.map((p) => p.range), [rangeOnLine(text, 0, '"elsewhere"'), rangeOnLine(text, 1, `"${ID3}"`)]);
    assert.match(problems[0].message, /names no event/);
    assert.match(problems[1].message, /later event \(line 3\)/);
    assert.deepEqual(problems[1].related?.[0].range, rangeOnLine(text, 2, `"${ID3}"`));
  });

  it('flags a timestamp earlier than the previous event', () => {
    const text = [line({ eventId: ID1, timestamp: '2026-01-05T10:30:00Z' }), line({ eventId: ID2, timestamp: '2026-01-05T12:29:00+02:00' })].join('\n');
    const problem = only(validate(text), 'stream/timestamp-backwards');
    assert.deepEqual(problem.range, rangeOnLine(text, 1, '"2026-01-05T12:29:00+02:00"'));
    assert.match(problem.message, /line 1/);
  });

  it('applies no stream rules to a single-event file', () => {
    assert.deepEqual(validate(line({ metadata: { causationId: 'elsewhere' } }), 'single'), []);
  });
});

describe('single and array layouts', () => {
  it('places findings of a pretty-printed single event', () => {
    const text = JSON.stringify(event({ version: '9.9' }), null, 2);
    const problem = only(validate(text, 'single'), 'envelope/unknown-version');
    assert.deepEqual(problem.range, rangeOnLine(text, 4, '"9.9"'));
  });

  it('reports syntax errors of a single event', () => {
    const problems = validate('{\n  "eventId": \n}', 'single');
    assert.equal(problems[0].code, 'json/syntax-error');
    assert.equal(problems[0].range.start.line, 2);
  });

  it('validates each item of an array and the stream rules across items', () => {
    const text = JSON.stringify([event({ eventId: ID1 }), event({ eventId: ID1, eventType: 'Nope' })], null, 2);
    const problems = validate(text, 'array');
    const unknown = only(problems, 'envelope/unknown-event-type');
    assert.deepEqual(unknown.range, rangeOnLine(text, text.split('\n').findIndex((l) => l.includes('"Nope"')), '"Nope"'));
    const duplicate = only(problems, 'stream/duplicate-event-id');
    assert.equal(duplicate.range.start.line, text.split('\n').findIndex((l, i) => i > 5 && l.includes(ID1)));
    assert.match(duplicate.message, /line 2/); // the first item opens on line 2
  });

  it('reports a non-array .events.json file', () => {
    const text = JSON.stringify(event());
    const problem = only(validate(text, 'array'), 'stream/not-an-array');
    assert.deepEqual(problem.range.start, { line: 0, character: 0 });
  });
});
