// A small English verb lexicon for event names: which words are verbs, their past-tense forms and
// how to read a gerund back to its verb. The naming rules only flag words they recognize here, so
// a noun used as an event (Heartbeat, LowStockWarning) is never "corrected" into nonsense.
//
// Spelling convention for suggestions: a final "l" after a single vowel is doubled, as in British
// and Commonwealth English (cancel -> Cancelled, label -> Labelled); the US forms (Canceled) are
// accepted as past tense too, since every "-ed" word is.

/** Irregular verbs: base -> [past participle, simple past]. Suggestions use the participle. */
const IRREGULAR: Record<string, [string, string?]> = {
  arise: ['arisen', 'arose'], awake: ['awoken', 'awoke'], beat: ['beaten', 'beat'], become: ['become', 'became'],
  begin: ['begun', 'began'], bet: ['bet'], bid: ['bid'], bind: ['bound'], bite: ['bitten', 'bit'], break: ['broken', 'broke'],
  breed: ['bred'], bring: ['brought'], broadcast: ['broadcast'], build: ['built'], burst: ['burst'], buy: ['bought'],
  cast: ['cast'], catch: ['caught'], choose: ['chosen', 'chose'], come: ['come', 'came'], cost: ['cost'], cut: ['cut'],
  deal: ['dealt'], dig: ['dug'], do: ['done', 'did'], draw: ['drawn', 'drew'], drink: ['drunk', 'drank'], drive: ['driven', 'drove'],
  feed: ['fed'], feel: ['felt'], find: ['found'], flee: ['fled'], fly: ['flown', 'flew'], forbid: ['forbidden', 'forbade'],
  forecast: ['forecast'], forget: ['forgotten', 'forgot'], forgive: ['forgiven', 'forgave'], freeze: ['frozen', 'froze'],
  get: ['got', 'gotten'], give: ['given', 'gave'], go: ['gone', 'went'], grow: ['grown', 'grew'], hang: ['hung'], hear: ['heard'],
  hide: ['hidden', 'hid'], hit: ['hit'], hold: ['held'], input: ['input'], keep: ['kept'], know: ['known', 'knew'], lay: ['laid'],
  lead: ['led'], leave: ['left'], lend: ['lent'], let: ['let'], light: ['lit'], lose: ['lost'], make: ['made'], mean: ['meant'],
  meet: ['met'], offset: ['offset'], output: ['output'], overdraw: ['overdrawn', 'overdrew'], override: ['overridden', 'overrode'],
  overpay: ['overpaid'], oversell: ['oversold'], overtake: ['overtaken', 'overtook'], pay: ['paid'], prepay: ['prepaid'],
  put: ['put'], quit: ['quit'], read: ['read'], rebuild: ['rebuilt'], redo: ['redone', 'redid'], repay: ['repaid'], resell: ['resold'],
  reset: ['reset'], rewrite: ['rewritten', 'rewrote'], ride: ['ridden', 'rode'], ring: ['rung', 'rang'], rise: ['risen', 'rose'],
  run: ['run', 'ran'], say: ['said'], see: ['seen', 'saw'], seek: ['sought'], sell: ['sold'], send: ['sent'], set: ['set'],
  shake: ['shaken', 'shook'], shed: ['shed'], show: ['shown', 'showed'], shrink: ['shrunk', 'shrank'], shut: ['shut'],
  sing: ['sung', 'sang'], sink: ['sunk', 'sank'], sleep: ['slept'], slide: ['slid'], speak: ['spoken', 'spoke'], speed: ['sped'],
  spend: ['spent'], spin: ['spun'], split: ['split'], spread: ['spread'], stand: ['stood'], steal: ['stolen', 'stole'],
  stick: ['stuck'], strike: ['struck'], swear: ['sworn', 'swore'], sweep: ['swept'], take: ['taken', 'took'], teach: ['taught'],
  tear: ['torn', 'tore'], tell: ['told'], think: ['thought'], throw: ['thrown', 'threw'], underpay: ['underpaid'],
  understand: ['understood'], undertake: ['undertaken', 'undertook'], undo: ['undone', 'undid'], uphold: ['upheld'],
  upset: ['upset'], wake: ['woken', 'woke'], wear: ['worn', 'wore'], win: ['won'], withdraw: ['withdrawn', 'withdrew'],
  withhold: ['withheld'], write: ['written', 'wrote'],
};

