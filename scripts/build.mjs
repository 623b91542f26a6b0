// Bundles the extension, the language server and the CLI with esbuild (DESIGN §2).
// `vscode` stays external: the editor provides it at run time.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['vscode'],
  // jsonc-parser's `main` is a UMD build whose dynamic require()s esbuild cannot follow: prefer ESM.
  mainFields: ['module', 'main'],
};

const entries = [
  { entryPoints: ['client/extension.ts'], outfile: 'dist/extension.js' },
  { entryPoints: ['server/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['cli/main.ts'], outfile: 'dist/cli.js' },
];

if (watch) {
  for (const entry of entries) (await esbuild.context({ ...common, ...entry })).watch();
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
