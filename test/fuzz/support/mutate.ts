// Seeded random mutations of valid documents, for the fuzz suite. Every mutation is reproducible
// from (seed, index), and each carries a short description for failure reports.

import { createRandom } from '../../support/random';

/** Seeded for reproducibility: (seed, index) names every mutation. */
export const prng = createRandom;

export interface Mutation {
  bytes: Uint8Array;
  what: string;
}

type Mutator = (input: Uint8Array, random: () => number) => Mutation;

const encoder = new TextEncoder();
const int = (random: () => number, n: number) => Math.floor(random() * n);

function splice(input: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(input.length - remove + insert.length);
  out.set(input.subarray(0, at), 0);
  out.set(insert, at);
  out.set(input.subarray(at + remove), at + insert.length);
  return out;
}

const mutators: Mutator[] = [
  function truncate(input, random) {
    const at = int(random, input.length + 1);
    return { bytes: input.slice(0, at), what: `truncate at ${at}` };
  },
  function flipBytes(input, random) {
    const out = input.slice();
    const n = 1 + int(random, 4);
    const at: number[] = [];
    for (let i = 0; i < n && out.length > 0; i++) {
      const p = int(random, out.length);
      out[p] ^= 1 << int(random, 8);
      at.push(p);
    }
    return { bytes: out, what: `flip bits at ${at.join(',')}` };
  },
  function insertBrackets(input, random) {
    const at = int(random, input.length + 1);
    const brackets = Array.from({ length: 1 + int(random, 6) }, () => '{}[]:,"'[int(random, 7)]).join('');
    return { bytes: splice(input, at, 0, encoder.encode(brackets)), what: `insert ${JSON.stringify(brackets)} at ${at}` };
  },
  function deepNesting(input, random) {
    const depth = [100, 255, 257, 1000, 20_000][int(random, 5)];
    const open = random() < 0.5 ? '[' : '{"k":';
    const close = open === '[' ? ']' : '}';
    const at = int(random, input.length + 1);
    const closed = random() < 0.5;
    const nest = encoder.encode(open.repeat(depth) + (closed ? '1' + close.repeat(depth) : ''));
    return { bytes: splice(input, at, 0, nest), what: `nest ${depth} ${open}${closed ? ' closed' : ''} at ${at}` };
  },
  function hugeString(input, random) {
    // Mostly modest sizes; a 1 MB string now and then (each costs a full parse and scan).
    const size = random() < 0.05 ? 1_000_000 : [1_000, 10_000, 100_000][int(random, 3)];
    const text = `"${'x'.repeat(size)}${random() < 0.5 ? '"' : ''}`;
    const at = int(random, input.length + 1);
    return { bytes: splice(input, at, 0, encoder.encode(text)), what: `string of ${size} at ${at}` };
  },
  function deleteSlice(input, random) {
    const at = int(random, input.length + 1);
    const n = int(random, Math.min(64, input.length - at + 1));
    return { bytes: splice(input, at, n, new Uint8Array()), what: `delete ${n} at ${at}` };
  },
  function duplicateSlice(input, random) {
    const from = int(random, input.length + 1);
    const n = int(random, Math.min(200, input.length - from + 1));
    const at = int(random, input.length + 1);
    return { bytes: splice(input, at, 0, input.slice(from, from + n)), what: `copy ${n} from ${from} to ${at}` };
  },
  function oddCharacters(input, random) {
    const samples = ['\u0000', '\uFEFF', '\uD800', '\uDFFF', '😀', '\r', '\r\n', '\t', '\\', '\\u12', '"', '\u2028', 'ñ', '#', '- ', ': ', '&a', '*a', '!!binary ', '---\n', '$ref'];
    const s = samples[int(random, samples.length)];
    const at = int(random, input.length + 1);
    return { bytes: splice(input, at, 0, encoder.encode(s)), what: `insert ${JSON.stringify(s)} at ${at}` };
  },
  function replaceValue(input, random) {
    const text = new TextDecoder().decode(input);
    const values = ['null', 'true', '[]', '{}', '-1e999', '1.0', '"2.0"', '""', '0', '"#/x"', '{"$ref":"#"}', '"../Other/1.0.schema.json"'];
    const matches = [...text.matchAll(/:\s*("[^"]*"|\d+(\.\d+)?|true|false|null)/g)];
    if (matches.length === 0) return { bytes: input, what: 'replace value (none found)' };
    const m = matches[int(random, matches.length)];
    const v = values[int(random, values.length)];
    const at = (m.index ?? 0) + m[0].length - m[1].length;
    const out = text.slice(0, at) + v + text.slice(at + m[1].length);
    return { bytes: encoder.encode(out), what: `replace ${m[1].slice(0, 20)} by ${v}` };
  },
];

/** One to three stacked mutations of `input`. */
export function mutate(input: Uint8Array, random: () => number): Mutation {
  let bytes = input;
  const what: string[] = [];
  const n = 1 + int(random, 3);
  for (let i = 0; i < n; i++) {
    const m = mutators[int(random, mutators.length)](bytes, random);
    bytes = m.bytes;
    what.push(m.what);
  }
  return { bytes, what: what.join('; ') };
}
