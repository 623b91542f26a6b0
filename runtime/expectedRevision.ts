// Optimistic concurrency: what an append expects of its stream, and the check every backend runs.
//
// Revisions and positions are JavaScript numbers (safe integers), not bigint: 2^53 events is far
// beyond any store Eventline targets, numbers survive JSON unchanged (the CLI, the inspector's
// HTTP API), and PostgreSQL's bigint / JetStream's uint64 sequences convert losslessly below 2^53.
// A stream's first event has revision 0; "no-stream" means it has none yet.
import { WrongExpectedRevisionError } from './errors';

export type ExpectedRevision = 'any' | 'no-stream' | 'stream-exists' | number;

/** A stream's current revision: its last event's revision, or 'no-stream'. */
export type StreamState = number | 'no-stream';

export function isExpectedRevision(value: unknown): value is ExpectedRevision {
  return value === 'any' || value === 'no-stream' || value === 'stream-exists' || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0);
}

/** Parses the CLI / wire form: any, no-stream, stream-exists or a non-negative integer. */
export function parseExpectedRevision(text: string): ExpectedRevision | undefined {
  if (text === 'any' || text === 'no-stream' || text === 'stream-exists') return text;
  if (!/^(0|[1-9]\d*)$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

export function matchesExpectedRevision(expected: ExpectedRevision, actual: StreamState): boolean {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return actual === 'no-stream';
  if (expected === 'stream-exists') return actual !== 'no-stream';
  return actual === expected;
}

export function assertExpectedRevision(stream: string, expected: ExpectedRevision, actual: StreamState): void {
  if (!matchesExpectedRevision(expected, actual)) throw new WrongExpectedRevisionError(stream, expected, actual);
}
