// CRC-32C against the RFC 3720 (iSCSI) B.4 vectors and the common "123456789" check value.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32 } from 'node:zlib';
import { crc32c } from '../../runtime/checksum/crc32c';

test('crc32c matches the RFC 3720 and check-value vectors', () => {
  assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283);
  assert.equal(crc32c(Buffer.alloc(32, 0)), 0x8a9136aa);
  assert.equal(crc32c(Buffer.alloc(32, 0xff)), 0x62a8ab43);
  assert.equal(crc32c(Buffer.from(Array.from({ length: 32 }, (_, i) => i))), 0x46dd794e);
  assert.equal(crc32c(Buffer.from(Array.from({ length: 32 }, (_, i) => 31 - i))), 0x113fdb5c);
  assert.equal(crc32c(Buffer.alloc(0)), 0);
});

test('crc32c continues across chunks and honours start/end', () => {
  const bytes = Buffer.from('The quick brown fox jumps over the lazy dog, twice over.');
  for (const cut of [0, 1, 7, 8, 9, 30, bytes.length]) {
    assert.equal(crc32c(bytes, cut, bytes.length, crc32c(bytes, 0, cut)), crc32c(bytes), `cut at ${cut}`);
  }
  const framed = Buffer.concat([Buffer.from('xx'), bytes, Buffer.from('yy')]);
  assert.equal(crc32c(framed, 2, 2 + bytes.length), crc32c(bytes));
});

test('node:zlib crc32 is a different checksum (CRC-32/ISO-HDLC), so it cannot replace crc32c', () => {
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  assert.notEqual(crc32(Buffer.from('123456789')), crc32c(Buffer.from('123456789')));
});
