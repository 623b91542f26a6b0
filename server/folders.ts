// One Eventline Workspace per workspace folder; a file belongs to the innermost folder holding it.
import { sep } from 'node:path';
import { Workspace, type WorkspaceHost } from '../core/index';
import type { Logger } from './logger';
import { pathToUri } from './uri';

export interface Folder {
  root: string;
  /** The folder's URI, the scope its settings are pulled for. */
  uri: string;
  /** Undefined when loading it failed inside Eventline (logged); retried on the next reload. */
  workspace: Workspace | undefined;
}

export class Folders {
  private readonly byRoot = new Map<string, Folder>();

  constructor(
    private readonly log: Logger,
    private readonly host?: WorkspaceHost,
  ) {}

  /** Adds a folder without loading it (see load). */
  add(root: string, uri = pathToUri(root)): Folder {
    const folder = this.byRoot.get(root) ?? { root, uri, workspace: undefined };
    this.byRoot.set(root, folder);
    return folder;
  }

  /** Loads (or reloads) a folder's workspace from disk. False when core failed. */
  load(folder: Folder): boolean {
    try {
      folder.workspace = Workspace.load(folder.root, this.host);
      return true;
    } catch (error) {
      folder.workspace = undefined;
      this.log.error(`loading ${folder.root} failed`, error);
      return false;
    }
  }

  remove(root: string): Folder | undefined {
    const folder = this.byRoot.get(root);
    this.byRoot.delete(root);
    return folder;
  }

  all(): Folder[] {
    return [...this.byRoot.values()];
  }

  /** The innermost folder containing `file`. */
  forFile(file: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of this.byRoot.values()) {
      if (isInside(file, folder.root) && (!best || folder.root.length > best.root.length)) best = folder;
    }
    return best;
  }

  /** Every file Eventline validates, over every loaded folder. */
  files(): string[] {
    return this.all().flatMap((folder) => folder.workspace?.files() ?? []);
  }
}

export function isInside(file: string, root: string): boolean {
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
}
