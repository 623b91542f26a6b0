// End-to-end: the built extension in a real VS Code (code-server in Chromium) opens the broken
// example workspace and the Problems panel lists every expected diagnostic — file, code,
// severity and `[Ln L, Col C]` — without the user opening a single file.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { maximizePanel, readProblemsPanel, restorePanel, showProblemsPanel, type PanelProblem } from './problemsPanel';
import { repoRoot } from '../../scripts/code-server.mjs';
import { openVscode, resultsDir, type VscodeSession } from './vscodeSession';

/** One entry of examples/shop-broken/expected-diagnostics.json. */
interface ExpectedDiagnostic {
  file: string;
  line: number;
  column: number;
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
}

// EVENTLINE_E2E_WORKSPACE points the test at another broken workspace with the same manifest.
const workspace = process.env.EVENTLINE_E2E_WORKSPACE ?? join(repoRoot, 'examples', 'shop-broken');
const manifest = join(workspace, 'expected-diagnostics.json');
// The manifest is `{ notes, diagnostics: [...] }` (or just the array). VS Code never lists hints
// in the Problems panel (they only dim text in the editor), so those are left out.
const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as ExpectedDiagnostic[] | { diagnostics: ExpectedDiagnostic[] };
const expected = (Array.isArray(parsed) ? parsed : parsed.diagnostics).filter((d) => d.severity !== 'hint');

const describe = (d: ExpectedDiagnostic) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`;
const matches = (shown: PanelProblem, want: ExpectedDiagnostic) =>
  shown.file === want.file && shown.line === want.line && shown.column === want.column && shown.code === want.code;

let session: VscodeSession | undefined;

// The first run installs code-server (a few minutes); later runs start in seconds.
before(async () => {
  mkdirSync(resultsDir, { recursive: true });
  for (const stale of ['e2e-problems-failure.png', 'e2e-logs']) rmSync(join(resultsDir, stale), { recursive: true, force: true });
  session = await openVscode(workspace);
}, { timeout: 15 * 60_000 });

/** On failure: what the window showed, and the workbench's logs (extension host, server). */
async function saveFailureEvidence(current: VscodeSession) {
  await current.page.screenshot({ path: join(resultsDir, 'e2e-problems-failure.png') }).catch(() => undefined);
  if (existsSync(current.logsDir)) cpSync(current.logsDir, join(resultsDir, 'e2e-logs'), { recursive: true });
}

let passed = false;
after(async () => {
  if (session && !passed) await saveFailureEvidence(session);
  await session?.close();
}, { timeout: 60_000 });

/**
 * Reads the panel until every expected problem is there (the server publishes them at start-up),
 * or until what it shows has stopped changing for `settleMs` (then the test reports the gaps),
 * or `timeoutMs` passes.
 */
async function waitForExpectedProblems(page: Page, folder: string, timeoutMs: number, settleMs = 30_000): Promise<PanelProblem[]> {
  const deadline = Date.now() + timeoutMs;
  let shown: PanelProblem[] = [];
  let signature = '';
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    try {
      shown = await readProblemsPanel(page, folder);
      if (expected.every((want) => shown.some((s) => matches(s, want)))) return shown;
      const now = JSON.stringify(shown);
      if (now !== signature) [signature, stableSince] = [now, Date.now()];
      else if (shown.length > 0 && Date.now() - stableSince > settleMs) return shown;
    } catch {
      // the tree changed while it was read (more diagnostics arrived): read it again
    }
    await page.waitForTimeout(2_000);
  }
  return shown;
}

test('the Problems panel lists every expected diagnostic of the broken workspace', { timeout: 6 * 60_000 }, async () => {
  assert.ok(session, 'VS Code did not start');
  const { page, workspace: folder } = session;
  assert.ok(expected.length > 0, `${manifest} lists no diagnostics`);

  await showProblemsPanel(page);
  // A maximized panel in a window tall enough for every expected row: one read sees them all.
  await maximizePanel(page);
  const files = new Set(expected.map((d) => d.file)).size;
  await page.setViewportSize({ width: 1400, height: Math.min(6_000, Math.max(900, (files + expected.length + 10) * 22 + 200)) });

  const shown = await waitForExpectedProblems(page, folder, 3 * 60_000);
  await page.screenshot({ path: join(resultsDir, 'e2e-problems-panel.png') });

  const missing = expected.filter((want) => !shown.some((s) => matches(s, want)));
  assert.deepEqual(
    missing.map(describe),
    [],
    `missing from the Problems panel:\n${missing.map((d) => `  ${describe(d)}`).join('\n')}\n` +
      `it shows ${shown.length}:\n${shown.map((s) => `  ${s.file} ${s.text}`).join('\n')}` +
      `\n--- code-server log ---\n${session.serverLog().slice(-2000)}`,
  );

  for (const want of expected) {
    const row = shown.find((s) => matches(s, want));
    assert.ok(row);
    assert.equal(row.severity, want.severity, `severity of ${describe(want)}`);
    assert.equal(row.source, 'eventline', `source of ${describe(want)}`);
    assert.ok(row.message.length > 10, `message of ${describe(want)} says what is wrong: "${row.message}"`);
  }

  // The window as a user sees it: the editor area, with the Problems panel below it.
  await restorePanel(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(resultsDir, 'e2e-problems.png') });
  passed = true;
});
