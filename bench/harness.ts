// Tiny benchmark harness: warm-up, median of several runs, and a result shape that run.ts
// prints and writes to bench/results/<name>.json.

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export interface Comparison {
  name: string;
  /** The measured ratio (or fraction). */
  value: number;
  /** "min": value must be >= target; "max": value must be < target. */
  kind: 'min' | 'max';
  target: number;
  description: string;
}

export interface BenchResult {
  name: string;
  description: string;
  figures: Figure[];
  comparisons: Comparison[];
  details: Record<string, unknown>;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchResult>;
}

/** Runs `fn` `warmups` times unmeasured, then `runs` times; returns the median duration in ms. */
export async function medianMs(fn: () => unknown, runs: number, warmups = 1): Promise<{ median: number; samples: number[] }> {
  return medianTimed(async () => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  }, runs, warmups);
}

/** Like medianMs, for a `fn` that times its own measured part and returns it in ms (set-up excluded). */
export async function medianTimed(fn: () => number | Promise<number>, runs: number, warmups = 1): Promise<{ median: number; samples: number[] }> {
  for (let i = 0; i < warmups; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await fn());
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, samples: samples.map((s) => Math.round(s * 100) / 100) };
}

export function passes(c: Comparison): boolean {
  return c.kind === 'min' ? c.value >= c.target : c.value < c.target;
}
