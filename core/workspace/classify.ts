// Which of Eventline's file kinds a path is, from the workspace configuration.
import { basename, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_FILE, type EventlineConfig } from '../config/config';
import type { EventFileLayout } from '../envelope/types';

export type FileKind = { kind: 'config' } | { kind: 'schema' } | { kind: 'events'; layout: EventFileLayout } | { kind: 'other' };

export interface Classifier {
  classify(file: string): FileKind;
  /** True for folders Eventline never enters (node_modules, .git, the store...). */
  isExcludedDir(dir: string): boolean;
}

export function createClassifier(root: string, config: EventlineConfig): Classifier {
  const isEventFile = picomatch(config.eventFiles, { dot: false });
  const isExcluded = picomatch(config.exclude, { dot: true });
  const schemaPrefix = toPosix(config.schemasDir).replace(/\/+$/, '') + '/';
  const rel = (file: string) => toPosix(relative(root, file));

  return {
    classify(file) {
      const path = rel(file);
      if (path.startsWith('../') || isExcluded(path)) return { kind: 'other' };
      if (path === CONFIG_FILE) return { kind: 'config' };
      if (path.startsWith(schemaPrefix) && /\.schema\.(json|ya?ml)$/.test(path)) return { kind: 'schema' };
      if (isEventFile(path)) {
        const name = basename(path);
        if (name.endsWith('.jsonl')) return { kind: 'events', layout: 'jsonl' };
        if (name.endsWith('.events.json')) return { kind: 'events', layout: 'array' };
        return { kind: 'events', layout: 'single' };
      }
      return { kind: 'other' };
    },
    isExcludedDir(dir) {
      const path = rel(dir);
      return path !== '' && (isExcluded(path) || isExcluded(`${path}/`) || isExcluded(`${path}/x`));
    },
  };
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
