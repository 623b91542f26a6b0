// What the walk carries: the changes found so far (each with its verdicts), the options it runs
// with and the pairs of nodes being compared further up (so recursive schemas terminate); where
// a change is reported; and the shape probes several comparisons share.
import type { JsonPath } from '../../types';
import { shapeOf, type RefResolver, type SchemaNode } from '../shape';
import { inverseOf, isBackwardCompatible, isPolicyDependent, type ChangeKind, type CompatPolicy } from '../types';
import { toPointer } from './pointer';

/** Where a change is reported: a path in the new root file, and the place inside another file when the change is there. */
export interface At {
  path: JsonPath;
  via?: string;
}

export interface Raw {
  kind: ChangeKind;
  at: At;
  backward: boolean;
  forward: boolean;
  detail: string;
  policyDependent: boolean;
}

export interface Env {
  policy: CompatPolicy;
  resolve: RefResolver;
  newFile: string;
  display: (file: string) => string;
}

export class Ctx {
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

// ---- positions -------------------------------------------------------------------------------

/** Where `loc` is reported: its own path when it is in the new file, else the `$ref` site that led there. */
export function atOf(ctx: Ctx, loc: SchemaNode, parent: At): At {
  if (loc.file === ctx.env.newFile) return { path: loc.path };
  return { path: parent.path, via: `${ctx.env.display(loc.file)}${toPointer(loc.path)}` };
}

/** A position below `at` that may not exist in the new schema (something removed). */
export function below(at: At, ...segments: (string | number)[]): At {
  return at.via ? { path: at.path, via: `${at.via}/${segments.join('/')}` } : { path: [...at.path, ...segments] };
}

export function where(n: SchemaNode | undefined, at: At, ctx: Ctx, ...segments: (string | number)[]): At {
  return n ? atOf(ctx, n, at) : below(at, ...segments);
}

// ---- shape probes ---------------------------------------------------------------------------

export function hasDefault(ctx: Ctx, loc: SchemaNode | undefined): boolean {
  return loc !== undefined && 'default' in shapeOf(loc, ctx.env.resolve).meta;
}

export function isEmpty(ctx: Ctx, loc: SchemaNode): boolean {
  return shapeOf(loc, ctx.env.resolve).class === 'empty';
}

export function isFalse(ctx: Ctx, loc: SchemaNode): boolean {
  return shapeOf(loc, ctx.env.resolve).class === 'false';
}
