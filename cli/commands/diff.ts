// `eventline diff OLD NEW [--mode MODE] [--policy strict|lenient] [--format text|json]`: the
// changes between two schema files with Confluent's classification, and whether NEW may follow
// OLD under the mode. Plain JSON Schemas work too (x-event is optional); `$ref`s to other files
// resolve relative to the file that holds them, read from disk on demand.
import { readFileSync } from 'node:fs';
import { relative, resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import { diffSchemas } from '../../core/compat/diff';

import { isCompatibilityMode, modeRule, type CompatibilityMode } from '../../core/compat/modes';
import type { CompatPolicy, SchemaChange } from '../../core/compat/types';
import { resolveRef, type DocLookup, type SchemaDocView } from '../../core/registry/refs';
import { indexSchema } from '../../core/registry/schemaWalk';
import { parseJsonDocument } from '../../core/text/jsonDocument';
import { parseYamlDocument } from '../../core/text/yamlDocument';
import { EXIT, UsageError } from '../usage';
import type { CommandIo } from './check';

export const diffHelp = `Usage: eventline diff OLD NEW [--mode MODE] [--policy strict|lenient] [--format text|json]

Compares two JSON Schema files (JSON or YAML, with or without x-event) and lists every change
with Confluent Schema Registry's name for it and whether it is compatible BACKWARD (readers on
NEW read data written with OLD) and FORWARD (readers on OLD read data written with NEW).
$refs to other files are resolved relative to the file that holds them.

Options:
  -m, --mode <MODE>                BACKWARD (default), FORWARD, FULL, their _TRANSITIVE forms
                                   (the same for a pair) or NONE
  -p, --policy <strict|lenient>    strict: Confluent's classic rules (adding an optional property
                                   to an open content model breaks BACKWARD); lenient (default)
  -f, --format <text|json>         json: {"compatible", "mode", "policy", "changes": [...]}
  -h, --help                       show this help

Exit status: 0 when NEW is compatible with OLD under the mode, 1 when not, 2 on bad input
(unreadable file, invalid JSON or YAML, not a schema) or a usage error.
`;

class BadInput extends Error {}

export function runDiff(args: string[], io: CommandIo & { err?: (text: string) => void }): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      mode: { type: 'string', short: 'm', default: 'BACKWARD' },
      policy: { type: 'string', short: 'p', default: 'lenient' },
      format: { type: 'string', short: 'f', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(diffHelp);
    return EXIT.ok;
  }
  const mode = (values.mode ?? 'BACKWARD').toUpperCase();
  if (!isCompatibilityMode(mode)) throw new UsageError(`unknown mode "${values.mode}": use BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE or NONE`);
  const policy = values.policy;
  if (policy !== 'strict' && policy !== 'lenient') throw new UsageError(`unknown policy "${policy}": use strict or lenient`);
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}": use text or json`);
  if (positionals.length !== 2) throw new UsageError(`diff takes two schema files, OLD and NEW; got ${positionals.length}`);

  const files = new SchemaFiles();
  let changes: SchemaChange[];
  const [oldFile, newFile] = positionals.map((p) => resolvePath(io.cwd, p));
  try {
    const oldDoc = files.load(oldFile, positionals[0]);
    const newDoc = files.load(newFile, positionals[1]);
    changes = diffSchemas(oldDoc.value, newDoc.value, { policy, oldFile, newFile, resolve: files.resolver(), display: (f) => relative(io.cwd, f) });
  } catch (error) {
    if (!(error instanceof BadInput)) throw error;
    (io.err ?? ((t: string) => process.stderr.write(t)))(`eventline: ${error.message}\n`);
    return EXIT.failure;
  }
  const rule = modeRule(mode as CompatibilityMode);
  const compatible = mode === 'NONE' || changes.every((c) => (!rule.backward || c.backward) && (!rule.forward || c.forward));
  if (format === 'json') {
    const out = { compatible, mode, policy, changes: changes.map((c) => ({ kind: c.kind, path: c.path, backward: c.backward, forward: c.forward, message: c.message })) };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.out(formatText(changes, compatible, mode, policy));
  }
  return compatible ? EXIT.ok : EXIT.problems;
}

function formatText(changes: SchemaChange[], compatible: boolean, mode: string, policy: CompatPolicy): string {
  const mark = (ok: boolean) => (ok ? 'yes' : 'NO ');
  const lines = changes.map((c) => `${c.path}  ${c.kind}  backward:${mark(c.backward)} forward:${mark(c.forward)}\n    ${c.message}`);
  const summary = `${compatible ? 'compatible' : 'NOT compatible'} under ${mode} (${policy} policy): ${changes.length} change${changes.length === 1 ? '' : 's'}`;
  return `${[...lines, summary].join('\n')}\n`;
}

/** Schema files read from disk on first use, for `$ref` resolution across files. */
class SchemaFiles {
  private readonly docs = new Map<string, SchemaDocView | null>();
  private readonly lookup: DocLookup = {
    doc: (file) => this.tryLoad(file),
    fileWithId: (id) => [...this.docs.values()].find((d) => d?.id === id)?.file,
    display: (file) => file,
  };

  load(file: string, shown: string): SchemaDocView {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new BadInput(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const yaml = /\.ya?ml$/i.test(file);
    const parsed = yaml ? parseYamlDocument(text) : parseJsonDocument(text);
    if (parsed.syntaxErrors.length > 0 || parsed.value === undefined) {
      const first = parsed.syntaxErrors[0];
      throw new BadInput(`${shown} is not valid ${yaml ? 'YAML' : 'JSON'}${first ? `: ${first.message} at offset ${first.offset}` : ''}`);
    }
    const value = parsed.value;
    if (typeof value !== 'boolean' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new BadInput(`${shown} is not a schema: a JSON Schema is an object (or true/false), not ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}`);
    }
    const record = value as Record<string, unknown>;
    const id = typeof record.$id === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(record.$id) ? record.$id.replace(/#$/, '') : undefined;
    const doc: SchemaDocView = { file, value, index: indexSchema(value), id };
    this.docs.set(file, doc);
    return doc;
  }

  resolver() {
    return (ref: string, from: { file: string }) => {
      const source = this.tryLoad(from.file);
      const resolved = source ? resolveRef(source, ref, this.lookup) : undefined;
      return resolved?.ok ? resolved.target : undefined;
    };
  }

  private tryLoad(file: string): SchemaDocView | undefined {
    if (this.docs.has(file)) return this.docs.get(file) ?? undefined;
    try {
      return this.load(file, file);
    } catch {
      this.docs.set(file, null);
      return undefined;
    }
  }
}
