// Where two versions of a text differ: the length of their common prefix and suffix. The
// language server hands over the whole buffer on every edit; comparing it with the previous one
// tells which lines changed without splitting 30 MB into lines again. Comparing large slices
// with === lets V8 compare memory blocks instead of looping over characters in JavaScript.

const CHUNK = 4096;

export function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  // Gallop in chunks, then narrow down inside the first differing chunk.
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  let step = CHUNK >> 1;
  while (step >= 16) {
    if (i + step <= max && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
    step >>= 1;
  }
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Common suffix length, never overlapping the first `skip` characters of either text. */
export function commonSuffixLength(a: string, b: string, skip = 0): number {
  const max = Math.min(a.length, b.length) - skip;
  let n = 0;
  const al = a.length;
  const bl = b.length;
  while (n + CHUNK <= max && a.slice(al - n - CHUNK, al - n) === b.slice(bl - n - CHUNK, bl - n)) n += CHUNK;
  let step = CHUNK >> 1;
  while (step >= 16) {
    if (n + step <= max && a.slice(al - n - step, al - n) === b.slice(bl - n - step, bl - n)) n += step;
    step >>= 1;
  }
  while (n < max && a.charCodeAt(al - n - 1) === b.charCodeAt(bl - n - 1)) n++;
  return n;
}
