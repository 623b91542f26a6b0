// readStream / readAll for the local log. Only durable events are visible; filters run on the
// decoded events, except the recordedAt bounds, which seek by binary search.
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../../eventStore';
import { InvalidRequestError } from '../../errors';
import { compileFilter } from '../../readFilter';
import type { MemoryIndex } from './memoryIndex';
import type { RecordReader } from './recordReader';

export async function* readStream(index: MemoryIndex, reader: RecordReader, stream: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
  const positions = index.streams.get(stream);
  const count = index.durableCount(stream);
  if (!positions || count === 0 || index.isDeletedDurably(stream)) return;
  const backwards = options.direction === 'backwards';
  const from = checkedStart(options.fromRevision, 'fromRevision') ?? (backwards ? count - 1 : 0);
  const filter = compileFilter(options.filter);
  let left = checkedMax(options.maxCount);
  const step = backwards ? -1 : 1;
  for (let revision = backwards ? Math.min(from, count - 1) : from; revision >= 0 && revision < count && left > 0; revision += step) {
    const event = await eventAt(index, reader, positions[revision]);
    if (filter.matches(event)) {
      left--;
      yield event;
    }
  }
}

export async function* readAll(index: MemoryIndex, reader: RecordReader, options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
  const head = index.durableHead;
  const backwards = options.direction === 'backwards';
  const filter = compileFilter(options.filter);
  let from = checkedStart(options.fromPosition, 'fromPosition') ?? (backwards ? head - 1 : 0);
  let stop = backwards ? -1 : head;
  if (!backwards && filter.fromMs !== -Infinity) from = Math.max(from, index.firstPositionAtOrAfter(filter.fromMs));
  if (!backwards && filter.untilMs !== Infinity) stop = Math.min(stop, index.firstPositionAtOrAfter(filter.untilMs + 1));
  if (backwards) from = Math.min(from, head - 1);
  let left = checkedMax(options.maxCount);
  const step = backwards ? -1 : 1;
  for (let position = from; position !== stop && position >= 0 && position < head && left > 0; position += step) {
    const event = await eventAt(index, reader, position);
    if (filter.matches(event)) {
      left--;
      yield event;
    }
  }
}

export async function eventAt(index: MemoryIndex, reader: RecordReader, position: number): Promise<RecordedEvent> {
  const ref = index.recordOf[position];
  const payload = await reader.read(ref);
  const stored = payload.events[position - ref.firstPosition];
  return { stream: stored.stream, revision: stored.revision, position, recordedAt: new Date(payload.recordedAt).toISOString(), event: stored.event };
}

function checkedStart(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidRequestError(`${name} must be a non-negative integer, got ${value}.`);
  return value;
}

function checkedMax(value: number | undefined): number {
  if (value === undefined) return Infinity;
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidRequestError(`maxCount must be a non-negative integer, got ${value}.`);
  return value;
}
