// The "Publish as N.0" fix for a minor version that breaks compatibility: what to create and what to
// restore, decided from text alone so the language server (and any other caller) only maps it to
// its own edit format. The breaking text becomes the first version of the next major; the minor
// version goes back to its last committed content when git knows it (versions are immutable once
// released), otherwise it is removed (the minor is moved to the new major).
import { basename, dirname, join } from 'node:path';
import { formatOf, VERSION_PATTERN } from '../registry/layout';
import type { ParsedDocument } from '../text/document';
import { parseJsonDocument } from '../text/jsonDocument';
import { parseYamlDocument } from '../text/yamlDocument';

export interface PublishAsMajorInput {
  /** Absolute path of the breaking minor version's schema file, e.g. .../OrderPlaced/1.1.schema.json. */
  file: string;
  /** Its current text (the editor buffer), the breaking schema. */
  text: string;
  /** Its content at the last commit (git HEAD); undefined when git does not track it. */
  committedText: string | undefined;
  /** Versions of the type that already exist, so the new major never overwrites one. */
  existingVersions?: readonly string[];
}

export type PublishAsMajorPlan =
  | {
      ok: true;
      /** The new major's version, e.g. "2.0". */
      version: string;
      /** The file to create, beside the minor's, with the same extension. */
      create: { file: string; text: string };
      /** What happens to the minor's file: back to its committed text, or removed. */
      minor: { action: 'restore'; file: string; text: string } | { action: 'delete'; file: string };
    }
  | { ok: false; reason: string };

export function planPublishAsMajor(input: PublishAsMajorInput): PublishAsMajorPlan {
  const name = /^(.*)\.schema\.(json|ya?ml)$/i.exec(basename(input.file));
  if (!name) return { ok: false, reason: `${basename(input.file)} is not named <MAJOR.MINOR>.schema.(json|yaml|yml).` };
  const doc: ParsedDocument = formatOf(input.file) === 'yaml' ? parseYamlDocument(input.text) : parseJsonDocument(input.text);
  if (doc.syntaxErrors.length > 0) return { ok: false, reason: 'the schema has syntax errors.' };
  const xEvent = isRecord(doc.value) ? doc.value['x-event'] : undefined;
  const current = isRecord(xEvent) ? xEvent.version : undefined;
  if (typeof current !== 'string' || !VERSION_PATTERN.test(current)) return { ok: false, reason: 'x-event.version is not a MAJOR.MINOR string.' };

  const majors = [current, ...(input.existingVersions ?? [])].filter((v) => VERSION_PATTERN.test(v)).map((v) => Number(v.split('.')[0]));
  const version = `${Math.max(...majors) + 1}.0`;
  const span = doc.locate(['x-event', 'version'], 'value');
  const text = input.text.slice(0, span.offset) + JSON.stringify(version) + input.text.slice(span.offset + span.length);
  const create = { file: join(dirname(input.file), `${version}.schema.${name[2]}`), text };
  const minor = input.committedText !== undefined ? { action: 'restore' as const, file: input.file, text: input.committedText } : { action: 'delete' as const, file: input.file };
  return { ok: true, version, create, minor };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
