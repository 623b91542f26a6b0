// The workspace: eventline.json, the schema registry and every event file, kept current as files
// change. The language server and the CLI are thin maps over this one object.
import { join } from 'node:path';
import { CONFIG_FILE, resolveConfig, type EventlineConfig } from '../config/config';
import { createEventFileValidator } from '../envelope/eventFile';
import type { EventFileLayout, EventFileValidator } from '../envelope/types';
import { applySeverityOverrides, placeFinding, problemAt } from '../problems';
import { createSchemaRegistry } from '../registry/registry';
import type { SchemaRegistry } from '../registry/types';
import { parseJsonDocument } from '../text/jsonDocument';
import { LineIndex } from '../text/lineIndex';
import { firstInvalidUtf8 } from '../text/utf8';
import { applyTextEdits } from '../text/edits';
import type { Problem, TextEdit } from '../types';
import { createClassifier, type Classifier, type FileKind } from './classify';
import { nodeHost, type WorkspaceHost } from './host';

interface EventFile {
  layout: EventFileLayout;
  /** Undefined once editor changes went straight to the validator, which then holds the text. */
  text: string | undefined;
  validator: EventFileValidator;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class Workspace {
  readonly root: string;
  private readonly host: WorkspaceHost;
  private configValue!: EventlineConfig;
  private configProblems: Problem[] = [];
  private classifier!: Classifier;
  private registryValue!: SchemaRegistry;
  private readonly eventFiles = new Map<string, EventFile>();
  /** Problems that belong to a file before any rule runs: unreadable bytes, too large. */
  private readonly readProblems = new Map<string, Problem[]>();
  /**
   * The latest text handed in for each file (an editor buffer, or the disk as last read). A
   * reload prefers it to the disk, so an unsaved eventline.json or schema edit survives one.
   */
  private readonly given = new Map<string, string>();

  private constructor(root: string, host: WorkspaceHost) {
    this.root = root;
    this.host = host;
  }

  /** Loads eventline.json, every schema and every event file below `root`. */
  static load(root: string, host: WorkspaceHost = nodeHost): Workspace {
    const workspace = new Workspace(root, host);
    workspace.reload();
    return workspace;
  }

  get config(): EventlineConfig {
    return this.configValue;
  }

  get registry(): SchemaRegistry {
    return this.registryValue;
  }

  get configFile(): string {
    return join(this.root, CONFIG_FILE);
  }

  classify(file: string): FileKind {
    return this.classifier.classify(file);
  }

  /** Rereads everything from the host: used at start-up and when eventline.json changes. */
  reload(): void {
    const configText = this.latestText(this.configFile) ?? this.readText(this.configFile);
    this.applyConfig(configText);
    this.registryValue = createSchemaRegistry({ root: this.root, config: this.configValue });
    this.eventFiles.clear();
    this.readProblems.clear();
    for (const file of this.host.listFiles(this.root, (dir) => this.classifier.isExcludedDir(dir))) {
      const kind = this.classify(file);
      if (kind.kind !== 'schema' && kind.kind !== 'events') continue;
      const text = this.latestText(file) ?? this.readText(file);
      if (text !== undefined) this.applyText(file, text);
    }
  }

  /**
   * Sets a file's text (from disk or an editor buffer). Returns every file whose problems may
   * have changed: the file itself and, for a schema, the event files that use its type.
   */
  setText(file: string, text: string): string[] {
    // Text handed in is readable text: a previous read's problem (bad bytes, too large) is gone.
    this.readProblems.delete(file);
    return this.applyText(file, text);
  }

  /** setText without clearing the read problems that the caller has just recorded. */
  private applyText(file: string, text: string): string[] {
    this.given.set(file, text);
    const kind = this.classify(file);
    switch (kind.kind) {
      case 'config': {
        const before = this.files();
        this.reload();
        return unique([...before, ...this.files()]);
      }
      case 'schema': {
        const changedSchemas = this.registryValue.setFile(file, text);
        return unique([...changedSchemas, ...this.eventFilesUsing(changedSchemas)]);
      }
      case 'events': {
        const existing = this.eventFiles.get(file);
        if (existing && existing.layout === kind.layout) existing.text = text;
        else this.eventFiles.set(file, { layout: kind.layout, text, validator: createEventFileValidator(file, kind.layout, this.context()) });
        return [file];
      }
      default:
        return [];
    }
  }

  /**
   * Applies an editor's changes to a file (LSP content changes, in order). An event stream takes
   * them line by line, so a keystroke in a 100,000-line file re-checks one line and never reads
   * the whole buffer; other files are small and are revalidated whole. Returns the files whose
   * problems may have changed, as setText does.
   */
  applyEdits(file: string, edits: readonly TextEdit[]): string[] {
    const entry = this.eventFiles.get(file);
    const kind = this.classify(file);
    if (entry && kind.kind === 'events' && entry.layout === kind.layout && !this.readProblems.has(file)) {
      entry.validator.applyEdits(edits);
      entry.text = undefined;
      this.given.delete(file);
      return [file];
    }
    return this.setText(file, applyTextEdits(this.latestText(file) ?? '', edits));
  }

  /** Sets a file's content from raw bytes, reporting invalid UTF-8 instead of guessing. */
  setBytes(file: string, bytes: Uint8Array): string[] {
    this.readProblems.delete(file);
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      this.readProblems.set(file, [invalidUtf8Problem(file, bytes)]);
      text = '';
    }
    return this.applyText(file, text);
  }

