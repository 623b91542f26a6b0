// x-event.allowBreaking: a version's author accepts named breaking changes (with a reason) instead
// of publishing a new major. An entry covers the change at its path and everything below it. An
// entry that covers nothing is reported, so stale suppressions do not silently hide future breaks.
import type { BreakingAllowance } from '../registry/xEvent';
import type { EventSchema } from '../registry/types';
import type { Finding } from '../types';

export class BreakingAllowances {
  private readonly used = new Set<number>();

  constructor(private readonly entries: readonly BreakingAllowance[]) {}

  /** True when an entry covers the change at `pointer` ("#/properties/x"); marks that entry used. */
  covers(pointer: string): boolean {
    let covered = false;
    for (const entry of this.entries) {
      if (pointer === entry.path || pointer.startsWith(`${entry.path}/`)) {
        this.used.add(entry.index);
        covered = true;
      }
    }
    return covered;
  }

  /** compat/unused-suppression for each entry that covered nothing; `why` says what was checked. */
  unused(target: EventSchema, why: string): Finding[] {
    return this.entries
      .filter((entry) => !this.used.has(entry.index))
      .map((entry) => ({
        code: 'compat/unused-suppression',
        message: `x-event.allowBreaking[${entry.index}] allows breaking changes at ${entry.path}, but ${target.type} ${target.version} has none there (${why}): remove the entry so it cannot hide a future break.`,
        path: ['x-event', 'allowBreaking', entry.index, 'path'],
        data: { path: entry.path },
      }));
  }
}
