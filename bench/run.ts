// `npm run bench`: runs every benchmark, prints each figure beside its baseline from the same
// run with the ratio and PASS/MISS against the target, and writes bench/results/<name>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { passes, type Benchmark } from './harness';
import { compatBenchmark } from './compat.bench';
import { validationBenchmark } from './validation.bench';

const benchmarks: Benchmark[] = [validationBenchmark, compatBenchmark];
const resultsDir = join(fileURLToPath(new URL('.', import.meta.url)), 'results');

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  mkdirSync(resultsDir, { recursive: true });
  let missed = 0;
  for (const benchmark of benchmarks) {
    if (only.length > 0 && !only.includes(benchmark.name)) continue;
    console.log(`\n== ${benchmark.name}`);
    const result = await benchmark.run();
    console.log(result.description);
    for (const figure of result.figures) console.log(`  ${figure.name.padEnd(58)} ${format(figure.value).padStart(12)} ${figure.unit}`);
    for (const comparison of result.comparisons) {
      const ok = passes(comparison);
      if (!ok) missed++;
      const target = `${comparison.kind === 'min' ? '>=' : '<'} ${format(comparison.target)}`;
      console.log(`  ${comparison.name.padEnd(58)} ${format(comparison.value).padStart(12)}   target ${target.padEnd(10)} ${ok ? 'PASS' : 'MISS'}  (${comparison.description})`);
    }
    const file = join(resultsDir, `${result.name}.json`);
    writeFileSync(file, `${JSON.stringify({ ...result, date: new Date().toISOString(), node: process.version, comparisons: result.comparisons.map((c) => ({ ...c, pass: passes(c) })) }, null, 2)}\n`);
    console.log(`  -> ${file}`);
  }
  console.log(missed === 0 ? '\nbench: every target met' : `\nbench: ${missed} target(s) missed`);
}

function format(value: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toPrecision(3);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
