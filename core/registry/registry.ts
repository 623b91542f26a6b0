// The schema registry: every schema file's text in, event types, versions, problems and compiled
// validators out. Files arrive through setFile/removeFile (the registry never reads the disk).
//
// Layout (see layout.ts): <schemasDir>/<EventType>/<MAJOR.MINOR>.schema.(json|yaml|yml) holds one
// event schema; any folder whose name starts with "_" (e.g. schemas/_common/) holds shared
// definitions that event schemas `$ref` (they need no x-event block and are not event types).
//
// Caching: each file is parsed and checked on its own once per change (schemaFile.ts). What
// depends on other files (refs, duplicates, partition keys, compilation) is computed on demand
// and cached until the file, or a file it references directly or transitively, changes. Each
// event schema compiles lazily into one ajv validator, on its first validateData or problems call.
import type { ValidateFunction } from 'ajv';
import { join, relative, sep } from 'node:path';
import type { EventlineConfig } from '../config/config';
import { diffSchemas } from '../compat/diff';
import { versioningFindings } from '../compat/versioning';
import { checkGranularity } from '../naming/naming';
import { placeFinding } from '../problems';
import type { Finding, Problem } from '../types';
import { compileValidator, locateCompileFailure } from './compile';
import { dataFindings } from './dataFindings';
import { describeLocation, findRefCycle, refTargetFile, resolveRef, type DocLookup, type SchemaLocation } from './refs';
import { analyzeSchemaFile, headPath, type AnalyzedSchema } from './schemaFile';
import { declaresPointer, objectShape } from './shape';
import type { EventSchema, SchemaRegistry } from './types';

export interface RegistryOptions {
  /** Workspace root (absolute). */
  root: string;
  config: EventlineConfig;
}

export function createSchemaRegistry(options: RegistryOptions): SchemaRegistry {
  return new Registry(options);
}

interface Compiled {
  /**
   * Stops at the first error: the fast pass every event takes. Null when there is no usable
   * validator (the schema or a file it references is broken).
   */
  validate: ValidateFunction | null;
  /** Reports every error; compiled on the first data `validate` rejects (see AjvPurpose). */
  validateAll?: ValidateFunction;
  /** What compileValidator needs to compile `validateAll`. */
  recompile?: () => ValidateFunction | undefined;
  /** "OrderPlaced 1.0, schemas/OrderPlaced/1.0.schema.json": names the schema in data messages. */
  label: string;
  /** schema/compile-failed, when ajv refused the schema or a referenced file blocks it. */
  failure?: Problem;
}

interface TypeIndex {
  /** type -> version -> files declaring it, sorted by path (the first one is used). */
  byType: Map<string, Map<string, string[]>>;
  types: string[];
  ids: Map<string, string>;
}

class Registry implements SchemaRegistry {
  private readonly root: string;
  private readonly schemasRoot: string;
  private readonly pastTense: boolean;
  private readonly docs = new Map<string, AnalyzedSchema & { text: string }>();
  /** file -> files its `$ref`s point into (existing or not, so a file appearing later is noticed). */
  private readonly dependencies = new Map<string, Set<string>>();
  private readonly problemCache = new Map<string, Problem[]>();
  private readonly compiled = new Map<string, Compiled>();
  private readonly generations = new Map<string, number>();
  /** Types a file declared before and after its last change (also after removal). */
  private readonly recentTypes = new Map<string, Set<string>>();
  private typeIndex: TypeIndex | undefined;
  private readonly lookup: DocLookup;
  private readonly config: EventlineConfig;

  constructor(options: RegistryOptions) {
    this.root = options.root;
    this.schemasRoot = join(options.root, options.config.schemasDir);
    this.pastTense = options.config.naming.pastTense;
    this.config = options.config;
    this.lookup = {
      doc: (file) => this.docs.get(file),
      fileWithId: (id) => this.index().ids.get(id),
      display: (file) => this.display(file),
    };
  }

  // ---- files -------------------------------------------------------------------------------

  setFile(file: string, text: string): string[] {
    const before = this.docs.get(file);
    if (before && before.text === text) return [file];
    const partnersBefore = before?.event ? this.filesDeclaring(before.event.type, before.event.version) : [];
    const dependantsBefore = this.dependantsOf(file);
    const analyzed = analyzeSchemaFile(file, text, { schemasRoot: this.schemasRoot, display: (f) => this.display(f), pastTense: this.pastTense });
    this.docs.set(file, { ...analyzed, text });
    this.typeIndex = undefined;
    this.dependencies.set(file, this.dependenciesOf(file));
    // A new or changed $id can change where other files' absolute refs point.
    if (before?.id !== analyzed.id) this.recomputeDependencies();
    const partnersAfter = analyzed.event ? this.filesDeclaring(analyzed.event.type, analyzed.event.version) : [];
    return this.changed(file, before, [...partnersBefore, ...partnersAfter, ...dependantsBefore]);
  }

