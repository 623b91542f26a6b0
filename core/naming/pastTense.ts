// Does an event type read as a past-tense fact (Subject + past-tense verb)? When it does not and
// the words are recognized, suggest the name it should have. Unknown words are never flagged.
import { capitalize, splitWords } from './words';
import { isNounLike, isPastForm, isVerb, pastParticiple, verbOfGerund } from './verbs';

export type TenseProblem = 'imperative' | 'bare-verb' | 'gerund';

export interface TenseVerdict {
  problem: TenseProblem;
  /** The offending verb as written in the name. */
  verb: string;
  suggestion: string;
}

const PARTICLES = new Set(['In', 'Out', 'Up', 'Down', 'Off', 'On', 'Over', 'Back', 'Away']);
/** A bare verb after one of these is a noun phrase (ItemOutOfStock, OrderOnHold), not a command. */
const PREPOSITIONS = new Set(['Of', 'On', 'In', 'At', 'For', 'To', 'By', 'With', 'From', 'Under', 'Over', 'Out', 'Into']);

/** Checks a PascalCase name; undefined when it reads as a fact or the words are not recognized. */
export function checkPastTense(name: string): TenseVerdict | undefined {
  const words = splitWords(name);
  if (words.length === 0) return undefined;
  // A phrasal verb keeps its particle at the end: UserSignedUp, UserLoggedIn.
  const hasParticle = words.length >= 2 && PARTICLES.has(words[words.length - 1]);
  const verbAt = hasParticle ? words.length - 2 : words.length - 1;
  const last = words[verbAt];
  if (isPastForm(last)) return undefined;

  const gerund = verbOfGerund(last);
  if (gerund) return { problem: 'gerund', verb: last, suggestion: replaceAt(words, verbAt, gerund) };

  const before = words[verbAt - 1];
  if (isVerb(last) && !isNounLike(last) && !(before && PREPOSITIONS.has(before))) {
    // Single-word names are bare verbs too (Cancel -> Cancelled); OrderCreate -> OrderCreated.
    if (verbAt > 0 || words.length === 1 || hasParticle) return { problem: 'bare-verb', verb: last, suggestion: replaceAt(words, verbAt, last) };
  }

  // Imperative first: PlaceOrder -> OrderPlaced, SignUpUser -> UserSignedUp.
  const first = words[0];
  if (words.length >= 2 && isVerb(first) && !isNounLike(first)) {
    const particle = words.length >= 3 && PARTICLES.has(words[1]) ? words[1] : '';
    const subject = words.slice(particle ? 2 : 1);
    return { problem: 'imperative', verb: first, suggestion: `${subject.join('')}${capitalize(pastParticiple(first))}${particle}` };
  }
  return undefined;
}

function replaceAt(words: string[], index: number, verb: string): string {
  return words.map((w, i) => (i === index ? capitalize(pastParticiple(verb)) : w)).join('');
}
