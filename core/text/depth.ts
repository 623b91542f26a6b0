// A cheap scan for nesting depth, run before any recursive parser or validator sees a document:
// jsonc-parser, yaml and ajv all recurse, so a hostile `[[[[…` would overflow the stack.

export const MAX_NESTING_DEPTH = 256;

/** Returns the offset where nesting first exceeds `limit`, or -1. Brackets inside strings do not count. */
export function findExcessiveNesting(text: string, limit = MAX_NESTING_DEPTH, from = 0, to = text.length): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return i;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return -1;
}
