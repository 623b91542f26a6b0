// The hot-path shortcuts (char-code scans instead of regexes) must answer exactly as the checks
// they stand in for: compared here on seeded random mutations of typical values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import addFormats from 'ajv-formats';
import { isUuidV4, parseTimestamp } from '../../core/envelope/formats';
import { dateTimeFormat, isCommonDateTime } from '../../core/registry/dateTimeFormat';

/** Deterministic mutations (replace, insert, delete 0-3 characters) of each seed. */
function* mutations(seeds: string[], alphabet: string, perSeed: number): Generator<string> {
  let state = 12345;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
  for (const seed of seeds) {
    yield seed;
    for (let k = 0; k < perSeed; k++) {
      const chars = seed.split('');
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (chars.length + 1));
        const char = alphabet[Math.floor(random() * alphabet.length)];
        const op = random();
        if (op < 0.6) chars[at] = char;
        else if (op < 0.8) chars.splice(at, 0, char);
        else chars.splice(at, 1);
      }
      yield chars.join('');
    }
  }
}

const DATE_TIMES = ['2026-01-05T10:30:00Z', '2024-02-29T23:59:59.123+02:00', '1900-02-29T00:00:00z', '2000-02-29t12:00:00-23:59', '2026-12-31T23:59:60Z', '2026-01-05 10:30:00Z', '2026-01-05T10:30:00+0200', '2026-01-05T10:30:00.Z'];

describe('fast paths', () => {
  it('date-time format: same answers as ajv-formats full date-time', () => {
    const full = (addFormats.get('date-time') as { validate: (s: string) => boolean }).validate;
    const fast = dateTimeFormat.validate as (s: string) => boolean;
    let common = 0;
    for (const value of mutations(DATE_TIMES, '0123456789-:TtZz+. x', 3000)) {
      assert.equal(fast(value), full(value), JSON.stringify(value));
      if (isCommonDateTime(value)) common++;
    }
    assert.ok(common > 100, 'the fast path answers for common values');
  });

  it('isUuidV4: same answers as the UUID v4 regular expression', () => {
    const uuidV4 = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
    for (const value of mutations(['3f1c2b9e-7d4a-4c1e-9b2f-5a6d7e8f9a0b', '3F1C2B9E-7D4A-4C1E-BB2F-5A6D7E8F9A0B'], '0123456789abcdefABCDEFgG-4 89\u0130', 5000)) {
      assert.equal(isUuidV4(value), uuidV4.test(value), JSON.stringify(value));
    }
  });

  it('parseTimestamp: the fast path gives the regex path\'s times', () => {
    assert.deepEqual(parseTimestamp('2026-01-05T10:30:00Z'), { ok: true, time: Date.UTC(2026, 0, 5, 10, 30, 0) });
    assert.deepEqual(parseTimestamp('2026-01-05T10:30:00.123456+02:00'), { ok: true, time: Date.UTC(2026, 0, 5, 10, 30, 0) + parseFloat('.123456') * 1000 - 120 * 60000 });
    assert.deepEqual(parseTimestamp('2026-01-05t10:30:00-01:30'), { ok: true, time: Date.UTC(2026, 0, 5, 10, 30, 0) + 90 * 60000 });
    // A leap second is not the common shape; the regex path still orders it before the next minute.
    assert.deepEqual(parseTimestamp('2016-12-31T23:59:60Z'), { ok: true, time: Date.UTC(2016, 11, 31, 23, 59, 59) + 999.999 });
    assert.deepEqual(parseTimestamp('2026-02-29T10:30:00Z'), { ok: false, problem: 'names day 29 of a month that has 28 days' });
    assert.deepEqual(parseTimestamp('2026-01-05T10:30:00'), { ok: false, problem: 'has no time zone: append Z for UTC or an offset such as +02:00' });
  });
});
