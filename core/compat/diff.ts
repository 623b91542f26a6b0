// diffSchemas(old, new): every change between two JSON Schemas, classified as Confluent Schema
// Registry classifies JSON Schema changes (see types.ts), each with its verdict in both
// directions. The walk mirrors Confluent's SchemaDiff: classify both nodes (shape.ts), handle a
// combined schema facing a plain one, then compare class by class. Recursive schemas terminate:
// a pair of nodes already being compared further up the walk is not compared again.
import type { JsonPath } from '../types';
import { composeMessage } from './messages';
import { canonical, child, hasAssertions, isObject, nodeKey, shapeOf, type Criterion, type RefResolver, type SchemaNode, type Shape } from './shape';
import { inverseOf, isBackwardCompatible, isPolicyDependent, type ChangeKind, type CompatPolicy, type SchemaChange } from './types';

export type { RefResolver, SchemaNode } from './shape';

export interface DiffOptions {
  /** Default lenient. */
  policy?: CompatPolicy;
  /** Resolves `$ref`s across files (the registry's or the CLI's); in-document "#/..." refs work without it. */
  resolve?: RefResolver;
  /** Names of the two files (for refs and messages); default "<old>" and "<new>". */
  oldFile?: string;
  newFile?: string;
  /** How to name another file in a message. */
  display?: (file: string) => string;
}

/** Where a change is reported: a path in the new root file, and the place inside another file when the change is there. */
interface At {
  path: JsonPath;
  via?: string;
}

interface Raw {
  kind: ChangeKind;
  at: At;
  backward: boolean;
  forward: boolean;
  detail: string;
  policyDependent: boolean;
}

interface Env {
  policy: CompatPolicy;
  resolve: RefResolver;
  newFile: string;
  display: (file: string) => string;
}

const MAX_DEPTH = 256;

class Ctx {
  readonly changes: Raw[] = [];
  constructor(
    readonly env: Env,
    readonly stack: Set<string>,
  ) {}

  sub(): Ctx {
    return new Ctx(this.env, this.stack);
  }

  get backwardOk(): boolean {
    return this.changes.every((c) => c.backward);
  }

  get forwardOk(): boolean {
    return this.changes.every((c) => c.forward);
  }

  /** `forward` defaults to the inverse kind's backward verdict; `backward` to the kind's own. */
  add(kind: ChangeKind, at: At, detail: string, verdict: { backward?: boolean; forward?: boolean; policyDependent?: boolean } = {}): void {
    const policy = this.env.policy;
    const inverse = inverseOf(kind);
    const backward = verdict.backward ?? isBackwardCompatible(kind, policy);
    const forward = verdict.forward ?? (inverse ? isBackwardCompatible(inverse, policy) : true);
    const policyDependent = verdict.policyDependent ?? (isPolicyDependent(kind) || (inverse !== undefined && isPolicyDependent(inverse)));
    this.changes.push({ kind, at, backward, forward, detail, policyDependent });
  }

  addAll(changes: Raw[]): void {
    this.changes.push(...changes);
  }
}

export function diffSchemas(oldSchema: unknown, newSchema: unknown, options: DiffOptions = {}): SchemaChange[] {
  const oldFile = options.oldFile ?? '<old>';
  const newFile = options.newFile ?? '<new>';
  const roots = new Map<string, unknown>([[oldFile, oldSchema], [newFile, newSchema]]);
  const local: RefResolver = (ref, from) => (ref.startsWith('#') ? pointerIn(from.file, roots.get(from.file), ref.slice(1)) : undefined);
  const resolve: RefResolver = options.resolve ? (ref, from) => options.resolve!(ref, from) ?? local(ref, from) : local;
  const env: Env = { policy: options.policy ?? 'lenient', resolve, newFile, display: options.display ?? ((f) => f) };
  const ctx = new Ctx(env, new Set());
  compare(ctx, { file: oldFile, path: [], node: oldSchema }, { file: newFile, path: [], node: newSchema }, { path: [] });
  return finish(ctx.changes, env.policy);
}

/** True when every change is compatible in the direction(s) asked. */
export function isCompatible(changes: readonly SchemaChange[], direction: { backward: boolean; forward: boolean }): boolean {
  return changes.every((c) => (!direction.backward || c.backward) && (!direction.forward || c.forward));
}

function finish(raws: Raw[], policy: CompatPolicy): SchemaChange[] {
  const seen = new Set<string>();
  const out: SchemaChange[] = [];
  for (const raw of raws) {
    const path = toPointer(raw.at.path);
    const detail = raw.at.via ? `${raw.detail} (in ${raw.at.via})` : raw.detail;
    const key = `${raw.kind}\u0000${path}\u0000${detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const change: SchemaChange = { kind: raw.kind, path, backward: raw.backward, forward: raw.forward, message: composeMessage(raw.kind, detail, raw.backward, raw.forward, policy, raw.policyDependent), detail };
    if (raw.policyDependent) change.policyDependent = true;
    out.push(change);
  }
  return out;
}

export function toPointer(path: JsonPath): string {
  return `#${path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
}

function pointerIn(file: string, root: unknown, pointer: string): SchemaNode | undefined {
  if (root === undefined) return undefined;
  const path: (string | number)[] = [];
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      node = node[Number(segment)];
      path.push(Number(segment));
    } else if (isObject(node) && Object.hasOwn(node, segment)) {
      node = node[segment];
      path.push(segment);
    } else return undefined;
  }
  return { file, path, node };
}

// ---- positions -------------------------------------------------------------------------------

