// CloudEvents 1.0.2 structured JSON: every cloudevents/* code at its exact range, the type and
// version mapping (dataversion, dataschema), and the stream rules keyed by source + id.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../core/config/config';
import { createEventFileValidator } from '../../core/envelope/eventFile';
import type { Problem } from '../../core/types';
import { createFakeRegistry } from '../fixtures/envelope/fakeRegistry';
import { rangeOnLine } from '../support/text';

function ce(overrides: Record<string, unknown> = {}, drop: string[] = []): string {
  const value: Record<string, unknown> = { specversion: '1.0', id: 'evt-1', source: '/order-service', type: 'com.shop.OrderPlaced', time: '2026-01-05T10:30:00Z', dataversion: '1.0', data: { orderId: 'o-1' }, ...overrides };
  for (const key of drop) delete value[key];
  return JSON.stringify(value);
}

function validate(text: string): Problem[] {
  const config = { ...defaultConfig(), envelope: 'cloudevents' as const };
  return createEventFileValidator('/ws/a.events.jsonl', 'jsonl', { registry: createFakeRegistry(), config }).validate(text);
}

/** The line under test goes on line 1, after a valid event with another id. */
function second(lineText: string): string {
  return `${ce({ id: 'evt-0' })}\n${lineText}`;
}

