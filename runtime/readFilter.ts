// The read filters every backend applies (a backend may push them down to its indexes first).
import { categoryOf, correlationIdOf } from './envelope';
import type { ReadFilter, RecordedEvent } from './eventStore';
import { InvalidRequestError } from './errors';

export interface CompiledFilter {
  matches(event: RecordedEvent): boolean;
  /** Epoch ms bounds on recordedAt, for backends that can seek by time. */
  fromMs: number;
  untilMs: number;
}

export function compileFilter(filter: ReadFilter | undefined): CompiledFilter {
  const types = filter?.eventTypes ? new Set(filter.eventTypes) : undefined;
  const category = filter?.category;
  const correlationId = filter?.correlationId;
  const fromMs = filter?.recordedFrom === undefined ? -Infinity : toMs(filter.recordedFrom, 'recordedFrom');
  const untilMs = filter?.recordedUntil === undefined ? Infinity : toMs(filter.recordedUntil, 'recordedUntil');
  return {
    fromMs,
    untilMs,
    matches(recorded) {
      if (types && !types.has(recorded.event.eventType)) return false;
      if (category !== undefined && categoryOf(recorded.stream) !== category) return false;
      if (correlationId !== undefined && correlationIdOf(recorded.event) !== correlationId) return false;
      if (fromMs !== -Infinity || untilMs !== Infinity) {
        const at = Date.parse(recorded.recordedAt);
        if (at < fromMs || at > untilMs) return false;
      }
      return true;
    },
  };
}

function toMs(value: string | Date, name: string): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidRequestError(`${name} "${String(value)}" is not a time: use ISO 8601, e.g. 2026-01-05T10:30:00Z.`);
  return ms;
}