  removeFile(file: string): string[] {
    const before = this.docs.get(file);
    if (!before) return [];
    const partners = before.event ? this.filesDeclaring(before.event.type, before.event.version) : [];
    const dependantsBefore = this.dependantsOf(file);
    this.docs.delete(file);
    this.dependencies.delete(file);
    this.typeIndex = undefined;
    if (before.id !== undefined) this.recomputeDependencies();
    return this.changed(file, before, [...partners, ...dependantsBefore]);
  }

  files(): string[] {
    return [...this.docs.keys()].sort();
  }

  problems(file: string): Problem[] {
    const cached = this.problemCache.get(file);
    if (cached) return cached;
    const doc = this.docs.get(file);
    if (!doc) return [];
    const problems = sortProblems([...doc.localProblems, ...this.crossFileProblems(doc)]);
    this.problemCache.set(file, problems);
    return problems;
  }

  typesAffectedBy(file: string): string[] {
    const types = new Set(this.recentTypes.get(file) ?? []);
    for (const affected of [file, ...this.dependantsOf(file)]) {
      const type = this.docs.get(affected)?.event?.type;
      if (type !== undefined) types.add(type);
    }
    return [...types].sort();
  }

  // ---- lookup ------------------------------------------------------------------------------

  eventTypes(): string[] {
    return this.index().types;
  }

  versions(type: string): string[] {
    const versions = this.index().byType.get(type);
    return versions ? [...versions.keys()] : [];
  }

  get(type: string, version: string): EventSchema | undefined {
    const file = this.index().byType.get(type)?.get(version)?.[0];
    return file === undefined ? undefined : this.docs.get(file)?.event;
  }

  validateData(type: string, version: string, data: unknown): Finding[] | undefined {
    const file = this.index().byType.get(type)?.get(version)?.[0];
    if (file === undefined) return undefined;
    const compiled = this.compiled.get(file) ?? this.compile(file);
    const validate = compiled.validate;
    if (!validate) return undefined;
    if (validate(data)) return [];
    compiled.validateAll ??= compiled.recompile?.();
    const all = compiled.validateAll;
    // Same schema, so it rejects the same data; its errors are the complete list.
    if (all && !all(data)) return dataFindings(all.errors ?? [], data, compiled.label);
    return dataFindings(validate.errors ?? [], data, compiled.label);
  }

  generationOf(type: string): number {
    return this.generations.get(type) ?? 0;
  }

  // ---- change propagation ------------------------------------------------------------------

  /** `alsoAffected`: duplicate-version partners and the file's dependants before the change. */
  private changed(file: string, before: AnalyzedSchema | undefined, alsoAffected: string[]): string[] {
    const after = this.docs.get(file);
    const affected = new Set([file, ...this.dependantsOf(file), ...alsoAffected]);
    const types = new Set<string>();
    for (const f of affected) {
      this.problemCache.delete(f);
      this.compiled.delete(f);
      const type = this.docs.get(f)?.event?.type;
      if (type !== undefined) types.add(type);
    }
    const ownTypes = new Set([before?.event?.type, after?.event?.type].filter((t): t is string => t !== undefined));
    this.recentTypes.set(file, ownTypes);
    // Versions of a type are checked against each other (compatibility): editing 1.0 changes 1.1's problems.
    for (const type of new Set([...types, ...ownTypes])) {
      for (const sibling of this.filesOfType(type)) {
        affected.add(sibling);
        this.problemCache.delete(sibling);
      }
    }
    for (const type of new Set([...types, ...ownTypes])) this.generations.set(type, (this.generations.get(type) ?? 0) + 1);
    return [...affected].filter((f) => f === file || this.docs.has(f)).sort();
  }

  private recomputeDependencies(): void {
    for (const file of this.docs.keys()) this.dependencies.set(file, this.dependenciesOf(file));
  }

  private dependenciesOf(file: string): Set<string> {
    const doc = this.docs.get(file)!;
    const targets = new Set<string>();
    for (const site of doc.index.refs) {
      const target = refTargetFile(doc, site.ref, this.lookup);
      if (target !== undefined && target !== file) targets.add(target);
    }
    return targets;
  }