function only(problems: Problem[], code: string): Problem {
  const found = problems.filter((p) => p.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(problems.map((p) => p.code))}`);
  return found[0];
}

describe('CloudEvents envelope', () => {
  it('accepts valid events: exact and reverse-DNS types, dataversion or dataschema', () => {
    const text = [
      ce({ id: 'a' }),
      ce({ id: 'b', type: 'OrderPlaced', dataversion: undefined, dataschema: 'schemas/OrderPlaced/1.1.schema.json', correlationid: 'req-1', causationid: 'a' }),
      ce({ id: 'c', dataversion: undefined, dataschema: 'https://schemas.shop.example/OrderPlaced/1.0?x=1', subject: 'o-1', datacontenttype: 'application/json' }),
      ce({ id: 'd', data: undefined, data_base64: 'aGVsbG8=' }),
    ].join('\n');
    assert.deepEqual(validate(text), []);
  });

  it('reports missing required attributes at the opening brace', () => {
    const text = second(ce({}, ['specversion', 'source']));
    const problems = validate(text).filter((p) => p.code === 'cloudevents/missing-attribute');
    assert.deepEqual(problems.map((p) => p.data?.field), ['specversion', 'source']);
    assert.deepEqual(problems[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } });
  });

  it('requires specversion "1.0"', () => {
    const text = second(ce({ specversion: '0.3' }));
    assert.deepEqual(only(validate(text), 'cloudevents/unsupported-specversion').range, rangeOnLine(text, 1, '"0.3"'));
  });

  it('requires source to be a URI-reference', () => {
    const text = second(ce({ source: 'order service' }));
    assert.deepEqual(only(validate(text), 'cloudevents/invalid-source').range, rangeOnLine(text, 1, '"order service"'));
    assert.equal(validate(second(ce({ source: '1bad:scheme' }))).filter((p) => p.code === 'cloudevents/invalid-source').length, 1);
  });

  it('checks time as RFC 3339', () => {
    const text = second(ce({ time: '2026-01-05' }));
    assert.deepEqual(only(validate(text), 'cloudevents/invalid-time').range, rangeOnLine(text, 1, '"2026-01-05"'));
  });

  it('checks attribute types', () => {
    let text = second(ce({ id: '' }));
    assert.deepEqual(only(validate(text), 'cloudevents/invalid-attribute').range, rangeOnLine(text, 1, '""'));
    text = second(ce({ subject: 5 }));
    const subjectAt = text.split('\n')[1].indexOf('"subject":5') + '"subject":'.length;
    assert.deepEqual(only(validate(text), 'cloudevents/invalid-attribute').range, { start: { line: 1, character: subjectAt }, end: { line: 1, character: subjectAt + 1 } });
    text = second(ce({ correlationid: 'has space' }));
    assert.deepEqual(only(validate(text), 'cloudevents/invalid-attribute').range, rangeOnLine(text, 1, '"has space"'));
    text = second(ce({ traceinfo: { a: 1 } }));
    assert.match(only(validate(text), 'cloudevents/invalid-attribute').message, /string, number or boolean/);
  });

  it('checks extension names: lowercase letters and digits, warning past 20 characters', () => {
    let text = second(ce({ tenantId: 'acme' }));
    const bad = only(validate(text), 'cloudevents/invalid-extension-name');
    assert.deepEqual(bad.range, rangeOnLine(text, 1, '"tenantId"'));
    assert.equal(bad.severity, 'error');
    assert.match(bad.message, /"tenantid"/);
    text = second(ce({ averyveryverylongextensionname: 'x' }));
    const long = only(validate(text), 'cloudevents/invalid-extension-name');
    assert.equal(long.severity, 'warning');
  });

  it('needs a version from dataversion or dataschema, and they must agree', () => {
    let text = second(ce({ dataversion: undefined }));
    assert.deepEqual(only(validate(text), 'cloudevents/missing-version').range, rangeOnLine(text, 1, '"com.shop.OrderPlaced"'));
    text = second(ce({ dataversion: undefined, dataschema: 'https://example.com/schemas/order' }));
    assert.deepEqual(only(validate(text), 'cloudevents/missing-version').range, rangeOnLine(text, 1, '"https://example.com/schemas/order"'));
    text = second(ce({ dataschema: 'schemas/OrderPlaced/1.1.schema.json' }));
    const conflict = only(validate(text), 'cloudevents/version-conflict');
    const versionAt = text.split('\n')[1].indexOf('"dataversion":"1.0"') + '"dataversion":'.length;
    assert.deepEqual(conflict.range, { start: { line: 1, character: versionAt }, end: { line: 1, character: versionAt + 5 } });
  });

  it('maps unknown types and versions to the envelope codes and validates data', () => {
    let text = second(ce({ type: 'com.shop.OrderPlacd' }));
    assert.match(only(validate(text), 'envelope/unknown-event-type').message, /OrderPlaced/);
    text = second(ce({ dataversion: '4.0' }));
    assert.deepEqual(only(validate(text), 'envelope/unknown-version').range, rangeOnLine(text, 1, '"4.0"'));
    text = second(ce({ data: { orderId: 1 } }));
    const data = only(validate(text), 'envelope/data-invalid');
    assert.equal(data.range.start.character, text.split('\n')[1].indexOf('"orderId":1') + '"orderId":'.length);
    text = second(ce({ source: '/billing' }));
    assert.equal(only(validate(text), 'envelope/source-mismatch').severity, 'warning');
    // data_base64 is not schema-validated; both at once is an error.
    text = second(ce({ data_base64: 'aGVsbG8=' }));
    assert.deepEqual(only(validate(text), 'cloudevents/invalid-attribute').range, rangeOnLine(text, 1, '"data_base64"'));
  });

  it('applies stream rules by source + id, causationid and time', () => {
    const text = [
      ce({ id: 'a', source: '/order-service' }),
      ce({ id: 'a', source: '/other-service', type: 'PaymentCaptured', data: { paymentId: 'p' } }),
      ce({ id: 'a', causationid: 'zz' }),
      ce({ id: 'b', time: '2026-01-05T09:00:00Z' }),
    ].join('\n');
    const problems = validate(text);
    assert.deepEqual(problems.map((p) => [p.code, p.range.start.line]).sort(), [
      ['stream/duplicate-event-id', 2],
      ['stream/timestamp-backwards', 3],
      ['stream/unknown-causation', 2],
    ]);
  });
});
