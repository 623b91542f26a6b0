// readCorrelation / causationTree for the local log, from the in-memory correlationId and
// causationId indexes. Only durable events are visible.
import type { CausationNode, CausationTree, RecordedEvent } from '../../eventStore';
import type { MemoryIndex } from './memoryIndex';
import { eventAt } from './read';
import type { RecordReader } from './recordReader';

export async function* readCorrelation(index: MemoryIndex, reader: RecordReader, correlationId: string): AsyncGenerator<RecordedEvent> {
  const positions = index.correlations.get(correlationId) ?? [];
  const head = index.durableHead;
  for (const position of positions) {
    if (position >= head) return;
    yield await eventAt(index, reader, position);
  }
}

export async function causationTree(index: MemoryIndex, reader: RecordReader, eventId: string): Promise<CausationTree | undefined> {
  const position = index.eventIds.get(eventId);
  if (position === undefined || position >= index.durableHead) return undefined;
  const event = await eventAt(index, reader, position);
  return { ancestors: await ancestorsOf(index, reader, event), root: await subtree(index, reader, event, new Set([eventId])) };
}

async function ancestorsOf(index: MemoryIndex, reader: RecordReader, event: RecordedEvent): Promise<RecordedEvent[]> {
  const chain: RecordedEvent[] = [];
  const seen = new Set([event.event.eventId]);
  let cause = event.event.metadata?.causationId;
  // Stops at an unknown cause (an external command, say) and at a cycle, which only bad data makes.
  while (typeof cause === 'string' && !seen.has(cause)) {
    seen.add(cause);
    const position = index.eventIds.get(cause);
    if (position === undefined || position >= index.durableHead) break;
    const parent = await eventAt(index, reader, position);
    chain.unshift(parent);
    cause = parent.event.metadata?.causationId;
  }
  return chain;
}

async function subtree(index: MemoryIndex, reader: RecordReader, event: RecordedEvent, seen: Set<string>): Promise<CausationNode> {
  const children: CausationNode[] = [];
  for (const position of index.causedBy.get(event.event.eventId) ?? []) {
    if (position >= index.durableHead) break;
    const child = await eventAt(index, reader, position);
    if (seen.has(child.event.eventId)) continue;
    seen.add(child.event.eventId);
    children.push(await subtree(index, reader, child, seen));
  }
  return { event, children };
}
