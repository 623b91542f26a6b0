// Released versions are immutable (DESIGN §1). Given a schema file's text now and at a released
// point (the caller reads it, e.g. from git, so core needs no process or VCS access), reports the
// first node that differs. Values are compared, not bytes: reformatting or reordering keys is not
// an edit, while changing, adding or removing anything is.
import { placeFinding } from '../problems';
import { formatOf } from '../registry/layout';
import type { ParsedDocument } from '../text/document';
import { parseJsonDocument } from '../text/jsonDocument';
import { LineIndex } from '../text/lineIndex';
import { parseYamlDocument } from '../text/yamlDocument';
import type { Finding, JsonPath, Problem } from '../types';

export interface ReleasedContext {
  /** Where the released content comes from, for the message: a git ref such as "main" or "v1.4.0". */
  ref: string;
  /** The file as messages name it, e.g. schemas/OrderPlaced/1.0.schema.json. */
  display: string;
}

/**
 * schema/published-version-modified at the first changed node of `file`, or undefined when its
 * value equals the released one (or the current text does not parse: its syntax error says so).
 */
export function publishedVersionProblem(file: string, text: string, releasedText: string, context: ReleasedContext): Problem | undefined {
  const now = parse(file, text);
  if (now.syntaxErrors.length > 0 || now.value === undefined) return undefined;
  const released = parse(file, releasedText);
  const releasedValue = released.syntaxErrors.length > 0 ? undefined : released.value;
  const at = firstDifference(now.value, releasedValue, []);
  if (!at) return undefined;
  const finding: Finding = {
    code: 'schema/published-version-modified',
    message: `${context.display} differs from its released content at ${context.ref} (${at.what}): versions are immutable once released: publish the change as a new version (a new minor if it is compatible, a new major if not) and restore this file with 'git checkout ${context.ref} -- ${context.display}'.`,
    path: at.path,
    target: at.target,
  };
  return placeFinding(finding, now, new LineIndex(text), file);
}

interface Difference {
  path: JsonPath;
  target: 'key' | 'value';
  what: string;
}

/** The first difference in `now`'s document order (keys in their written order). */
export function firstDifference(now: unknown, before: unknown, path: JsonPath): Difference | undefined {
  if (jsonEqual(now, before)) return undefined;
  const here = (what: string): Difference => ({ path, target: 'value', what });
  if (isRecord(now) && isRecord(before)) {
    for (const key of Object.keys(now)) {
      if (!Object.hasOwn(before, key)) return { path: [...path, key], target: 'key', what: `"${key}" was added` };
      const inner = firstDifference(now[key], before[key], [...path, key]);
      if (inner) return inner;
    }
    const removed = Object.keys(before).filter((k) => !Object.hasOwn(now, k));
    const what = `${removed.map((k) => `"${k}"`).join(', ')} removed`;
    // Shown at the object's own key (its value's span would cover the whole object).
    if (path.length > 0) return { path, target: 'key', what };
    const first = Object.keys(now)[0];
    return first === undefined ? here(what) : { path: [first], target: 'key', what };
  }
  if (Array.isArray(now) && Array.isArray(before)) {
    const shared = Math.min(now.length, before.length);
    for (let i = 0; i < shared; i++) {
      const inner = firstDifference(now[i], before[i], [...path, i]);
      if (inner) return inner;
    }
    if (now.length > before.length) return { path: [...path, shared], target: 'value', what: `item ${shared} was added` };
    return here(`${before.length - now.length} item(s) removed`);
  }
  return here(before === undefined ? 'the released content did not parse' : 'value changed');
}

function parse(file: string, text: string): ParsedDocument {
  return formatOf(file) === 'json' ? parseJsonDocument(text) : parseYamlDocument(text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}
