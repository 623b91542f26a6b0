// File access for the workspace, injected so tests and the language server (which overlays open
// editor buffers) can supply their own. The default reads the disk with Node's fs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkspaceHost {
  /** The file's bytes, or undefined when it does not exist. */
  readFile(file: string): Uint8Array | undefined;
  /** Every file below `root`, absolute paths; `skipDir` prunes folders (by absolute path). */
  listFiles(root: string, skipDir: (dir: string) => boolean): string[];
  /** Size in bytes, or undefined when the file does not exist. */
  sizeOf(file: string): number | undefined;
}

export const nodeHost: WorkspaceHost = {
  readFile(file) {
    try {
      return readFileSync(file);
    } catch {
      return undefined;
    }
  },
  listFiles(root, skipDir) {
    const out: string[] = [];
    const walk = (dir: string) => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!skipDir(full)) walk(full);
        } else if (entry.isFile()) out.push(full);
      }
    };
    walk(root);
    return out.sort();
  },
  sizeOf(file) {
    try {
      return statSync(file).size;
    } catch {
      return undefined;
    }
  },
};
