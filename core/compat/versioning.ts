// Versioning rules (DESIGN §1): versions of one event type are MAJOR.MINOR. A minor bump must
// satisfy the type's compatibility mode against earlier versions of the SAME major: the previous
// one, or (for *_TRANSITIVE modes) every earlier one of that major. Majors are where breaking
// changes go, so a transitive check never reaches across a major boundary; instead, the first
// version of a new major gets an information note that consumers need an upcaster from the
// previous major (until code generation produces them, the note always appears).
import type { CompatibilityMode } from '../config/config';
import type { EventSchema } from '../registry/types';
import type { Finding, JsonPath } from '../types';
import { brokenDirections, modeRule, versionsToCheck } from './modes';
import { policyNote } from './messages';
import { BreakingAllowances } from './suppressions';
import type { CompatPolicy, SchemaChange } from './types';

export interface VersioningOptions {
  /** eventline.json "compatibility"; x-event.compatibility overrides it per type. */
  mode: CompatibilityMode;
  policy: CompatPolicy;
  /** Diffs two versions' schemas (the caller resolves cross-file `$ref`s). */
  diff(older: EventSchema, newer: EventSchema): SchemaChange[];
}

/** The mode a version is checked under: its own x-event.compatibility, else eventline.json's. */
export function effectiveMode(target: EventSchema, configMode: CompatibilityMode): { mode: CompatibilityMode; source: string } {
  if (target.compatibility) return { mode: target.compatibility, source: `x-event.compatibility of ${target.type} ${target.version}` };
  return { mode: configMode, source: 'eventline.json "compatibility"' };
}

/**
 * Findings for `target` (placed in its own file) given every version of its type, ascending.
 * Breaking changes its x-event.allowBreaking covers are left out; entries covering none are reported.
 */
export function versioningFindings(target: EventSchema, versions: readonly EventSchema[], options: VersioningOptions): Finding[] {
  const allowances = new BreakingAllowances(target.allowBreaking ?? []);
  const { findings, why } = compatibilityCheck(target, versions, options, allowances);
  return [...findings, ...allowances.unused(target, why)];
}

function compatibilityCheck(target: EventSchema, versions: readonly EventSchema[], options: VersioningOptions, allowances: BreakingAllowances): { findings: Finding[]; why: string } {
  const earlier = versions.filter((v) => v.major < target.major || (v.major === target.major && v.minor < target.minor));
  if (earlier.length === 0) return { findings: [], why: 'it is the first version, so nothing can break' };
  const sameMajor = earlier.filter((v) => v.major === target.major);
  const { mode, source } = effectiveMode(target, options.mode);
  if (sameMajor.length === 0) return { findings: [upcasterNote(target, earlier[earlier.length - 1], options, mode)], why: 'it starts a new major, which may break compatibility without an allowance' };

  const findings: Finding[] = [];
  const seen = new Set<string>();
  const checked = versionsToCheck(sameMajor, mode);
  for (const older of checked) {
    for (const change of options.diff(older, target)) {
      const directions = brokenDirections(change, mode);
      if (directions.length === 0) continue;
      if (allowances.covers(change.path)) continue;
      const key = `${change.kind}\u0000${change.path}`;
      if (seen.has(key)) continue; // transitive: the same break against several versions is one problem
      seen.add(key);
      findings.push({
        code: 'compat/breaking-change',
        message: breakingMessage(change, directions, older, target, mode, source, options.policy),
        path: pointerToPath(change.path),
        target: keyTarget(change.path),
        data: { kind: change.kind, against: older.version, mode, policy: options.policy },
      });
    }
  }
  const against = checked.length === 0 ? 'mode NONE checks nothing' : `mode ${mode} against ${checked.map((v) => v.version).join(', ')}`;
  return { findings, why: against };
}

function breakingMessage(change: SchemaChange, directions: string[], older: EventSchema, target: EventSchema, mode: CompatibilityMode, source: string, policy: CompatPolicy): string {
  const readers: string[] = [];
  if (directions.includes('BACKWARD')) readers.push(`consumers on ${target.version} cannot read events already written as ${older.version}`);
  if (directions.includes('FORWARD')) readers.push(`consumers still on ${older.version} cannot read events written as ${target.version}`);
  const next = `${target.major + 1}.0`;
  const fix = change.kind.startsWith('REQUIRED_') ? `Make it optional with a default, or publish it as ${next}.` : `Undo or soften the change, or publish it as ${next}.`;
  const parts = [`${change.detail} breaks ${directions.join(' and ')} compatibility with ${older.type} ${older.version}: ${readers.join('; ')}. ${fix}`];
  parts.push(`(${change.kind}; mode ${mode} from ${source}.)`);
  if (change.policyDependent) parts.push(policyNote(policy));
  return parts.join(' ');
}

function upcasterNote(target: EventSchema, previous: EventSchema, options: VersioningOptions, mode: CompatibilityMode): Finding {
  // Which changes make the major necessary: judged both ways when the mode checks nothing.
  const rule = mode === 'NONE' ? { backward: true, forward: true } : modeRule(mode);
  const breaking = options.diff(previous, target).filter((c) => (rule.backward && !c.backward) || (rule.forward && !c.forward));
  const listed = breaking.slice(0, 5).map((c) => `${c.detail} (${c.path})`);
  const more = breaking.length > listed.length ? `, and ${breaking.length - listed.length} more` : '';
  const why = breaking.length > 0 ? `Breaking changes since ${previous.version}: ${listed.join('; ')}${more}.` : `No breaking change was found since ${previous.version}: if none is intended, ${target.type} could be published as ${previous.major}.${previous.minor + 1} instead.`;
  return {
    code: 'compat/upcaster-needed',
    message: `${target.type} ${target.version} starts a new major version, so consumers reading events written as ${previous.version} need an upcaster from ${previous.major}.x to ${target.major}.0 (Eventline's code generation will create one; none exists yet). ${why}`,
    path: ['x-event', 'version'],
    data: { from: previous.version, to: target.version, breaking: breaking.length },
  };
}

export function pointerToPath(pointer: string): JsonPath {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '') return [];
  return body.split('/').slice(1).map((s) => {
    const segment = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment;
  });
}

/** A property is shown at its name; a keyword's value (maxLength: 3) at the keyword too. */
function keyTarget(pointer: string): 'key' | 'value' {
  const last = pointerToPath(pointer).at(-1);
  return typeof last === 'number' ? 'value' : 'key';
}