/** Where `loc` is reported: its own path when it is in the new file, else the `$ref` site that led there. */
function atOf(ctx: Ctx, loc: SchemaNode, parent: At): At {
  if (loc.file === ctx.env.newFile) return { path: loc.path };
  return { path: parent.path, via: `${ctx.env.display(loc.file)}${toPointer(loc.path)}` };
}

/** A position below `at` that may not exist in the new schema (something removed). */
function below(at: At, ...segments: (string | number)[]): At {
  return at.via ? { path: at.path, via: `${at.via}/${segments.join('/')}` } : { path: [...at.path, ...segments] };
}

function where(n: SchemaNode | undefined, at: At, ctx: Ctx, ...segments: (string | number)[]): At {
  return n ? atOf(ctx, n, at) : below(at, ...segments);
}

// ---- the walk --------------------------------------------------------------------------------

function compare(ctx: Ctx, o: SchemaNode | undefined, n: SchemaNode | undefined, at: At): void {
  if (!o && !n) return;
  if (!o) return ctx.add('SCHEMA_ADDED', at, 'A schema was added where there was none');
  if (!n) return ctx.add('SCHEMA_REMOVED', at, 'A schema was removed');
  const key = `${nodeKey(o)}\u0002${nodeKey(n)}`;
  if (ctx.stack.has(key) || ctx.stack.size > MAX_DEPTH) return; // a recursive schema: this pair is already being compared
  ctx.stack.add(key);
  try {
    compareShapes(ctx, shapeOf(o, ctx.env.resolve), shapeOf(n, ctx.env.resolve), at);
  } finally {
    ctx.stack.delete(key);
  }
}

function compareShapes(ctx: Ctx, so: Shape, sn: Shape, parentAt: At): void {
  const at = atOf(ctx, sn.loc, parentAt);
  const oCombined = so.class === 'combined';
  const nCombined = sn.class === 'combined';
  if (!oCombined && nCombined && combinedMeetsPlain(ctx, so, sn, at)) return;
  if (oCombined && !nCombined && plainMeetsCombined(ctx, so, sn, at)) return;
  if (so.class !== sn.class) return classChanged(ctx, so, sn, at);

  compareMeta(ctx, so, sn, at);
  compareCommon(ctx, so.loc, sn.loc, at);
  switch (so.class) {
    case 'string':
      return compareString(ctx, so.loc, sn.loc, at);
    case 'number':
      return compareNumber(ctx, so, sn, at);
    case 'enum':
      return compareEnum(ctx, so, sn, at);
    case 'object':
      return compareObject(ctx, so.loc, sn.loc, at);
    case 'array':
      return compareArray(ctx, so.loc, sn.loc, at);
    case 'combined':
      return compareCombined(ctx, so, sn, at);
    case 'not':
      return compareNot(ctx, so, sn, at);
    default:
      return;
  }
}

/** Old plain, new combined (Confluent: a one-branch union, or a union one of whose branches reads old data). */
function combinedMeetsPlain(ctx: Ctx, so: Shape, sn: Shape, at: At): boolean {
  const subs = sn.subs!;
  if (subs.length === 1) {
    const sub = ctx.sub();
    compare(sub, so.loc, subs[0], at);
    if (sub.backwardOk) {
      ctx.addAll(sub.changes);
      return true;
    }
    return false;
  }
  if (sn.criterion === 'allOf') return false;
  for (const branch of subs) {
    const sub = ctx.sub();
    compare(sub, so.loc, branch, at);
    if (sub.backwardOk) {
      ctx.addAll(sub.changes.map((c) => ({ ...c, forward: true })));
      ctx.add('SUM_TYPE_EXTENDED', below(at, sn.keyword!), `The schema became a union (${sn.keyword}) that still accepts the old values`, { forward: false });
      return true;
    }
  }
  return false;
}

/** Old combined, new plain (Confluent: a one-branch union, or an allOf one of whose branches the new schema reads). */
function plainMeetsCombined(ctx: Ctx, so: Shape, sn: Shape, at: At): boolean {
  const subs = so.subs!;
  if (subs.length === 1) {
    const sub = ctx.sub();
    compare(sub, subs[0], sn.loc, at);
    if (sub.backwardOk) {
      ctx.addAll(sub.changes);
      return true;
    }
    return false;
  }
  if (so.criterion !== 'allOf') return false;
  for (const branch of subs) {
    const sub = ctx.sub();
    compare(sub, branch, sn.loc, at);
    if (sub.backwardOk) {
      ctx.addAll(sub.changes.map((c) => ({ ...c, forward: true })));
      ctx.add('PRODUCT_TYPE_NARROWED', at, `The allOf was replaced by one of its branches`, { forward: false });
      return true;
    }
  }
  return false;
}

function classChanged(ctx: Ctx, so: Shape, sn: Shape, at: At): void {
  const what = (s: Shape) => (s.class === 'empty' ? 'any value' : s.class === 'false' ? 'nothing (false)' : s.class === 'combined' ? `a ${s.keyword} combination` : s.class === 'number' && s.integer ? 'integer' : s.class === 'enum' ? `${s.keyword} ${JSON.stringify(s.values)}` : s.class);
  const detail = `The type changed from ${what(so)} to ${what(sn)}`;
  if (sn.class === 'empty' || so.class === 'false') return ctx.add('TYPE_EXTENDED', at, detail);
  if (sn.class === 'false' || so.class === 'empty') return ctx.add('TYPE_NARROWED', at, detail);
  // Reversed, Confluent accepts a plain schema read by a union with a branch that reads it.
  let forward = false;
  if (so.class === 'combined' && so.criterion !== 'allOf') {
    forward = so.subs!.some((branch) => {
      const sub = ctx.sub();
      compare(sub, branch, sn.loc, at);
      return sub.forwardOk;
    });
  }
  ctx.add('TYPE_CHANGED', at, detail, { forward });
}

