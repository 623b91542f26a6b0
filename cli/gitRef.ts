// Reads files as they were at a git ref (for `check --against`). Lives in cli/ because it runs
// git as a child process; core/ only receives the texts.
import { execFileSync } from 'node:child_process';
import { UsageError } from './usage';

/** Returns a reader of workspace-relative paths ("schemas/A/1.0.schema.json"); undefined when absent at the ref. */
export function gitReaderAt(cwd: string, ref: string): (relativePath: string) => string | undefined {
  verifyRef(cwd, ref);
  return (relativePath) => {
    try {
      // "REF:./path" is relative to cwd, so a workspace inside a larger repository works too.
      return git(cwd, ['show', `${ref}:./${relativePath}`]);
    } catch {
      return undefined; // not in that commit: a version added since
    }
  };
}

function verifyRef(cwd: string, ref: string): void {
  if (ref.startsWith('-')) throw new UsageError(`--against "${ref}" is not a git ref`);
  try {
    git(cwd, ['rev-parse', '--is-inside-work-tree']);
  } catch (error) {
    if (isMissingGit(error)) throw new UsageError('--against needs git, and no git executable was found on PATH');
    throw new UsageError(`--against ${ref}: ${cwd} is not inside a git repository: run check --against from a git checkout, or drop --against`);
  }
  try {
    git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`--against ${ref}: no such commit, branch or tag in this repository (try 'git fetch', or a ref listed by 'git branch -a' / 'git tag')`);
  }
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

function isMissingGit(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
