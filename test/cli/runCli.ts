// Runs the BUILT command line (dist/cli.js) the way users do, rebuilding it first when any source
// it bundles is newer. Several test files may ask at once, so the build takes a lock folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const cliPath = join(repoRoot, 'dist', 'cli.js');
const sources = ['cli', 'core', 'runtime', 'server', 'schemas', 'package.json'];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string } = {}): CliResult {
  ensureBuilt();
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd: options.cwd ?? repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let built = false;

export function ensureBuilt(): void {
  if (built) return;
  if (isStale()) {
    const lock = join(repoRoot, 'dist', '.cli-test-build.lock');
    mkdirSync(join(repoRoot, 'dist'), { recursive: true });
    acquire(lock);
    try {
      if (isStale()) {
        const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, encoding: 'utf8' });
        if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  built = true;
}

function isStale(): boolean {
  let builtAt: number;
  try {
    builtAt = statSync(cliPath).mtimeMs;
  } catch {
    return true;
  }
  return sources.some((source) => newestMtime(join(repoRoot, source)) > builtAt);
}

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function acquire(lock: string): void {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`could not take the build lock ${lock}`);
      // Another test file is building: wait for it without spinning the CPU.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}
