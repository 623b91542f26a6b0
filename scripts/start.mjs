// `npm start`: builds the extension, then opens examples/shop in a real VS Code with Eventline
// loaded. With a local VS Code (`code` on PATH) it runs `code --extensionDevelopmentPath`;
// otherwise it installs code-server (scripts/install-code-server.sh), installs the built
// extension into it and serves the workbench on 127.0.0.1, printing the URL to open.
// Environment: PORT (default 8737; a free port is used when it is taken),
// EVENTLINE_CODE_SERVER=1 to use code-server even where `code` exists.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildExtension,
  defaultInstallDir,
  findOnPath,
  installCodeServer,
  pickPort,
  repoRoot,
  stageExtension,
  startCodeServer,
  writeUserSettings,
} from './code-server.mjs';

const workspace = join(repoRoot, 'examples', 'shop');
const defaultPort = 8737;

function step(message) {
  console.log(`[eventline] ${message}`);
}

async function main() {
  step('building dist/ (node scripts/build.mjs)');
  buildExtension();

  const code = process.env.EVENTLINE_CODE_SERVER ? undefined : findOnPath('code');
  if (code) return runLocalVscode(code);
  return runCodeServer();
}

/** A desktop VS Code loads the extension straight from the repository. */
function runLocalVscode(code) {
  step(`opening ${workspace} in VS Code (${code}) with the extension loaded from ${repoRoot}`);
  const child = spawn(code, [`--extensionDevelopmentPath=${repoRoot}`, workspace], { stdio: 'inherit' });
  child.once('exit', (status, signal) => process.exit(status ?? (signal ? 1 : 0)));
  child.once('error', (error) => {
    console.error(`[eventline] could not run ${code}: ${error.message}`);
    process.exit(1);
  });
}

async function runCodeServer() {
  step(`no \`code\` on PATH: using code-server (installing into ${defaultInstallDir} if needed)`);
  let launcher;
  try {
    launcher = installCodeServer();
  } catch (error) {
    console.error(`[eventline] ${error.message}`);
    console.error('[eventline] Install VS Code (so `code` is on PATH), or run `sudo bash scripts/install-code-server.sh` once and retry.');
    process.exit(1);
  }

  // Kept between runs (outside the repository), so the editor remembers its layout.
  const home = join(defaultInstallDir, 'start');
  const extensionsDir = join(home, 'extensions');
  const userDataDir = join(home, 'user-data');
  mkdirSync(extensionsDir, { recursive: true });
  step(`installing the built extension into ${stageExtension(extensionsDir)}`);
  if (!existsSync(join(userDataDir, 'User', 'settings.json'))) writeUserSettings(userDataDir);

  const wanted = Number(process.env.PORT) || defaultPort;
  const port = await pickPort(wanted);
  if (port !== wanted) step(`port ${wanted} is taken: using ${port}`);
  step(`starting code-server on 127.0.0.1:${port}`);
  const server = await startCodeServer({ launcher, port, extensionsDir, userDataDir, folder: workspace, output: 'inherit' });

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    step(`${signal}: stopping code-server`);
    await server.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(signal));
  server.exited.then(() => {
    if (stopping) return;
    console.error('[eventline] code-server exited');
    process.exit(1);
  });

  console.log('');
  step(`Eventline is running in VS Code: open ${server.url}`);
  step('Ctrl-C stops it.');
}

main().catch((error) => {
  console.error(`[eventline] ${error.message}`);
  process.exit(1);
});
