// Reads VS Code's Problems panel the way a user sees it. The panel is a virtualized tree (only
// the rows in view exist in the DOM), so reading it means scrolling it from top to bottom and
// collecting rows by their index. A file row is followed by the rows of its problems.
import { relative } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** One problem as the panel shows it. */
export interface PanelProblem {
  /** Workspace-relative path, with forward slashes. */
  file: string;
  severity: 'error' | 'warning' | 'information';
  message: string;
  source: string;
  code: string;
  /** 1-based, parsed from the `[Ln L, Col C]` the panel prints. */
  line: number;
  column: number;
  /** The row's text as displayed, e.g. `msg eventline(config/invalid) [Ln 1, Col 5]`. */
  text: string;
}

interface RawRow {
  index: number;
  /** What the row shows (aria-level is not reliable once rows are recycled). */
  kind: 'file' | 'problem' | 'other';
  /** The file's absolute path (file rows only). */
  path: string | null;
  label: string;
  severity: string | null;
  message: string;
  source: string;
  code: string;
  position: string;
}

const panelList = '.markers-panel .monaco-list';

/** Opens the Problems panel with its keyboard shortcut (View > Problems) and waits for its tree. */
export async function showProblemsPanel(page: Page): Promise<Locator> {
  const list = page.locator(panelList).first();
  for (let attempt = 0; attempt < 3 && !(await list.isVisible()); attempt++) {
    await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 }, force: true }).catch(() => undefined);
    await page.keyboard.press('Control+Shift+M');
    await list.waitFor({ timeout: 10_000 }).catch(() => undefined);
  }
  await list.waitFor();
  return list;
}

/** Maximizes the panel (its title bar's "Maximize Panel Size" button), so it shows more rows. */
export async function maximizePanel(page: Page): Promise<void> {
  await clickPanelAction(page, 'Maximize Panel Size', 'Restore Panel Size');
}

/** Gives the editor area its room back (the "Restore Panel Size" button). */
export async function restorePanel(page: Page): Promise<void> {
  await clickPanelAction(page, 'Restore Panel Size', 'Maximize Panel Size');
}

async function clickPanelAction(page: Page, action: string, after: string): Promise<void> {
  const button = page.locator(`.part.panel a.action-label[aria-label^="${action}"]`);
  if (await button.isVisible()) await button.click();
  await page.locator(`.part.panel a.action-label[aria-label^="${after}"]`).waitFor();
}

/**
 * Every problem in the panel, in display order. Reads the rendered rows, then scrolls with the
 * mouse wheel until the tree stops moving. Wheel scrolling, unlike keyboard navigation or
 * clicks, opens no editor. With a tall viewport and a maximized panel one read covers the tree.
 */
export async function readProblemsPanel(page: Page, workspace: string): Promise<PanelProblem[]> {
  const list = await showProblemsPanel(page);
  const rows = new Map<number, RawRow>();
  const box = await list.boundingBox();
  if (!box) throw new Error('the Problems panel has no size');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // A wheel tick scrolls the tree by a few rows, so consecutive reads overlap.
  const toTop = async () => {
    for (let step = 0; step < 5_000 && (await list.evaluate(scrollTop)) > 0; step++) await page.mouse.wheel(0, -box.height);
  };
  await toTop();
  let last = -1;
  for (let step = 0; step < 5_000; step++) {
    for (const row of await list.evaluate(collectRows)) rows.set(row.index, row);
    const top = await list.evaluate(scrollTop);
    if (top === last) break; // the bottom: the wheel no longer moves it
    last = top;
    await page.mouse.wheel(0, box.height);
  }
  await toTop();
  const problems = toProblems([...rows.values()].sort((a, b) => a.index - b.index), workspace);
  // The tree announces its total ("Showing 72 problems"): a cross-check that no row was skipped.
  const announced = /(\d+)/.exec((await list.getAttribute('aria-label')) ?? '');
  if (announced && Number(announced[1]) !== problems.length) {
    throw new Error(`read ${problems.length} rows from the Problems panel, but it announces ${announced[1]}`);
  }
  return problems;
}

/**
 * Runs in the page: the rows currently rendered in the tree. Built from source text because the
 * TypeScript loader adds helper calls (`__name`) to compiled functions, which the page lacks.
 */
const collectRows = new Function('list', `
  const text = (row, selector) =>
    [...row.querySelectorAll(selector)].map((e) => e.textContent || '').join('\\n').trim();
  return [...list.querySelectorAll('.monaco-list-row')].map((row) => ({
    index: Number(row.getAttribute('data-index')),
    kind: row.querySelector('.resource-label-container') ? 'file' : row.querySelector('.marker-icon') ? 'problem' : 'other',
    path: row.querySelector('.resource-label-container .monaco-icon-label')?.getAttribute('aria-label') || null,
    label: row.getAttribute('aria-label') || '',
    severity: ['error', 'warning', 'info'].find((s) => row.querySelector('.marker-icon.' + s)) ?? null,
    message: text(row, '.marker-message'),
    source: text(row, '.marker-source'),
    code: text(row, '.marker-code'),
    position: text(row, '.marker-line'),
  }));
`) as (list: unknown) => RawRow[];

/** Runs in the page: how far the tree is scrolled, in pixels (its rows are moved up by that). */
const scrollTop = new Function('list', `
  const rows = list.querySelector('.monaco-list-rows');
  return rows ? -parseFloat(rows.style.top || '0') : 0;
`) as (list: unknown) => number;

/** A file row's workspace-relative path: from its icon's full path, else its aria label. */
function filePath(row: RawRow, workspace: string): string {
  if (row.path) return relative(workspace, row.path).split('\\').join('/');
  // "12 problems in file eventline.json of folder ." / "... of folder schemas/orders"
  const named = /in file (.+) of folder (.+)$/.exec(row.label);
  if (!named) return row.label;
  return named[2] === '.' ? named[1] : `${named[2]}/${named[1]}`;
}

function toProblems(rows: RawRow[], workspace: string): PanelProblem[] {
  const problems: PanelProblem[] = [];
  let file = '';
  for (const row of rows) {
    if (row.kind === 'file') {
      file = filePath(row, workspace);
      continue;
    }
    if (row.kind !== 'problem') continue; // related information
    const at = /\[Ln (\d+), Col (\d+)\]/.exec(row.position);
    problems.push({
      file,
      severity: row.severity === 'info' ? 'information' : row.severity === 'warning' ? 'warning' : 'error',
      message: row.message,
      source: row.source,
      code: row.code,
      line: at ? Number(at[1]) : 0,
      column: at ? Number(at[2]) : 0,
      text: `${row.message} ${row.source}(${row.code}) ${row.position}`,
    });
  }
  return problems;
}
