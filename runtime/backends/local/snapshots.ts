// Snapshot files of the local store: <store>/snapshots/<hash of fold name>/<hash of stream>.json,
// the newest snapshot per stream and fold. A cache only: written without fsync (a lost or torn
// file is ignored and rebuilt), never written by a read-only opener, and safe to delete.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Snapshot, SnapshotStore } from '../../aggregate';

export const SNAPSHOT_DIR = 'snapshots';

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

export function fileSnapshotStore(storeDir: string, readOnly: boolean): SnapshotStore {
  const root = join(storeDir, SNAPSHOT_DIR);
  const fileOf = (stream: string, foldName: string) => join(root, hashOf(foldName), `${hashOf(stream)}.json`);
  return {
    async load(stream, foldName) {
      try {
        const value = JSON.parse(await readFile(fileOf(stream, foldName), 'utf8')) as Snapshot;
        return typeof value === 'object' && value !== null && Number.isSafeInteger(value.revision) ? value : undefined;
      } catch {
        return undefined;
      }
    },
    async save(snapshot) {
      if (readOnly) return;
      const file = fileOf(snapshot.stream, snapshot.fold);
      const existing = await this.load(snapshot.stream, snapshot.fold);
      if (existing && existing.version === snapshot.version && existing.revision >= snapshot.revision) return;
      await mkdir(join(root, hashOf(snapshot.fold)), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(snapshot));
      await rename(temp, file);
    },
    async clear(foldName) {
      if (readOnly) return;
      await rm(foldName === undefined ? root : join(root, hashOf(foldName)), { recursive: true, force: true });
    },
  };
}
