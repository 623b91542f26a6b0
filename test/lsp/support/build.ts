// Makes sure dist/server.js is built from the current sources: the LSP and fuzz suites test the
// real bundle. When it is missing or older than any source, only the server entry is rebuilt
// (other entries may belong to work in progress) and written atomically, so suites running in
// parallel never see half a file.
import { build } from 'esbuild';
import { existsSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
export const serverBundle = join(repoRoot, 'dist', 'server.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export async function ensureServerBuilt(): Promise<string> {
  const sources = ['server', 'core', 'schemas'].map((d) => join(repoRoot, d)).filter(existsSync);
  const newestSource = Math.max(...sources.map(newestMtime));
  if (existsSync(serverBundle) && statSync(serverBundle).mtimeMs >= newestSource) return serverBundle;
  const result = await build({
    entryPoints: [join(repoRoot, 'server', 'main.ts')],
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    write: false,
    // As scripts/build.mjs: jsonc-parser's UMD main cannot be bundled, its ESM entry can.
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    outfile: serverBundle,
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  if (!js) throw new Error('esbuild produced no server bundle');
  const temp = `${serverBundle}.${process.pid}.tmp`;
  writeFileSync(temp, js.contents);
  renameSync(temp, serverBundle);
  return serverBundle;
}
