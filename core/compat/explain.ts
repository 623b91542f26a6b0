// Plain-words explanations for hovers in schema files: what an object's content model (open,
// closed, partially open) means for adding and removing properties under the workspace's policy
// and mode, and where a version stands (its mode, what it is checked against, whether it passes).
// Markdown out; the verdicts follow the same rules as diff/properties.ts and types.ts.
import type { CompatibilityMode } from '../config/config';
import type { EventSchema } from '../registry/types';
import { modeRule, versionsToCheck } from './modes';
import { hasAssertions, isObject } from './shape';
import { isBackwardCompatible, type CompatPolicy } from './types';

export type ContentModelKind = 'open' | 'closed' | 'partial';

export interface ContentModelSummary {
  kind: ContentModelKind;
  /** Why, in words ("`additionalProperties` is false"). */
  reason: string;
}

/** The content model of an object schema, for properties it does not name. */
export function contentModelOf(node: Record<string, unknown>): ContentModelSummary {
  const ap = node.additionalProperties;
  const patterns = isObject(node.patternProperties) ? Object.keys(node.patternProperties) : [];
  const patternText = patterns.map((p) => `\`${p}\``).join(', ');
  if (ap === false || (ap === undefined && node.unevaluatedProperties === false)) {
    const keyword = ap === false ? '`additionalProperties` is false' : '`unevaluatedProperties` is false';
    if (patterns.length > 0) return { kind: 'partial', reason: `${keyword}, but \`patternProperties\` accepts names matching ${patternText}` };
    return { kind: 'closed', reason: keyword };
  }
  if (isObject(ap) && hasAssertions(ap)) return { kind: 'partial', reason: `\`additionalProperties\` is a schema: unnamed properties must match it${patterns.length > 0 ? ` (or the \`patternProperties\` for ${patternText})` : ''}` };
  if (patterns.length > 0) return { kind: 'partial', reason: `\`patternProperties\` gives a schema to names matching ${patternText}; other unnamed properties are accepted with any value` };
  return { kind: 'open', reason: ap === undefined ? '`additionalProperties` is absent' : '`additionalProperties` accepts anything' };
}

const MODEL_WORDS: Record<ContentModelKind, string> = {
  open: 'This object accepts properties the schema does not name, with any value: data written earlier may already carry any name.',
  closed: 'This object rejects every property the schema does not name: data written with it never carries other names.',
  partial: 'This object accepts unnamed properties only when they match the schema its `patternProperties` / `additionalProperties` give them.',
};

interface Verdict {
  backward: boolean;
  forward: boolean;
}

/** Adding and removing a property the model does not already cover, judged as diff/properties.ts does. */
function verdicts(kind: ContentModelKind, policy: CompatPolicy): Record<string, Verdict> {
  const lenient = policy === 'lenient';
  if (kind === 'open') {
    return {
      'Adding an optional property': { backward: isBackwardCompatible('OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', policy), forward: true },
      'Adding a required property (no default)': { backward: false, forward: true },
      'Removing an optional property': { backward: true, forward: lenient },
      'Removing a required property': { backward: true, forward: false },
    };
  }
  if (kind === 'closed') {
    return {
      'Adding an optional property': { backward: true, forward: false },
      'Adding a required property (no default)': { backward: false, forward: false },
      'Removing an optional property': { backward: false, forward: true },
      'Removing a required property': { backward: false, forward: false },
    };
  }
  return {
    'Adding an optional property the model does not cover': { backward: isBackwardCompatible('PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', policy), forward: lenient },
    'Adding an optional property whose schema accepts only what the model already allowed for that name': { backward: true, forward: true },
    'Adding a required property (no default)': { backward: false, forward: lenient },
    'Removing an optional property the model does not cover': { backward: isBackwardCompatible('PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', policy), forward: lenient },
  };
}

function judged(verdict: Verdict, mode: CompatibilityMode): string {
  if (mode === 'NONE') return 'allowed (mode NONE checks nothing)';
  const rule = modeRule(mode);
  const broken: string[] = [];
  if (rule.backward && !verdict.backward) broken.push('BACKWARD: new readers cannot read old data');
  if (rule.forward && !verdict.forward) broken.push('FORWARD: old readers cannot read new data');
  return broken.length === 0 ? `allowed in a minor version under ${mode}` : `**breaking** under ${mode} (${broken.join('; ')}): needs a new major`;
}