function compareMeta(ctx: Ctx, so: Shape, sn: Shape, at: At): void {
  const pairs: [string, ChangeKind, string][] = [['$id', 'ID_CHANGED', '$id'], ['title', 'TITLE_CHANGED', 'title'], ['description', 'DESCRIPTION_CHANGED', 'description'], ['default', 'DEFAULT_CHANGED', 'default']];
  for (const [key, kind, name] of pairs) {
    if (canonical(so.meta[key]) !== canonical(sn.meta[key])) ctx.add(kind, below(at, key), `The ${name} changed`);
  }
}

/** format and if/then/else: Eventline's own checks (Confluent ignores both). */
function compareCommon(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At): void {
  const on = o.node as Record<string, unknown>;
  const nn = n.node as Record<string, unknown>;
  const of = typeof on.format === 'string' ? on.format : undefined;
  const nf = typeof nn.format === 'string' ? nn.format : undefined;
  if (of !== nf) {
    if (of === undefined) ctx.add('FORMAT_ADDED', below(at, 'format'), `"format": "${nf}" was added`);
    else if (nf === undefined) ctx.add('FORMAT_REMOVED', below(at, 'format'), `"format": "${of}" was removed`);
    else ctx.add('FORMAT_CHANGED', below(at, 'format'), `"format" changed from "${of}" to "${nf}"`);
  }
  const oIf = child(o, 'if');
  const nIf = child(n, 'if');
  if (!oIf && !nIf) return;
  if (!oIf) return ctx.add('CONDITIONAL_ADDED', below(at, 'if'), 'An if/then/else condition was added');
  if (!nIf) return ctx.add('CONDITIONAL_REMOVED', below(at, 'if'), 'The if/then/else condition was removed');
  if (canonical(oIf.node) !== canonical(nIf.node)) return ctx.add('CONDITIONAL_CHANGED', below(at, 'if'), 'The "if" of a condition changed, so its then/else apply to different values');
  compare(ctx, child(o, 'then'), child(n, 'then'), where(child(n, 'then'), at, ctx, 'then'));
  compare(ctx, child(o, 'else'), child(n, 'else'), where(child(n, 'else'), at, ctx, 'else'));
}

