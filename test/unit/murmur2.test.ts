// Kafka's default-partitioner hash, checked against the vectors of Kafka's own
// clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java (testMurmur2).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { murmur2, partitionFor, toPositive } from '../../runtime/partitioning/murmur2';

const KAFKA_VECTORS: ReadonlyArray<[string, number]> = [
  ['21', -973932308],
  ['foobar', -790332482],
  ['a-little-bit-long-string', -985981536],
  ['a-little-bit-longer-string', -1486304829],
  ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
  ['abc', 479470107],
];

test('murmur2 matches Kafka UtilsTest.testMurmur2 for every vector (strings as bytes)', () => {
  for (const [key, expected] of KAFKA_VECTORS) {
    assert.equal(murmur2(key), expected, key);
    assert.equal(murmur2(new TextEncoder().encode(key)), expected, `${key} as bytes`);
  }
});

test('toPositive clears the sign bit like Kafka Utils.toPositive (not Math.abs)', () => {
  assert.equal(toPositive(-973932308), -973932308 & 0x7fffffff);
  assert.equal(toPositive(-2147483648), 0);
  assert.equal(toPositive(479470107), 479470107);
  assert.notEqual(toPositive(-1), Math.abs(-1));
});

test('partitionFor = toPositive(murmur2(utf8 key)) % partitions, stable and in range', () => {
  assert.equal(partitionFor('21', 7), (-973932308 & 0x7fffffff) % 7);
  assert.equal(partitionFor('abc', 3), 479470107 % 3);
  for (const key of ['order-1', 'customer-é', '🙂', '']) {
    const p = partitionFor(key, 12);
    assert.ok(p >= 0 && p < 12);
    assert.equal(partitionFor(key, 12), p);
  }
  assert.throws(() => partitionFor('x', 0), RangeError);
});
