// The single-writer lock: a LOCK file created exclusively, holding the writer's pid and host.
// A lock whose process is gone (same host, pid not alive) is stale and taken over. Readers take
// no lock.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync, fsyncSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StoreLockedError } from '../../errors';

export const LOCK_FILE = 'LOCK';

export interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

export interface HeldLock {
  file: string;
  release(): void;
  /** The stale lock that was taken over, if any (reported by open). */
  tookOverFrom?: LockInfo;
}

export function acquireLock(dir: string): HeldLock {
  const file = join(dir, LOCK_FILE);
  let tookOverFrom: LockInfo | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(info) + '\n');
      fsyncSync(fd);
      closeSync(fd);
      return { file, tookOverFrom, release: () => releaseLock(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(file);
    if (holder && (holder.host !== hostname() || isAlive(holder.pid))) throw new StoreLockedError(file, holder.pid, holder.host);
    // Stale (dead pid) or unreadable (a writer died between create and write): take it over.
    tookOverFrom = holder;
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const holder = readLock(file);
  throw new StoreLockedError(file, holder?.pid ?? -1, holder?.host);
}

export function readLock(file: string): LockInfo | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof value.pid === 'number' && typeof value.host === 'string') return { pid: value.pid, host: value.host, since: String(value.since) };
  } catch {
    // Missing or half-written: treated as no holder.
  }
  return undefined;
}

function releaseLock(file: string): void {
  const holder = readLock(file);
  if (holder && holder.pid !== process.pid) return;
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
