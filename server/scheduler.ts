// Debounces editor changes: typing only records which files changed; the workspace update and
// the revalidation run once the user pauses. One timer for all files, so a burst of edits across
// several files (a rename, a multi-file replace) is validated in one pass.
export class ChangeScheduler {
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** Applies a file's current text to the workspace; returns the files whose problems may change. */
    private readonly apply: (file: string) => string[],
    private readonly publish: (files: string[]) => void,
  ) {}

  schedule(file: string, delayMs: number): void {
    this.pending.add(file);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), delayMs);
  }

  cancel(file: string): void {
    this.pending.delete(file);
  }

  flush(): void {
    this.timer = undefined;
    const files = [...this.pending];
    this.pending.clear();
    const affected = new Set<string>();
    for (const file of files) for (const changed of this.apply(file)) affected.add(changed);
    if (affected.size > 0) this.publish([...affected]);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.pending.clear();
  }
}
