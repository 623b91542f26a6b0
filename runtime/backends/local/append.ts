// append / appendMany for the local log: plan against the in-memory index (which already holds
// earlier appends still waiting for their fsync, so concurrent appends see each other in order),
// encode one record for the whole commit, and hand it to the group-commit writer.
import { planAppend } from '../../appendPlan';
import type { AppendResult, StreamAppend } from '../../eventStore';
import { encodeRecord } from './format';
import type { GroupCommitWriter } from './groupCommit';
import type { MemoryIndex } from './memoryIndex';

/** `tombstone`: deleteStream's call, the only one allowed to write a tombstone event. */
export async function appendCommit(index: MemoryIndex, writer: GroupCommitWriter, appends: readonly StreamAppend[], tombstone = false): Promise<AppendResult[]> {
  const { results, toWrite } = planAppend(index, appends, index.head, tombstone);
  if (toWrite.length === 0) {
    // A pure retry or an empty batch: answer once whatever it refers to is durable.
    await writer.whenIdle();
    return results;
  }
  // recordedAt never decreases along positions, so time-range reads can binary-search.
  const recordedAt = Math.max(Date.now(), index.lastRecordedAt);
  const firstPosition = toWrite[0].position;
  const bytes = encodeRecord({ position: firstPosition, recordedAt, events: toWrite.map(({ stream, revision, event }) => ({ stream, revision, event })) });
  const { segment, offset } = writer.reserve(bytes.length, firstPosition);
  const problem = index.add({ segment, offset, length: bytes.length, firstPosition, count: toWrite.length, recordedAt }, toWrite);
  // Planning checked all of this; a problem here is a bug, and writing on would corrupt the log.
  if (problem) throw new Error(`internal error: planned commit does not fit the index: ${problem}`);
  const end = firstPosition + toWrite.length;
  await writer.write(segment, bytes, () => index.markDurable(end));
  return results;
}
