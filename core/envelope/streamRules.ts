// Stream-file rules: one file is one ordered stream, so ids must be unique, causes must come
// before their effects and time must not run backwards. They read only per-event summaries
// (id, causation id, time), never the events, so a re-run after an edit is cheap.
import { clip } from './formats';
import type { EnvelopeStyleSpec, EventSummary } from './types';

export interface StreamFinding {
  /** Index of the offending event in the stream (a JSONL line number or an array index). */
  index: number;
  code: 'stream/duplicate-event-id' | 'stream/unknown-causation' | 'stream/timestamp-backwards';
  message: string;
  path: readonly string[];
  related?: { index: number; path: readonly string[]; message: string };
}

/**
 * `summaries[i]` is undefined for entries that are not events (blank or unparseable lines).
 * `label(i)` names an entry for messages ("line 12", "item 3").
 */
export function checkStream(summaries: readonly (EventSummary | undefined)[], style: EnvelopeStyleSpec, label: (index: number) => string): StreamFinding[] {
  const out: StreamFinding[] = [];
  const firstById = new Map<string, number>();
  // In the default style the duplicate key is the id itself: one map serves both rules.
  const firstByKey = style.keyIsId ? firstById : new Map<string, number>();
  let previousTime = NaN;
  let previousIndex = -1;
  for (let i = 0; i < summaries.length; i++) {
    const s = summaries[i];
    if (!s) continue;
    if (!style.keyIsId && s.id !== undefined && !firstById.has(s.id)) firstById.set(s.id, i);
    if (s.key !== undefined) {
      const first = firstByKey.get(s.key);
      if (first === undefined) firstByKey.set(s.key, i);
      else {
        out.push({
          index: i,
          code: 'stream/duplicate-event-id',
          message: `${style.idName} "${clip(s.id ?? '')}" already appears on ${label(first)}: consumers will receive this event twice and must be idempotent. Give this event a new id if it is a different event, or remove the duplicate.`,
          path: style.idPath,
          related: { index: first, path: style.idPath, message: 'first event with this id' },
        });
      }
    }
    if (s.time === s.time /* not NaN */) {
      if (s.time < previousTime) {
        out.push({
          index: i,
          code: 'stream/timestamp-backwards',
          message: `${style.timeName} is earlier than that of the previous event (${label(previousIndex)}): events in a stream are in the order they happened. Reorder the events or fix the time.`,
          path: style.timePath,
          related: { index: previousIndex, path: style.timePath, message: 'the later-timestamped previous event' },
        });
      }
      previousTime = s.time;
      previousIndex = i;
    }
  }
  for (let i = 0; i < summaries.length; i++) {
    const causation = summaries[i]?.causationId;
    if (causation === undefined) continue;
    const cause = firstById.get(causation);
    if (cause !== undefined && cause < i) continue;
    let message: string;
    if (cause === undefined) message = `${style.causationName} "${clip(causation)}" names no event in this file: a cause must appear before its effects. Use the ${style.idName} of an earlier event, or remove it if the cause lives in another stream.`;
    else if (cause === i) message = `${style.causationName} names this event itself: an event cannot cause itself. Use the ${style.idName} of the event that caused it.`;
    else message = `${style.causationName} "${clip(causation)}" names a later event (${label(cause)}): causes precede their effects. Move this event after it, or fix the id.`;
    out.push({
      index: i,
      code: 'stream/unknown-causation',
      message,
      path: style.causationPath,
      ...(cause !== undefined && cause !== i ? { related: { index: cause, path: style.idPath, message: 'the event named as the cause' } } : {}),
    });
  }
  return out;
}
