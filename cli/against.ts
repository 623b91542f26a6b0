// `check --against REF`: every event schema version that existed at REF must be unchanged now
// (schema/published-version-modified); versions added since are judged by the usual compatibility
// rules, which the workspace check already applies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedVersionProblem } from '../core/compat/published';
import { applySeverityOverrides } from '../core/problems';
import { schemaLayout } from '../core/registry/layout';
import type { Problem, Workspace } from '../core/index';
import { gitReaderAt } from './gitRef';
import { relativePath } from './report';

/** Adds the problems to `problemsByFile` (sorted by position within each file). */
export function addPublishedVersionProblems(workspace: Workspace, ref: string, problemsByFile: Map<string, Problem[]>): void {
  const readAtRef = gitReaderAt(workspace.root, ref);
  const schemasRoot = join(workspace.root, workspace.config.schemasDir);
  for (const file of workspace.registry.files()) {
    if (schemaLayout(schemasRoot, file).kind !== 'event') continue;
    const display = relativePath(workspace.root, file);
    const released = readAtRef(display);
    if (released === undefined) continue;
    const problem = publishedVersionProblem(file, readFileSync(file, 'utf8'), released, { ref, display });
    if (!problem) continue;
    const kept = applySeverityOverrides([problem], workspace.config.diagnostics);
    if (kept.length === 0) continue;
    const list = [...(problemsByFile.get(file) ?? []), ...kept];
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    problemsByFile.set(file, list);
  }
}
