// A real VS Code for a test: code-server with the built extension installed, opened on one
// workspace folder in Debian's Chromium driven by playwright-core. `close()` kills both, and is
// safe to call twice or after a failed start.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  buildExtension,
  chromiumArgs,
  chromiumPath,
  installCodeServer,
  pickPort,
  repoRoot,
  stageExtension,
  startCodeServer,
  writeUserSettings,
  type CodeServer,
} from '../../scripts/code-server.mjs';

export interface VscodeSession {
  page: Page;
  /** The copy of the workspace that VS Code has open. */
  workspace: string;
  /** code-server's log and the workbench's logs folder, for failure reports. */
  serverLog(): string;
  logsDir: string;
  close(): Promise<void>;
}

/** Where a test's screenshots and logs go (gitignored). */
export const resultsDir = join(repoRoot, 'test-results');

/**
 * Installs code-server if needed, builds and stages the extension, copies `workspace` to a temp
 * folder (so nothing the editor writes lands in the repository) and opens it in Chromium.
 * Resolves once the workbench has rendered; the extension activates on its own after that.
 */
export async function openVscode(workspace: string, options: { viewport?: { width: number; height: number } } = {}): Promise<VscodeSession> {
  const launcher = installCodeServer({ stderr: 'pipe' });
  buildExtension();

  const scratch = mkdtempSync(join(tmpdir(), 'eventline-e2e-'));
  const extensionsDir = join(scratch, 'extensions');
  const userDataDir = join(scratch, 'user-data');
  const folder = join(scratch, basename(workspace)); // the Explorer shows the example's own name
  mkdirSync(extensionsDir);
  stageExtension(extensionsDir);
  writeUserSettings(userDataDir);
  cpSync(workspace, folder, { recursive: true });

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    browser = undefined;
    await server?.stop();
    server = undefined;
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    server = await startCodeServer({ launcher, port: await pickPort(), extensionsDir, userDataDir, folder });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 60_000 });
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.goto(server.url);
    await page.locator('.monaco-workbench').waitFor();
    const started = server;
    return {
      page,
      workspace: folder,
      serverLog: () => started.log(),
      logsDir: join(userDataDir, 'logs'),
      close,
    };
  } catch (error) {
    const log = server?.log() ?? '';
    await close();
    throw new Error(`could not open VS Code on ${workspace}: ${(error as Error).message}\n${log.slice(-3000)}`);
  }
}
