// deleteStream for the local log: the tombstone is appended like an event (one record, same
// durability and idempotency), so it survives reopen and is replayed into the index on open.
import type { DeleteResult, DeleteStreamOptions } from '../../eventStore';
import { tombstoneFor } from '../../tombstone';
import { appendCommit } from './append';
import type { GroupCommitWriter } from './groupCommit';
import type { MemoryIndex } from './memoryIndex';

export async function deleteStream(index: MemoryIndex, writer: GroupCommitWriter, stream: string, options: DeleteStreamOptions = {}): Promise<DeleteResult> {
  const [result] = await appendCommit(index, writer, [{ stream, events: [tombstoneFor(stream)], expectedRevision: options.expectedRevision }], true);
  const [tombstone] = result.events;
  return { stream, revision: tombstone.revision, position: tombstone.position, duplicate: result.duplicate };
}