function numberAt(loc: SchemaNode, key: string): number | undefined {
  const value = (loc.node as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : undefined;
}

/** maxLength, minimum, minItems...: PREFIX_ADDED / _REMOVED / _INCREASED / _DECREASED. */
function compareBound(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At, key: string, prefix: string): void {
  const ov = numberAt(o, key);
  const nv = numberAt(n, key);
  if (ov === nv) return;
  const place = below(at, key);
  if (ov === undefined) ctx.add(`${prefix}_ADDED` as ChangeKind, place, `"${key}": ${nv} was added`);
  else if (nv === undefined) ctx.add(`${prefix}_REMOVED` as ChangeKind, place, `"${key}": ${ov} was removed`);
  else ctx.add(`${prefix}_${nv > ov ? 'INCREASED' : 'DECREASED'}` as ChangeKind, place, `"${key}" changed from ${ov} to ${nv}`);
}

function compareString(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At): void {
  compareBound(ctx, o, n, at, 'maxLength', 'MAX_LENGTH');
  compareBound(ctx, o, n, at, 'minLength', 'MIN_LENGTH');
  const op = (o.node as Record<string, unknown>).pattern;
  const np = (n.node as Record<string, unknown>).pattern;
  if (op === np) return;
  const place = below(at, 'pattern');
  if (op === undefined) ctx.add('PATTERN_ADDED', place, `"pattern": ${JSON.stringify(np)} was added`);
  else if (np === undefined) ctx.add('PATTERN_REMOVED', place, `"pattern": ${JSON.stringify(op)} was removed`);
  else ctx.add('PATTERN_CHANGED', place, `"pattern" changed from ${JSON.stringify(op)} to ${JSON.stringify(np)}`);
}

function compareNumber(ctx: Ctx, so: Shape, sn: Shape, at: At): void {
  const o = so.loc;
  const n = sn.loc;
  compareBound(ctx, o, n, at, 'maximum', 'MAXIMUM');
  compareBound(ctx, o, n, at, 'minimum', 'MINIMUM');
  compareBound(ctx, o, n, at, 'exclusiveMaximum', 'EXCLUSIVE_MAXIMUM');
  compareBound(ctx, o, n, at, 'exclusiveMinimum', 'EXCLUSIVE_MINIMUM');
  const om = numberAt(o, 'multipleOf');
  const nm = numberAt(n, 'multipleOf');
  if (om !== nm) {
    const place = below(at, 'multipleOf');
    if (om === undefined) ctx.add('MULTIPLE_OF_ADDED', place, `"multipleOf": ${nm} was added`);
    else if (nm === undefined) ctx.add('MULTIPLE_OF_REMOVED', place, `"multipleOf": ${om} was removed`);
    else if (isMultiple(nm, om)) ctx.add('MULTIPLE_OF_EXPANDED', place, `"multipleOf" changed from ${om} to ${nm}, which accepts fewer numbers`);
    else if (isMultiple(om, nm)) ctx.add('MULTIPLE_OF_REDUCED', place, `"multipleOf" changed from ${om} to ${nm}, which accepts more numbers`);
    else ctx.add('MULTIPLE_OF_CHANGED', place, `"multipleOf" changed from ${om} to ${nm}`);
  }
  if (so.integer && !sn.integer) ctx.add('TYPE_EXTENDED', below(at, 'type'), 'The type changed from integer to number');
  if (!so.integer && sn.integer) ctx.add('TYPE_NARROWED', below(at, 'type'), 'The type changed from number to integer');
}

function isMultiple(a: number, b: number): boolean {
  const q = a / b;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

function compareEnum(ctx: Ctx, so: Shape, sn: Shape, at: At): void {
  const ov = new Set(so.values!.map(canonical));
  const nv = new Set(sn.values!.map(canonical));
  const added = [...nv].filter((v) => !ov.has(v));
  const removed = [...ov].filter((v) => !nv.has(v));
  const place = below(at, sn.keyword!);
  if (added.length === 0 && removed.length === 0) return;
  if (removed.length === 0) ctx.add('ENUM_ARRAY_EXTENDED', place, `Allowed values were added: ${added.join(', ')}`);
  else if (added.length === 0) ctx.add('ENUM_ARRAY_NARROWED', place, `Allowed values were removed: ${removed.join(', ')}`);
  else ctx.add('ENUM_ARRAY_CHANGED', place, `Allowed values changed (removed ${removed.join(', ')}; added ${added.join(', ')})`);
}

// ---- objects ---------------------------------------------------------------------------------

type Model = { kind: 'open' } | { kind: 'closed' } | { kind: 'partial'; schema: SchemaNode };

function props(loc: SchemaNode): Map<string, SchemaNode> {
  const map = new Map<string, SchemaNode>();
  const properties = (loc.node as Record<string, unknown>).properties;
  if (isObject(properties)) for (const [k, v] of Object.entries(properties)) map.set(k, { file: loc.file, path: [...loc.path, 'properties', k], node: v });
  return map;
}

function requiredOf(loc: SchemaNode): string[] {
  const required = (loc.node as Record<string, unknown>).required;
  return Array.isArray(required) ? required.filter((r): r is string => typeof r === 'string') : [];
}

/** Whether an unnamed property `key` is accepted by `loc`'s object, and by what schema. */
function modelFor(loc: SchemaNode, key: string): Model {
  const node = loc.node as Record<string, unknown>;
  const patterns = node.patternProperties;
  if (isObject(patterns)) {
    for (const [pattern, schema] of Object.entries(patterns)) {
      if (matches(pattern, key)) return { kind: 'partial', schema: { file: loc.file, path: [...loc.path, 'patternProperties', pattern], node: schema } };
    }
  }
  const ap = node.additionalProperties;
  if (ap === false) return { kind: 'closed' };
  if (isObject(ap) && hasAssertions(ap)) return { kind: 'partial', schema: { file: loc.file, path: [...loc.path, 'additionalProperties'], node: ap } };
  if (ap === undefined && node.unevaluatedProperties === false) return { kind: 'closed' };
  return { kind: 'open' };
}

function matches(pattern: string, key: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(key);
  } catch {
    return false;
  }
}

function hasDefault(ctx: Ctx, loc: SchemaNode | undefined): boolean {
  return loc !== undefined && 'default' in shapeOf(loc, ctx.env.resolve).meta;
}

function isEmpty(ctx: Ctx, loc: SchemaNode): boolean {
  return shapeOf(loc, ctx.env.resolve).class === 'empty';
}

function isFalse(ctx: Ctx, loc: SchemaNode): boolean {
  return shapeOf(loc, ctx.env.resolve).class === 'false';
}

function compareObject(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At): void {
  const op = props(o);
  const np = props(n);
  const oReq = new Set(requiredOf(o));
  const nReqList = requiredOf(n);
  const nReq = new Set(nReqList);
  const requiredAt = (key: string) => (nReqList.includes(key) ? below(at, 'required', nReqList.indexOf(key)) : below(at, 'properties', key));

  // required, for names both declare (and names neither declares as a property).
  for (const key of new Set([...oReq, ...nReq])) {
    // A property added or removed is judged with its content model below; here only what that misses.
    if (np.has(key) && !op.has(key) && !(oReq.has(key) && !nReq.has(key))) continue;
    if (op.has(key) && !np.has(key) && !(nReq.has(key) && !oReq.has(key))) continue;
    if (oReq.has(key) && !nReq.has(key)) {
      ctx.add('REQUIRED_ATTRIBUTE_REMOVED', below(at, 'properties', key), `Property '${key}' is no longer required`, { forward: hasDefault(ctx, op.get(key)) });
    } else if (!oReq.has(key) && nReq.has(key)) {
      if (hasDefault(ctx, np.get(key))) ctx.add('REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED', requiredAt(key), `Property '${key}' became required, with a default`);
      else ctx.add('REQUIRED_ATTRIBUTE_ADDED', requiredAt(key), `Property '${key}' became required`);
    }
  }

  for (const key of new Set([...op.keys(), ...np.keys()])) {
    const os = op.get(key);
    const ns = np.get(key);
    if (os && ns) compare(ctx, os, ns, atOf(ctx, ns, at));
    else if (ns) propertyAdded(ctx, o, key, ns, nReq.has(key), atOf(ctx, ns, at));
    else if (os) propertyRemoved(ctx, n, key, os, oReq.has(key), below(at, 'properties', key));
  }

  compareDependencies(ctx, o, n, at);
  compareOpenness(ctx, o, n, at, 'additionalProperties', 'ADDITIONAL_PROPERTIES', 'additional properties');
  compareOpenness(ctx, o, n, at, 'unevaluatedProperties', 'UNEVALUATED_PROPERTIES', 'unevaluated properties');
  comparePatternProperties(ctx, o, n, at);
  compareBound(ctx, o, n, at, 'maxProperties', 'MAX_PROPERTIES');
  compareBound(ctx, o, n, at, 'minProperties', 'MIN_PROPERTIES');
  const oNames = child(o, 'propertyNames');
  const nNames = child(n, 'propertyNames');
  if (!oNames && nNames) ctx.add('PROPERTY_NAMES_ADDED', below(at, 'propertyNames'), '"propertyNames" was added, restricting which names are allowed');
  else if (oNames && !nNames) ctx.add('PROPERTY_NAMES_REMOVED', below(at, 'propertyNames'), '"propertyNames" was removed');
  else if (oNames && nNames) compare(ctx, oNames, nNames, atOf(ctx, nNames, at));
}

/** A property the new schema declares and the old one did not, judged by the OLD schema's content model. */
function propertyAdded(ctx: Ctx, o: SchemaNode, key: string, ns: SchemaNode, required: boolean, at: At): void {
  const model = modelFor(o, key);
  const withDefault = hasDefault(ctx, ns);
  const reqText = required ? (withDefault ? 'required property (with a default)' : 'required property') : 'optional property';
  if (model.kind === 'open') {
    // Reversed, the property disappears from an open model: always readable.
    if (required) ctx.add(withDefault ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL' : 'REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', at, `Added ${reqText} '${key}' to an object with an open content model`, { forward: true });
    else if (isEmpty(ctx, ns)) ctx.add('PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL', at, `Added property '${key}' that accepts any value`, { forward: true });
    else ctx.add('OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', at, `Added optional property '${key}' to an object with an open content model`, { forward: true });
    return;
  }
  if (model.kind === 'partial') {
    const sub = ctx.sub();
    compare(sub, model.schema, ns, at);
    ctx.addAll(sub.changes.filter((c) => !c.backward || !c.forward));
    const forward = sub.forwardOk || ctx.env.policy === 'lenient';
    if (sub.backwardOk) ctx.add('PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', at, `Added property '${key}', whose schema accepts only what the content model already allowed for that name`, { forward, policyDependent: !sub.forwardOk });
    else ctx.add('PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', at, `Added property '${key}', whose schema does not accept everything the content model allowed for that name`, { forward, policyDependent: true });
    if (required) ctx.add(withDefault ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL' : 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', at, `Added ${reqText} '${key}'`, { forward: true });
    return;
  }
  // closed: old data never has it; reversed, a closed old reader rejects it unless its schema is false.
  const forward = isFalse(ctx, ns);
  if (required) ctx.add(withDefault ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL' : 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', at, `Added ${reqText} '${key}' to an object with a closed content model`, { forward });
  else ctx.add('OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', at, `Added optional property '${key}' to an object with a closed content model`, { forward });
}

/** A property the old schema declared and the new one does not, judged by the NEW schema's content model. */
function propertyRemoved(ctx: Ctx, n: SchemaNode, key: string, os: SchemaNode, wasRequired: boolean, at: At): void {
  const model = modelFor(n, key);
  const lenient = ctx.env.policy === 'lenient';
  const withDefault = hasDefault(ctx, os);
  if (model.kind === 'open') {
    // Reversed, the property is added to an open model: required -> breaks; optional -> the policy decides.
    let forward: boolean;
    let policyDependent = false;
    if (wasRequired && !withDefault) forward = false;
    else if (!wasRequired && isEmpty(ctx, os)) forward = true;
    else {
      forward = lenient;
      policyDependent = true;
    }
    ctx.add('PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL', at, `Removed ${wasRequired ? 'required' : 'optional'} property '${key}' from an object with an open content model`, { forward, policyDependent });
    return;
  }
  if (model.kind === 'partial') {
    const sub = ctx.sub();
    compare(sub, os, model.schema, at);
    ctx.addAll(sub.changes.filter((c) => !c.backward || !c.forward));
    const forward = (sub.forwardOk || lenient) && (!wasRequired || withDefault);
    if (sub.backwardOk) ctx.add('PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', at, `Removed property '${key}'; the content model still accepts its old values`, { forward, policyDependent: !sub.forwardOk });
    else ctx.add('PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', at, `Removed property '${key}'; the content model does not accept all of its old values`, { forward, policyDependent: true });
    return;
  }
  const forward = !wasRequired || withDefault;
  if (isFalse(ctx, os)) ctx.add('PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL', at, `Removed property '${key}', which was forbidden (false) anyway`, { forward });
  else ctx.add('PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL', at, `Removed property '${key}' from an object with a closed content model`, { forward });
}

/** additionalProperties / unevaluatedProperties (and the item keywords): allowed or not, and by what schema. */
function compareOpenness(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At, key: string, prefix: string, what: string): void {
  const oc = child(o, key);
  const nc = child(n, key);
  const permits = (c: SchemaNode | undefined) => c === undefined || !isFalse(ctx, c);
  const schemaOf = (c: SchemaNode | undefined) => (c !== undefined && isObject(c.node) && hasAssertions(c.node) ? c : undefined);
  const place = nc ? atOf(ctx, nc, at) : below(at, key);
  if (permits(oc) !== permits(nc)) {
    if (permits(nc)) ctx.add(`${prefix}_ADDED` as ChangeKind, place, `${capitalize(what)} are allowed again`);
    else ctx.add(`${prefix}_REMOVED` as ChangeKind, place, `${capitalize(what)} are no longer allowed ("${key}": false)`);
    return;
  }
  const os = schemaOf(oc);
  const ns = schemaOf(nc);
  if (!os && ns) ctx.add(`${prefix}_NARROWED` as ChangeKind, place, `${capitalize(what)} must now match a schema`);
  else if (os && !ns) ctx.add(`${prefix}_EXTENDED` as ChangeKind, place, `${capitalize(what)} no longer need to match a schema`);
  else if (os && ns) compare(ctx, os, ns, place);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function comparePatternProperties(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At): void {
  const op = child(o, 'patternProperties');
  const np = child(n, 'patternProperties');
  const oMap = op && isObject(op.node) ? op.node : {};
  const nMap = np && isObject(np.node) ? np.node : {};
  const lenient = ctx.env.policy === 'lenient';
  for (const pattern of new Set([...Object.keys(oMap), ...Object.keys(nMap)])) {
    const os = child(o, 'patternProperties', pattern);
    const ns = child(n, 'patternProperties', pattern);
    if (os && ns) compare(ctx, os, ns, atOf(ctx, ns, at));
    else if (ns) {
      // Names matching the pattern were forbidden (closed) or free (open) before.
      const closed = (o.node as Record<string, unknown>).additionalProperties === false;
      ctx.add('PATTERN_PROPERTY_ADDED', atOf(ctx, ns, at), `"patternProperties" gained ${JSON.stringify(pattern)}`, closed ? { backward: true, forward: false } : { backward: lenient, forward: true, policyDependent: true });
    } else if (os) {
      const closed = (n.node as Record<string, unknown>).additionalProperties === false;
      ctx.add('PATTERN_PROPERTY_REMOVED', below(at, 'patternProperties', pattern), `"patternProperties" lost ${JSON.stringify(pattern)}`, closed ? { backward: false, forward: true } : { backward: true, forward: lenient, policyDependent: true });
    }
  }
}

function compareDependencies(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At): void {
  const arrays = (loc: SchemaNode) => {
    const map = new Map<string, { names: string[]; keyword: string }>();
    for (const keyword of ['dependencies', 'dependentRequired']) {
      const value = (loc.node as Record<string, unknown>)[keyword];
      if (!isObject(value)) continue;
      for (const [k, v] of Object.entries(value)) if (Array.isArray(v)) map.set(k, { names: v.filter((x): x is string => typeof x === 'string'), keyword });
    }
    return map;
  };
  const schemas = (loc: SchemaNode) => {
    const map = new Map<string, SchemaNode>();
    for (const keyword of ['dependencies', 'dependentSchemas']) {
      const value = (loc.node as Record<string, unknown>)[keyword];
      if (!isObject(value)) continue;
      for (const [k, v] of Object.entries(value)) if (!Array.isArray(v)) map.set(k, { file: loc.file, path: [...loc.path, keyword, k], node: v });
    }
    return map;
  };
  const oa = arrays(o);
  const na = arrays(n);
  for (const key of new Set([...oa.keys(), ...na.keys()])) {
    const ov = oa.get(key);
    const nv = na.get(key);
    const place = below(at, (nv ?? ov)!.keyword, key);
    if (!nv) ctx.add('DEPENDENCY_ARRAY_REMOVED', place, `The dependency of '${key}' on ${ov!.names.join(', ')} was removed`);
    else if (!ov) ctx.add('DEPENDENCY_ARRAY_ADDED', place, `'${key}' now requires ${nv.names.join(', ')}`);
    else {
      const os = new Set(ov.names);
      const ns = new Set(nv.names);
      if (os.size === ns.size && [...os].every((x) => ns.has(x))) continue;
      if ([...os].every((x) => ns.has(x))) ctx.add('DEPENDENCY_ARRAY_EXTENDED', place, `'${key}' now requires more properties (${nv.names.join(', ')})`);
      else if ([...ns].every((x) => os.has(x))) ctx.add('DEPENDENCY_ARRAY_NARROWED', place, `'${key}' now requires fewer properties (${nv.names.join(', ')})`);
      else ctx.add('DEPENDENCY_ARRAY_CHANGED', place, `The properties '${key}' requires changed (${ov.names.join(', ')} → ${nv.names.join(', ')})`);
    }
  }
  const os = schemas(o);
  const ns = schemas(n);
  for (const key of new Set([...os.keys(), ...ns.keys()])) {
    const ov = os.get(key);
    const nv = ns.get(key);
    if (!nv) ctx.add('DEPENDENCY_SCHEMA_REMOVED', below(at, ov!.path[ov!.path.length - 2], key), `The schema dependency of '${key}' was removed`);
    else if (!ov) ctx.add('DEPENDENCY_SCHEMA_ADDED', atOf(ctx, nv, at), `A schema dependency for '${key}' was added`);
    else compare(ctx, ov, nv, atOf(ctx, nv, at));
  }
}

// ---- arrays ----------------------------------------------------------------------------------

interface ArrayForm {
  tuple: SchemaNode[];
  tupleKey: 'prefixItems' | 'items';
  rest: SchemaNode | undefined;
  restKey: 'items' | 'additionalItems';
}

/** List form `items: S` is a tuple of no positions followed by S. */
function arrayForm(loc: SchemaNode): ArrayForm {
  const node = loc.node as Record<string, unknown>;
  const at = (k: string, i: number): SchemaNode => ({ file: loc.file, path: [...loc.path, k, i], node: (node[k] as unknown[])[i] });
  if (Array.isArray(node.prefixItems)) return { tuple: node.prefixItems.map((_, i) => at('prefixItems', i)), tupleKey: 'prefixItems', rest: child(loc, 'items'), restKey: 'items' };
  if (Array.isArray(node.items)) return { tuple: node.items.map((_, i) => at('items', i)), tupleKey: 'items', rest: child(loc, 'additionalItems'), restKey: 'additionalItems' };
  return { tuple: [], tupleKey: 'prefixItems', rest: child(loc, 'items'), restKey: 'items' };
}

function compareArray(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At): void {
  const of = arrayForm(o);
  const nf = arrayForm(n);
  const anything = (c: SchemaNode | undefined) => c === undefined || isEmpty(ctx, c);
  if (of.tuple.length === 0 && nf.tuple.length === 0) {
    const os = anything(of.rest) ? undefined : of.rest;
    const ns = anything(nf.rest) ? undefined : nf.rest;
    compare(ctx, os, ns, where(ns, at, ctx, 'items'));
  } else {
    compareTuple(ctx, of, nf, at);
  }
  compareBound(ctx, o, n, at, 'maxItems', 'MAX_ITEMS');
  compareBound(ctx, o, n, at, 'minItems', 'MIN_ITEMS');
  const ou = (o.node as Record<string, unknown>).uniqueItems === true;
  const nu = (n.node as Record<string, unknown>).uniqueItems === true;
  if (!ou && nu) ctx.add('UNIQUE_ITEMS_ADDED', below(at, 'uniqueItems'), '"uniqueItems": true was added');
  if (ou && !nu) ctx.add('UNIQUE_ITEMS_REMOVED', below(at, 'uniqueItems'), '"uniqueItems" was removed');
  const oc = child(o, 'contains');
  const nc = child(n, 'contains');
  if (!oc && nc) ctx.add('CONTAINS_ADDED', below(at, 'contains'), '"contains" was added: arrays must now hold a matching item');
  else if (oc && !nc) ctx.add('CONTAINS_REMOVED', below(at, 'contains'), '"contains" was removed');
  else if (oc && nc) compare(ctx, oc, nc, atOf(ctx, nc, at));
  compareBound(ctx, o, n, at, 'maxContains', 'MAX_CONTAINS');
  compareBound(ctx, o, n, at, 'minContains', 'MIN_CONTAINS');
  compareOpenness(ctx, o, n, at, 'unevaluatedItems', 'UNEVALUATED_ITEMS', 'unevaluated items');
}

function compareTuple(ctx: Ctx, of: ArrayForm, nf: ArrayForm, at: At): void {
  const common = Math.min(of.tuple.length, nf.tuple.length);
  for (let i = 0; i < common; i++) compare(ctx, of.tuple[i], nf.tuple[i], atOf(ctx, nf.tuple[i], at));
  const restModel = (rest: SchemaNode | undefined): Model => (rest === undefined || isEmpty(ctx, rest) ? { kind: 'open' } : isFalse(ctx, rest) ? { kind: 'closed' } : { kind: 'partial', schema: rest });
  // Positions only the old schema lists: judged by what the new one accepts there.
  for (let i = common; i < of.tuple.length; i++) {
    const os = of.tuple[i];
    const place = below(at, nf.tupleKey, i);
    const model = restModel(nf.rest);
    if (model.kind === 'open') ctx.add('ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL', place, `Tuple position ${i} was removed`, { forward: isEmpty(ctx, os) });
    else if (model.kind === 'closed') {
      if (isFalse(ctx, os)) ctx.add('ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL', place, `Tuple position ${i} (false) was removed`, { forward: true });
      else ctx.add('ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL', place, `Tuple position ${i} was removed from a closed tuple`, { forward: true });
    } else {
      const sub = ctx.sub();
      compare(sub, os, model.schema, place);
      if (sub.backwardOk) ctx.add('ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', place, `Tuple position ${i} was removed; the schema for later items still accepts its values`, { forward: sub.forwardOk });
      else ctx.add('ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', place, `Tuple position ${i} was removed; the schema for later items does not accept all its values`, { forward: sub.forwardOk });
    }
  }
  // Positions only the new schema lists: judged by what the old one accepted there.
  for (let i = common; i < nf.tuple.length; i++) {
    const ns = nf.tuple[i];
    const place = atOf(ctx, ns, at);
    const model = restModel(of.rest);
    if (model.kind === 'open') {
      if (isEmpty(ctx, ns)) ctx.add('ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL', place, `Tuple position ${i} was added, accepting any value`, { forward: true });
      else ctx.add('ITEM_ADDED_TO_OPEN_CONTENT_MODEL', place, `Tuple position ${i} was added to an open tuple`, { forward: true });
    } else if (model.kind === 'closed') {
      ctx.add('ITEM_ADDED_TO_CLOSED_CONTENT_MODEL', place, `Tuple position ${i} was added to a closed tuple`, { forward: isFalse(ctx, ns) });
    } else {
      const sub = ctx.sub();
      compare(sub, model.schema, ns, place);
      if (sub.backwardOk) ctx.add('ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', place, `Tuple position ${i} was added; its schema accepts what the old tuple accepted there`, { forward: sub.forwardOk });
      else ctx.add('ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', place, `Tuple position ${i} was added; its schema rejects values the old tuple accepted there`, { forward: sub.forwardOk });
    }
  }
  // What follows the positions (additionalItems, or items after prefixItems).
  const permits = (c: SchemaNode | undefined) => c === undefined || !isFalse(ctx, c);
  const schemaOf = (c: SchemaNode | undefined) => (c !== undefined && !isEmpty(ctx, c) && !isFalse(ctx, c) ? c : undefined);
  const place = nf.rest ? atOf(ctx, nf.rest, at) : below(at, nf.restKey);
  if (permits(of.rest) !== permits(nf.rest)) {
    if (permits(nf.rest)) ctx.add('ADDITIONAL_ITEMS_ADDED', place, 'Items after the tuple positions are allowed again');
    else ctx.add('ADDITIONAL_ITEMS_REMOVED', place, 'Items after the tuple positions are no longer allowed');
    return;
  }
  const os = schemaOf(of.rest);
  const ns = schemaOf(nf.rest);
  if (!os && ns) ctx.add('ADDITIONAL_ITEMS_NARROWED', place, 'Items after the tuple positions must now match a schema');
  else if (os && !ns) ctx.add('ADDITIONAL_ITEMS_EXTENDED', place, 'Items after the tuple positions no longer need to match a schema');
  else if (os && ns) compare(ctx, os, ns, place);
}

// ---- combined and not ------------------------------------------------------------------------

function criteriaChange(from: Shape, to: Shape): ChangeKind | undefined {
  const a = from.criterion!;
  const b = to.criterion!;
  if (a === b) return undefined;
  const single = (s: Shape) => s.subs!.length === 1;
  if (b === 'anyOf' || (single(from) && single(to)) || (single(from) && b === 'oneOf') || (single(to) && a === 'allOf')) return 'COMBINED_TYPE_EXTENDED';
  return 'COMBINED_TYPE_CHANGED';
}

function compareCombined(ctx: Ctx, so: Shape, sn: Shape, at: At): void {
  const place = below(at, sn.keyword!);
  const backwardKind = criteriaChange(so, sn);
  if (backwardKind) {
    const forwardKind = criteriaChange(sn, so);
    ctx.add(backwardKind, place, `The combination changed from ${so.criterion} to ${sn.criterion}`, { forward: forwardKind === 'COMBINED_TYPE_EXTENDED' });
    if (backwardKind === 'COMBINED_TYPE_CHANGED') return;
  }
  const dedupe = (subs: SchemaNode[]) => {
    const seen = new Set<string>();
    return subs.filter((s) => {
      const key = canonical(s.node);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  const os = dedupe(so.subs!);
  const ns = dedupe(sn.subs!);
  if (os.length < ns.length) {
    if (sn.criterion === 'allOf') ctx.add('PRODUCT_TYPE_EXTENDED', place, `allOf gained ${ns.length - os.length} schema(s)`, { forward: true });
    else ctx.add('SUM_TYPE_EXTENDED', place, `${sn.criterion} gained ${ns.length - os.length} alternative(s)`, { forward: false });
  } else if (os.length > ns.length) {
    if (so.criterion === 'allOf') ctx.add('PRODUCT_TYPE_NARROWED', place, `allOf lost ${os.length - ns.length} schema(s)`, { forward: false });
    else ctx.add('SUM_TYPE_NARROWED', place, `${so.criterion} lost ${os.length - ns.length} alternative(s)`, { forward: true });
  }

  const edges: { i: number; j: number; sub: Ctx }[] = [];
  for (let i = 0; i < os.length; i++) {
    for (let j = 0; j < ns.length; j++) {
      const sub = ctx.sub();
      compare(sub, os[i], ns[j], atOf(ctx, ns[j], at));
      edges.push({ i, j, sub });
    }
  }
  const backward = maxMatching(os.length, ns.length, edges.filter((e) => e.sub.backwardOk));
  const forward = maxMatching(os.length, ns.length, edges.filter((e) => e.sub.forwardOk));
  const needed = Math.min(os.length, ns.length);
  const forwardOk = forward.size >= needed;
  for (const edge of backward.values()) ctx.addAll(edge.sub.changes.map((c) => (forwardOk ? { ...c, forward: true } : c)));
  if (backward.size < needed || !forwardOk) {
    ctx.add('COMBINED_TYPE_SUBSCHEMAS_CHANGED', place, `The ${sn.criterion} branches changed so that ${backward.size < needed ? 'some old branch has no new branch that reads its data' : 'some new branch has no old branch that reads its data'}`, { backward: backward.size >= needed, forward: forwardOk });
  }
}

function weight(edge: object): number {
  return 'sub' in edge && edge.sub instanceof Ctx ? edge.sub.changes.length : 0;
}

/** Maximum bipartite matching (Kuhn): old branch i -> the edge that pairs it. */
function maxMatching<E extends { i: number; j: number }>(left: number, right: number, edges: E[]): Map<number, E> {
  const adjacency: E[][] = Array.from({ length: left }, () => []);
  for (const e of edges) adjacency[e.i].push(e);
  // Prefer the closest pairs (fewest changes), so identical branches pair with each other.
  for (const list of adjacency) list.sort((a, b) => weight(a) - weight(b));
  const matchRight = new Array<E | undefined>(right).fill(undefined);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (const e of adjacency[i]) {
      if (seen[e.j]) continue;
      seen[e.j] = true;
      const current = matchRight[e.j];
      if (!current || tryAssign(current.i, seen)) {
        matchRight[e.j] = e;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < left; i++) tryAssign(i, new Array<boolean>(right).fill(false));
  const out = new Map<number, E>();
  for (const e of matchRight) if (e) out.set(e.i, e);
  return out;
}

function compareNot(ctx: Ctx, so: Shape, sn: Shape, at: At): void {
  const place = atOf(ctx, sn.sub!, at);
  const sub = ctx.sub();
  compare(sub, sn.sub, so.sub, place); // reversed: what `not` forbids must shrink for data to stay valid
  if (sub.changes.length === 0) return;
  if (sub.backwardOk) ctx.add('NOT_TYPE_NARROWED', place, 'The "not" schema forbids less than before', { forward: sub.forwardOk });
  else ctx.add('NOT_TYPE_EXTENDED', place, 'The "not" schema forbids more than before', { forward: sub.forwardOk });
}

export type { Criterion };
