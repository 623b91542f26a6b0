// Shared plumbing for running the built extension in a real VS Code (code-server): used by
// `npm start` (scripts/start.mjs) and the end-to-end tests (test/e2e). Plain ESM JavaScript so
// `npm start` needs no TypeScript loader.
//
// code-server has no --extensionDevelopmentPath, so the extension is "installed" by staging an
// unpacked folder named publisher.name-version in --extensions-dir (DESIGN §4).
/* global fetch, AbortSignal -- Node 20 globals the shared ESLint config does not list */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in scripts/). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where scripts/install-code-server.sh puts code-server unless told otherwise. */
export const defaultInstallDir = join(process.env.HOME ?? '/tmp', '.cache', 'eventline-e2e');

/** Debian's Chromium, installed by scripts/install-code-server.sh; playwright-core drives it. */
export const chromiumPath = process.env.EVENTLINE_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep a headless Chromium quiet and offline in CI containers. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Workbench settings that keep the window clean for screenshots and free of prompts. */
export const cleanWorkbenchSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

/** The first executable named `name` on PATH, or undefined. */
export function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

/**
 * Runs scripts/install-code-server.sh (idempotent; fast once installed) and returns the path of
 * the code-server launcher it prints on its last line. Its progress goes to `stderr` ('inherit'
 * to show it, 'pipe' to keep it for the error message).
 */
export function installCodeServer({ dest = defaultInstallDir, stderr = 'inherit' } = {}) {
  const result = spawnSync('bash', [join(repoRoot, 'scripts', 'install-code-server.sh'), dest], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', stderr],
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = (result.stdout ?? '').trim().split('\n');
  const launcher = lines[lines.length - 1];
  if (result.status !== 0 || !launcher || !existsSync(launcher)) {
    const detail = stderr === 'pipe' ? `\n${(result.stderr ?? '').slice(-4000)}` : '';
    throw new Error(
      `scripts/install-code-server.sh failed (exit ${result.status ?? result.signal}). ` +
        'The first run installs Debian packages with apt-get and needs root (or run it once with sudo); ' +
        `later runs reuse ${dest}.${detail}`,
    );
  }
  return launcher;
}

/** Runs the esbuild bundle step (scripts/build.mjs); throws when it fails. */
export function buildExtension() {
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`node scripts/build.mjs failed (exit ${result.status ?? result.signal})`);
}

/** publisher.name-version, the folder name VS Code expects for an installed extension. */
export function extensionFolderName(manifest = readManifest()) {
  return `${manifest.publisher}.${manifest.name}-${manifest.version}`;
}

function readManifest() {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
}

/** What goes into the unpacked extension: the manifest, the bundles and the files it points at. */
const stagedEntries = ['package.json', 'dist', 'schemas', 'templates', 'README.md', 'LICENSE', 'CHANGELOG.md'];

/**
 * Copies the built extension into `extensionsDir` as an unpacked, installed extension and
 * returns its folder. dist/ is self-contained (esbuild bundles the dependencies), so no
 * node_modules is copied. A stale copy of the same version is replaced.
 */
export function stageExtension(extensionsDir) {
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `node scripts/build.mjs` first');
  }
  const target = join(extensionsDir, extensionFolderName());
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const entry of stagedEntries) {
    const source = join(repoRoot, entry);
    if (existsSync(source)) cpSync(source, join(target, entry), { recursive: true });
  }
  // VS Code keeps a list of installed extensions; drop it so a staged folder is (re)scanned.
  rmSync(join(extensionsDir, 'extensions.json'), { force: true });
  rmSync(join(extensionsDir, '.obsolete'), { force: true });
  return target;
}

/** Writes <userDataDir>/User/settings.json: the clean-workbench defaults plus `extra`. */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), `${JSON.stringify({ ...cleanWorkbenchSettings, ...extra }, null, 2)}\n`);
}

/** Resolves to `port` when it is free on 127.0.0.1 (0: any free port), rejects otherwise. */
function listenOnce(port) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : port));
    });
  });
}

/** `preferred` when it is free, otherwise a free port the system picks. */
export async function pickPort(preferred = 0) {
  if (preferred) {
    try {
      return await listenOnce(preferred);
    } catch {
      // taken: fall back to any free port
    }
  }
  return listenOnce(0);
}

/** Polls `url` until it answers HTTP (any status) or `timeoutMs` passes. */
export async function waitForHttp(url, { timeoutMs = 60_000, isAlive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`code-server exited before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: 'manual' });
      await response.body?.cancel();
      return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms: ${lastError?.message ?? 'no response'}`);
}

/**
 * Starts code-server on 127.0.0.1:`port` with the given extensions and user-data directories and
 * waits until it answers HTTP. Returns the child process, the URL that opens `folder`, a
 * `stop()` that kills it (and its extension host) and the log collected so far.
 * `output`: 'inherit' to show code-server's log, 'pipe' to collect it in `log()`.
 */
export async function startCodeServer({ launcher, port, extensionsDir, userDataDir, folder, env = {}, output = 'pipe', timeoutMs = 60_000 }) {
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--extensions-dir', extensionsDir,
    '--user-data-dir', userDataDir,
    // Its own config file, so the user's ~/.config/code-server is neither read nor written.
    '--config', join(userDataDir, 'code-server.yaml'),
  ];
  // Its own process group, so stop() also ends the extension host and the language server.
  const child = spawn(launcher, args, {
    cwd: folder,
    env: { ...process.env, ...env },
    stdio: ['ignore', output, output],
    detached: true,
  });
  let log = '';
  if (output === 'pipe') {
    const keep = (chunk) => {
      log = (log + chunk.toString()).slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
  }
  let exited = false;
  const exitedPromise = new Promise((resolve) => child.once('exit', () => resolve(undefined)));
  // Safety net: if this process ends without stop() (a crash, process.exit), take the group along.
  const killOnExit = () => killGroup(child.pid, 'SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => {
    exited = true;
    process.off('exit', killOnExit);
  });

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    killGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5_000);
    await exitedPromise;
    clearTimeout(timer);
    killGroup(child.pid, 'SIGKILL'); // leftovers in the group (extension host, server)
  };

  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/healthz`, { timeoutMs, isAlive: () => !exited });
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n--- code-server log ---\n${log.slice(-4000)}`);
  }
  return {
    process: child,
    port,
    baseUrl: base,
    url: `${base}/?folder=${encodeURI(folder)}`,
    log: () => log,
    exited: exitedPromise,
    stop,
  };
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