  /**
   * Rereads one file through the host (it changed on disk, or its editor buffer closed), with the
   * same size and UTF-8 checks as start-up. Returns the files whose problems may have changed.
   */
  reread(file: string): string[] {
    const kind = this.classify(file);
    if (kind.kind === 'config') return this.remove(file);
    if (kind.kind !== 'schema' && kind.kind !== 'events') return [];
    const changed = this.remove(file);
    const text = this.readText(file);
    return unique([...changed, ...(text === undefined ? [] : this.applyText(file, text))]);
  }

  /** Forgets a deleted file. Returns the files whose problems may have changed (including it). */
  remove(file: string): string[] {
    this.readProblems.delete(file);
    this.given.delete(file);
    const kind = this.classify(file);
    if (kind.kind === 'schema') {
      const changed = this.registryValue.removeFile(file);
      return unique([file, ...changed, ...this.eventFilesUsing(changed)]);
    }
    if (kind.kind === 'config') {
      const before = this.files();
      this.reload();
      return unique([...before, ...this.files()]);
    }
    this.eventFiles.delete(file);
    return [file];
  }

  /** Every file Eventline validates: eventline.json (when present), schemas, event files. */
  files(): string[] {
    // readProblems: a file too large to validate is still shown, with its warning.
    const files = [...this.registryValue.files(), ...this.eventFiles.keys(), ...this.readProblems.keys()];
    if (this.host.sizeOf(this.configFile) !== undefined || this.configProblems.length > 0) files.unshift(this.configFile);
    return unique(files);
  }

  /** Problems of one file, sorted by position. */
  problems(file: string): Problem[] {
    const read = this.readProblems.get(file) ?? [];
    let problems: Problem[];
    const kind = this.classify(file);
    if (kind.kind === 'config') problems = this.configProblems;
    else if (kind.kind === 'schema') problems = this.registryValue.problems(file);
    else if (kind.kind === 'events') {
      const entry = this.eventFiles.get(file);
      problems = !entry ? [] : entry.text === undefined ? entry.validator.applyEdits([]) : entry.validator.validate(entry.text);
    } else problems = [];
    return sortProblems(applySeverityOverrides([...read, ...problems], this.configValue.diagnostics));
  }

  /** Problems of every file, in file order. */
  allProblems(): Map<string, Problem[]> {
    const all = new Map<string, Problem[]>();
    for (const file of this.files()) all.set(file, this.problems(file));
    return all;
  }

  private context() {
    return { registry: this.registryValue, config: this.configValue };
  }

  private eventFilesUsing(schemaFiles: string[]): string[] {
    const types = new Set(schemaFiles.flatMap((f) => this.registryValue.typesAffectedBy(f)));
    if (types.size === 0) return [];
    const out: string[] = [];
    for (const [file, entry] of this.eventFiles) {
      // typesUsed holds unknown names too, so a new schema clears "unknown event type" errors.
      const used = entry.validator.typesUsed();
      if ([...types].some((t) => used.has(t)) || used.size === 0) out.push(file);
    }
    return out;
  }

  /** The newest text Eventline was handed for a file, if any (an editor buffer or a disk read). */
  private latestText(file: string): string | undefined {
    const entry = this.eventFiles.get(file);
    if (entry && entry.text === undefined) return entry.validator.currentText();
    return this.given.get(file);
  }

  private applyConfig(text: string | undefined): void {
    this.configProblems = [];
    let value: unknown;
    if (text !== undefined) {
      const doc = parseJsonDocument(text);
      const lines = new LineIndex(text);
      const file = this.configFile;
      this.configProblems.push(...doc.syntaxErrors.map((e) => problemAt('json/syntax-error', `${e.message} (eventline.json keeps its defaults until it parses)`, e, lines, file)));
      value = doc.value;
      const { config, findings } = resolveConfig(value);
      this.configProblems.push(...findings.map((f) => placeFinding(f, doc, lines, file)));
      this.configValue = config;
    } else {
      this.configValue = resolveConfig(undefined).config;
    }
    this.classifier = createClassifier(this.root, this.configValue);
  }

  private readText(file: string): string | undefined {
    const size = this.host.sizeOf(file);
    if (size === undefined) return undefined;
    const limit = (this.configValue?.maxFileSizeMB ?? 64) * 1024 * 1024;
    if (size > limit) {
      this.readProblems.set(file, [{ code: 'file/too-large', severity: 'warning', message: `The file is ${(size / 1048576).toFixed(1)} MB, over maxFileSizeMB (${limit / 1048576} MB) in eventline.json: it is not validated.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, file }]);
      return undefined;
    }
    const bytes = this.host.readFile(file);
    if (!bytes) return undefined;
    try {
      return utf8.decode(bytes);
    } catch {
      this.readProblems.set(file, [invalidUtf8Problem(file, bytes)]);
      return '';
    }
  }
}

/** Placed at the first bad byte: the valid prefix decodes, so its end is the position. */
function invalidUtf8Problem(file: string, bytes: Uint8Array): Problem {
  const at = Math.max(0, firstInvalidUtf8(bytes));
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
  const start = new LineIndex(prefix).positionAt(prefix.length);
  return {
    code: 'file/invalid-utf8',
    severity: 'error',
    message: `The file is not valid UTF-8: byte 0x${bytes[at].toString(16).padStart(2, '0')} at offset ${at} is not part of a UTF-8 character. Save the file as UTF-8 (it may be Latin-1 or Windows-1252).`,
    range: { start, end: { line: start.line, character: start.character + 1 } },
    file,
  };
}

function unique(files: string[]): string[] {
  return [...new Set(files)];
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
}