export interface ExplainSettings {
  policy: CompatPolicy;
  mode: CompatibilityMode;
  /** Where the mode comes from ("eventline.json \"compatibility\""). */
  modeSource: string;
}

/** Markdown: the object's content model and what adding / removing properties means here. */
export function explainContentModel(node: Record<string, unknown>, settings: ExplainSettings): string {
  const model = contentModelOf(node);
  const name = model.kind === 'partial' ? 'partially open' : model.kind;
  const lines = [`**Content model: ${name}** (${model.reason}). ${MODEL_WORDS[model.kind]}`, '', `Under the **${settings.policy}** policy and mode **${settings.mode}** (from ${settings.modeSource}):`];
  for (const [change, verdict] of Object.entries(verdicts(model.kind, settings.policy))) lines.push(`- ${change}: ${judged(verdict, settings.mode)}`);
  lines.push('', policyLine(settings.policy));
  return lines.join('\n');
}

function policyLine(policy: CompatPolicy): string {
  return policy === 'lenient'
    ? 'The lenient policy treats properties a schema never declared as absent from old data; `"compatibilityPolicy": "strict"` in eventline.json applies Confluent\'s classic rules, where an open model may already hold any value under any name.'
    : 'The strict policy is Confluent\'s classic rule set: an open model may already hold any value under any name. `"compatibilityPolicy": "lenient"` in eventline.json treats undeclared properties as absent from old data.';
}

export interface VersionStatus {
  target: EventSchema;
  /** Every version of the type, ascending. */
  versions: readonly EventSchema[];
  configMode: CompatibilityMode;
  policy: CompatPolicy;
  /** The compat/breaking-change problems of the target's file (already without allowed ones). */
  breaking: readonly { message: string; line: number }[];
}

/** Markdown: the version's effective mode, policy, the versions it is checked against, and the verdict. */
export function explainVersionStatus(status: VersionStatus): string {
  const { target } = status;
  const mode = target.compatibility ?? status.configMode;
  const source = target.compatibility ? '`x-event.compatibility`' : 'eventline.json `compatibility`';
  const lines = [`**${target.type} ${target.version}**: compatibility mode **${mode}** (from ${source}), policy **${status.policy}** (eventline.json \`compatibilityPolicy\`).`, ''];
  const earlier = status.versions.filter((v) => v.major < target.major || (v.major === target.major && v.minor < target.minor));
  const sameMajor = earlier.filter((v) => v.major === target.major);
  if (earlier.length === 0) {
    lines.push(`The first version of ${target.type}: nothing to check against.`);
  } else if (sameMajor.length === 0) {
    const previous = earlier[earlier.length - 1];
    lines.push(`Starts major ${target.major}: a new major may break compatibility, so it is not checked against ${previous.major}.x; consumers of events written as ${previous.version} need an upcaster from ${previous.major}.x to ${target.major}.0.`);
  } else if (mode === 'NONE') {
    lines.push('Mode NONE: not checked against earlier versions.');
  } else {
    const checked = versionsToCheck(sameMajor, mode).map((v) => v.version);
    const rule = modeRule(mode);
    const directions = [rule.backward ? 'BACKWARD' : '', rule.forward ? 'FORWARD' : ''].filter(Boolean).join(' and ');
    lines.push(`Checked (${directions}) against ${checked.join(', ')}${rule.transitive ? ' (every earlier version of this major)' : ' (the previous version)'}.`, '');
    if (status.breaking.length === 0) lines.push(`**Compatible**: no breaking change against ${checked.join(', ')}.`);
    else {
      lines.push(`**Not compatible**: ${status.breaking.length} breaking change${status.breaking.length === 1 ? '' : 's'}:`);
      for (const b of status.breaking.slice(0, 5)) lines.push(`- line ${b.line}: ${briefly(b.message)}`);
      if (status.breaking.length > 5) lines.push(`- and ${status.breaking.length - 5} more`);
    }
  }
  return lines.join('\n');
}

/** A breaking-change message up to its verdict ("… breaks BACKWARD compatibility with OrderPlaced 1.0"). */
function briefly(message: string): string {
  const match = /^(.*? breaks (?:BACKWARD|FORWARD)(?: and FORWARD)? compatibility with [^:]+)/.exec(message);
  return match ? match[1] : message;
}