  /** Files that reference `file`, directly or through other files. */
  private dependantsOf(file: string): string[] {
    const reverse = new Map<string, string[]>();
    for (const [source, targets] of this.dependencies) {
      for (const target of targets) {
        const list = reverse.get(target);
        if (list) list.push(source);
        else reverse.set(target, [source]);
      }
    }
    const seen = new Set<string>([file]);
    const queue = [file];
    while (queue.length > 0) {
      for (const source of reverse.get(queue.shift()!) ?? []) {
        if (!seen.has(source)) {
          seen.add(source);
          queue.push(source);
        }
      }
    }
    seen.delete(file);
    return [...seen];
  }

  /** `file` and every existing file it references, directly or transitively. */
  private closureOf(file: string): string[] {
    const seen = new Set<string>([file]);
    const queue = [file];
    while (queue.length > 0) {
      for (const target of this.dependencies.get(queue.shift()!) ?? []) {
        if (!seen.has(target) && this.docs.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    return [...seen];
  }

  private index(): TypeIndex {
    if (this.typeIndex) return this.typeIndex;
    const byType = new Map<string, Map<string, string[]>>();
    const ids = new Map<string, string>();
    for (const file of [...this.docs.keys()].sort()) {
      const doc = this.docs.get(file)!;
      if (doc.id !== undefined && !ids.has(doc.id)) ids.set(doc.id, file);
      const event = doc.event;
      if (!event) continue;
      let versions = byType.get(event.type);
      if (!versions) byType.set(event.type, (versions = new Map()));
      const files = versions.get(event.version);
      if (files) files.push(file);
      else versions.set(event.version, [file]);
    }
    for (const [type, versions] of byType) {
      const sorted = [...versions.entries()].sort(([a], [b]) => compareVersions(a, b));
      byType.set(type, new Map(sorted));
    }
    this.typeIndex = { byType, types: [...byType.keys()].sort(), ids };
    return this.typeIndex;
  }

  private filesOfType(type: string): string[] {
    return [...(this.index().byType.get(type)?.values() ?? [])].flat();
  }

  /** compat/breaking-change and compat/upcaster-needed (core/compat/versioning.ts), between schemas that compile. */
  private compatibilityFindings(doc: AnalyzedSchema): Finding[] {
    const event = doc.event!;
    if (!doc.compilable || this.get(event.type, event.version)?.file !== doc.file) return [];
    const versions = this.versions(event.type).map((v) => this.get(event.type, v)!).filter((v) => this.docs.get(v.file)?.compilable);
    const resolve = (ref: string, from: { file: string }) => {
      const source = this.docs.get(from.file);
      const resolved = source ? resolveRef(source, ref, this.lookup) : undefined;
      return resolved?.ok ? resolved.target : undefined;
    };
    const policy = this.config.compatibilityPolicy;
    return versioningFindings(event, versions, {
      mode: this.config.compatibility,
      policy,
      diff: (older, newer) => diffSchemas(older.schema, newer.schema, { policy, oldFile: older.file, newFile: newer.file, resolve, display: (f) => this.display(f) }),
    });
  }

  private filesDeclaring(type: string, version: string): string[] {
    return this.index().byType.get(type)?.get(version) ?? [];
  }

  // ---- problems that need other files -------------------------------------------------------

  private crossFileProblems(doc: AnalyzedSchema): Problem[] {
    if (doc.value === undefined) return [];
    const findings: Finding[] = [];
    const problems: Problem[] = [];
    findings.push(...this.refFindings(doc));

    const event = doc.event;
    if (event) {
      const others = this.filesDeclaring(event.type, event.version).filter((f) => f !== doc.file);
      if (others.length > 0) problems.push(this.duplicateProblem(doc, others));
      const root: SchemaLocation = { file: doc.file, path: [], node: doc.value };
      if (event.partitionKey !== undefined && !declaresPointer(root, event.partitionKey, this.lookup)) {
        findings.push({ code: 'schema/partition-key-not-found', message: `x-event.partitionKey "${event.partitionKey}" names no property the schema declares: point it at a property of data (under "properties", also through $ref and allOf), e.g. "/customerId".`, path: ['x-event', 'partitionKey'] });
      }
      findings.push(...checkGranularity(event.type, objectShape(root, this.lookup)));
      findings.push(...this.compatibilityFindings(doc));
      const failure = (this.compiled.get(doc.file) ?? this.compile(doc.file)).failure;
      if (failure) problems.push(failure);
    }
    return [...problems, ...findings.map((f) => placeFinding(f, doc.doc, doc.lines, doc.file))];
  }

  /** unresolved-ref and ref-cycle, at each `$ref` value. */
  private refFindings(doc: AnalyzedSchema): Finding[] {
    const findings: Finding[] = [];
    for (const site of doc.index.refs) {
      const path = [...site.at, '$ref'];
      const resolved = resolveRef(doc, site.ref, this.lookup);
      if (!resolved.ok) {
        if (!resolved.unreadable) findings.push({ code: 'schema/unresolved-ref', message: resolved.message, path });
        continue;
      }
      const start: SchemaLocation = { file: doc.file, path: site.at, node: valueAtSite(doc.value, site.at) };
      const cycle = findRefCycle(start, this.lookup);
      if (cycle) {
        const chain = cycle.filter((l, i) => i === 0 || i === cycle.length - 1 || hasRef(l.node)).map((l) => describeLocation(l, doc.file, this.lookup));
        findings.push({ code: 'schema/ref-cycle', message: `$ref "${site.ref}" loops back to itself without describing any value (${chain.join(' → ')}): a validator would never finish. Make one schema in the loop describe the value (e.g. "type": "object" with the recursive $ref under "properties" or "items").`, path });
      }
    }
    return findings;
  }

  private duplicateProblem(doc: AnalyzedSchema, others: string[]): Problem {
    const event = doc.event!;
    const names = others.map((f) => this.display(f)).join(', ');
    const problem = placeFinding({ code: 'schema/duplicate-version', message: `${event.type} ${event.version} is also declared by ${names}: keep one file per event type and version (delete one, or give it the next version).`, path: ['x-event', 'version'] }, doc.doc, doc.lines, doc.file);
    problem.related = others.flatMap((f) => {
      const other = this.docs.get(f);
      if (!other) return [];
      const span = other.doc.locate(['x-event', 'version']);
      return [{ file: f, range: other.lines.rangeAt(span.offset, span.length), message: `${event.type} ${event.version} is declared here too` }];
    });
    return problem;
  }

  // ---- compilation -------------------------------------------------------------------------

  private compile(file: string): Compiled {
    const doc = this.docs.get(file)!;
    const label = doc.event ? `${doc.event.type} ${doc.event.version}, ${this.display(file)}` : this.display(file);
    let compiled: Compiled;
    if (!doc.compilable || !doc.dialect || this.hasRefProblems(doc)) {
      compiled = { validate: null, label }; // its own problems say why
    } else {
      const closure = this.closureOf(file);
      const broken = closure.find((f) => f !== file && (!this.docs.get(f)!.compilable || this.hasRefProblems(this.docs.get(f)!)));
      if (broken !== undefined) {
        compiled = { validate: null, label, failure: this.blockedBy(doc, broken) };
      } else {
        const dialect = doc.dialect;
        const docs = closure.map((f) => this.docs.get(f)!);
        const result = compileValidator(doc, dialect, docs, this.lookup, 'first-error');
        const recompile = () => {
          const all = compileValidator(doc, dialect, docs, this.lookup, 'all-errors');
          return all.ok ? all.validate : undefined;
        };
        compiled = result.ok
          ? { validate: result.validate, label, recompile }
          : { validate: null, label, failure: this.compileFailure(doc, result.message) };
      }
    }
    this.compiled.set(file, compiled);
    return compiled;
  }

  /** compile-failed at the offending keyword when it can be found (a bad regex), else the file's first key. */
  private compileFailure(doc: AnalyzedSchema, reason: string): Problem {
    const at = locateCompileFailure(doc.value);
    const message = `The schema cannot be compiled into a validator: ${reason}. Fix the schema (or the files it references) so ajv accepts it.`;
    return placeFinding({ code: 'schema/compile-failed', message, path: at ?? headPath(doc.value as Record<string, unknown>), target: at ? 'value' : 'key' }, doc.doc, doc.lines, doc.file);
  }

  private hasRefProblems(doc: AnalyzedSchema): boolean {
    return this.refFindings(doc).length > 0;
  }

  /** compile-failed at the `$ref` through which `file` reaches the broken file. */
  private blockedBy(doc: AnalyzedSchema, broken: string): Problem {
    const site = doc.index.refs.find((s) => {
      const target = refTargetFile(doc, s.ref, this.lookup);
      return target !== undefined && target !== doc.file && this.closureOf(target).includes(broken);
    });
    const path = site ? [...site.at, '$ref'] : headPath(doc.value as Record<string, unknown>);
    return placeFinding({ code: 'schema/compile-failed', message: `The schema cannot be compiled: it uses ${this.display(broken)}, which has errors. Fix them there first.`, path, target: site ? 'value' : 'key' }, doc.doc, doc.lines, doc.file);
  }

  private display(file: string): string {
    return relative(this.root, file).split(sep).join('/');
  }
}

function valueAtSite(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const segment of path) node = node === null || typeof node !== 'object' ? undefined : (node as Record<string | number, unknown>)[segment];
  return node;
}

function hasRef(node: unknown): boolean {
  return typeof node === 'object' && node !== null && typeof (node as Record<string, unknown>).$ref === 'string';
}

function compareVersions(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
}
