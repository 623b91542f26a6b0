// Errors that mean "the command line was wrong" (exit 2), as opposed to problems in the workspace.
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes: 0 clean (warnings allowed), 1 the workspace has errors, 2 usage or internal failure. */
export const EXIT = { ok: 0, problems: 1, failure: 2 } as const;
