// Confluent's compatibility modes: which earlier versions a new version is checked against, and
// in which direction(s). BACKWARD: new readers read data written with the previous version.
// FORWARD: readers on the previous version read data written with the new one. FULL: both.
// *_TRANSITIVE: against every earlier version, not only the previous one. NONE: no check.
import type { CompatibilityMode } from '../config/config';

export type { CompatibilityMode } from '../config/config';

export const COMPATIBILITY_MODES: readonly CompatibilityMode[] = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'];

export interface ModeRule {
  backward: boolean;
  forward: boolean;
  /** Checked against every earlier version instead of the previous one. */
  transitive: boolean;
}

export function modeRule(mode: CompatibilityMode): ModeRule {
  const transitive = mode.endsWith('_TRANSITIVE');
  const base = mode.replace('_TRANSITIVE', '');
  return { backward: base === 'BACKWARD' || base === 'FULL', forward: base === 'FORWARD' || base === 'FULL', transitive };
}

export function isCompatibilityMode(value: string): value is CompatibilityMode {
  return (COMPATIBILITY_MODES as readonly string[]).includes(value);
}

/** The earlier versions (ascending) that `candidate` must be compatible with under `mode`. */
export function versionsToCheck<T>(earlier: readonly T[], mode: CompatibilityMode): T[] {
  if (mode === 'NONE' || earlier.length === 0) return [];
  return modeRule(mode).transitive ? [...earlier] : [earlier[earlier.length - 1]];
}

/** Which directions a change breaks, in the words of the mode ("BACKWARD", "FORWARD"). */
export function brokenDirections(change: { backward: boolean; forward: boolean }, mode: CompatibilityMode): string[] {
  const rule = modeRule(mode);
  const out: string[] = [];
  if (rule.backward && !change.backward) out.push('BACKWARD');
  if (rule.forward && !change.forward) out.push('FORWARD');
  return out;
}
