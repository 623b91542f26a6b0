// Runs the test suites with Node's own test runner (node:test) and TypeScript through tsx.
// Usage: node scripts/run-tests.mjs [suite...]   suites are folders under test/ (unit, lsp, cli, fuzz, e2e);
// with none, every suite runs. Node 20's runner does not expand globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const testDir = join(root, 'test');
const wanted = process.argv.slice(2);

function collect(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (name === 'fixtures' || name === 'node_modules') continue;
    if (statSync(full).isDirectory()) out.push(...collect(full));
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const files = collect(testDir).filter((file) => {
  if (wanted.length === 0) return true;
  const suite = relative(testDir, file).split(/[\\/]/)[0];
  return wanted.includes(suite);
});
if (files.length === 0) {
  console.error(`no test files for: ${wanted.join(' ') || '(all)'}`);
  process.exit(2);
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...files.map((f) => relative(root, f))],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