/** Regular verbs that name business and system facts. */
const REGULAR = `
accept accrue acknowledge activate add adjust allocate allot alert apply approve archive arrive assign attach attempt audit
authorise authorize backup ban block board book borrow bounce calculate call cancel capture certify charge chat check claim
clear click close collect commit complete configure confirm connect control copy count crash create credit debit decline
decrease decrypt defer delay delete deliver demote deny depart deploy deposit deprovision detach detect disable disconnect
discount dismiss dispatch drop earn edit elect email emit enable encrypt end enrol enroll enter equip escalate estimate
exchange exit expire export extend fail file finish fire fix flag follow format fulfil fulfill fund generate grant hire
import increase initiate insure install invite invoice issue join label land launch lease like link list load lock log
lower map mark merge migrate modify move mute nominate notify offboard onboard open order pack pause permit pick place plan
play plug post postpone price print process promote provision publish purchase qualify quote raise rate reactivate
receive recalculate record redeem reduce refer refresh refund register reject release remove rename render renew rent
reopen repair replace replenish report request reroute reschedule reserve resolve restock restore resume retry return
revert review revoke rotate route save scan schedule search select settle share ship sign start stock stop stream submit
subscribe suspend swap sync tag tap test top track trace transfer transmit trigger unassign unban unblock uninstall
unlink unload unlock unpublish unsubscribe update upload use vacate validate verify view visit void vote warn withdraw
`.trim().split(/\s+/);

const VERBS = new Set([...REGULAR, ...Object.keys(IRREGULAR)]);

/** Words that are as often nouns as verbs: in these positions Eventline cannot tell a command from a noun phrase. */
const NOUN_LIKE = new Set(`
alert backup bill book call charge chat check claim click comment credit debit deposit discount email estimate exchange
file fire fund hold invoice label launch list log map order plan play post price purchase quote rate record release report
review search share stock stream tag test trace transfer view visit vote
`.trim().split(/\s+/));

/** -ing nouns that are not gerunds of an event's verb. */
const ING_NOUNS = new Set(['being', 'building', 'ceiling', 'earnings', 'feeling', 'heading', 'meeting', 'offering', 'ring', 'savings', 'setting', 'settings', 'spring', 'string', 'warning', 'wing']);

const PAST_FORMS = new Set(Object.values(IRREGULAR).flatMap((forms) => forms.filter((f): f is string => f !== undefined)));

const DOUBLES_FINAL_CONSONANT = new Set(['acquit', 'admit', 'allot', 'commit', 'compel', 'confer', 'control', 'defer', 'deter', 'embed', 'emit', 'enrol', 'equip', 'expel', 'format', 'fulfil', 'incur', 'occur', 'omit', 'patrol', 'permit', 'prefer', 'propel', 'rebel', 'recur', 'refer', 'regret', 'remit', 'submit', 'transfer', 'transmit', 'unplug', 'unzip']);

export function isVerb(word: string): boolean {
  return VERBS.has(word.toLowerCase());
}

export function isNounLike(word: string): boolean {
  return NOUN_LIKE.has(word.toLowerCase());
}

/** True for a past tense or past participle: any "-ed" word, or a known irregular form (Sent, Paid, Written). */
export function isPastForm(word: string): boolean {
  const lower = word.toLowerCase();
  return (lower.length > 3 && lower.endsWith('ed')) || PAST_FORMS.has(lower);
}

/** The verb a gerund comes from ("Processing" -> "process", "Shipping" -> "ship"), when it is a known verb. */
export function verbOfGerund(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (!lower.endsWith('ing') || lower.length < 5 || ING_NOUNS.has(lower)) return undefined;
  const stem = lower.slice(0, -3);
  const candidates = [stem, `${stem}e`];
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) candidates.push(stem.slice(0, -1));
  return candidates.find((c) => VERBS.has(c));
}

/** The past participle of a verb, lower case: send -> sent, ship -> shipped, apply -> applied, cancel -> cancelled. */
export function pastParticiple(verb: string): string {
  const base = verb.toLowerCase();
  const irregular = IRREGULAR[base];
  if (irregular) return irregular[0];
  if (base.endsWith('e')) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  if (DOUBLES_FINAL_CONSONANT.has(base)) return `${base}${base.at(-1)}ed`;
  // One syllable ending consonant-vowel-consonant: ship, stop, plan, tag (not w, x, y: fix, play).
  if (/^[^aeiou]*[aeiou][b-df-hj-np-tvz]$/.test(base)) return `${base}${base.at(-1)}ed`;
  // A final l after a single vowel doubles (the convention documented above): cancel, label, model.
  if (/[^aeiou][aeiou]l$/.test(base)) return `${base}led`;
  return `${base}ed`;
}
