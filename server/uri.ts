// File URIs <-> absolute paths. Documents are keyed by path inside the server, because two URIs
// can spell one file differently (percent-encoding, drive-letter case).
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The absolute path of a `file:` URI; undefined for other schemes (untitled:, git:...). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
