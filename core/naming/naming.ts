// Naming rules for event types: PascalCase, past tense, and the coarse-grained hint. Each returns
// findings at x-event.type's value; data.suggestion carries the suggested name for a quick fix.
import type { Finding } from '../types';
import { checkPastTense, type TenseVerdict } from './pastTense';
import { coarseGrainedMessage, type ObjectShape } from './granularity';
import { isPascalCase, toPascalCase } from './words';

export interface NamingOptions {
  /** eventline.json naming.pastTense: false turns the past-tense rule off. */
  pastTense: boolean;
}

const TYPE_PATH = ['x-event', 'type'];

/** The name a type should have, or undefined when it is fine: PascalCase first, then past tense. */
export function suggestEventTypeName(type: string, options: NamingOptions): string | undefined {
  const pascal = isPascalCase(type) ? type : toPascalCase(type);
  const tense = options.pastTense ? checkPastTense(pascal) : undefined;
  const suggestion = tense?.suggestion ?? pascal;
  return suggestion === type || suggestion === '' ? undefined : suggestion;
}

export function checkEventTypeName(type: string, options: NamingOptions): Finding[] {
  if (!isPascalCase(type)) {
    const pascal = toPascalCase(type);
    if (!pascal) return [];
    const tense = options.pastTense ? checkPastTense(pascal) : undefined;
    const suggestion = tense?.suggestion ?? pascal;
    const also = tense ? ', and a past-tense fact: Subject + verb' : '';
    return [{
      code: 'naming/not-pascal-case',
      message: `Event type "${type}" is not PascalCase: name it "${suggestion}" (each word capitalized, letters and digits only${also}) and rename its folder to match.`,
      path: TYPE_PATH,
      data: { suggestion },
    }];
  }
  if (!options.pastTense) return [];
  const tense = checkPastTense(type);
  return tense ? [{ code: 'naming/not-past-tense', message: tenseMessage(type, tense), path: TYPE_PATH, data: { suggestion: tense.suggestion } }] : [];
}

function tenseMessage(type: string, tense: TenseVerdict): string {
  const why =
    tense.problem === 'imperative' ? `reads as a command ("${tense.verb}" first), not a fact`
    : tense.problem === 'gerund' ? `describes something in progress ("${tense.verb}"), not something that happened`
    : `ends in the bare verb "${tense.verb}", not a past-tense fact`;
  return `Event type "${type}" ${why}: events record what happened, as Subject + past-tense verb. Rename it to "${tense.suggestion}" (or set naming.pastTense to false in eventline.json).`;
}

export function checkGranularity(type: string, shape: ObjectShape): Finding[] {
  const message = coarseGrainedMessage(type, shape);
  return message ? [{ code: 'naming/coarse-grained', message, path: TYPE_PATH }] : [];
}

export type { ObjectShape } from './granularity';
