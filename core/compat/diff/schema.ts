// The walk (Confluent's SchemaDiff): classify both nodes (shape.ts), handle a combined schema
// facing a plain one, then compare class by class. Recursive schemas terminate: a pair of nodes
// already being compared further up the walk is not compared again.
import { canonical, nodeKey, shapeOf, type SchemaNode, type Shape } from '../shape';
import type { ChangeKind } from '../types';
import { compareArray } from './array';
import { combinedMeetsPlain, compareCombined, plainMeetsCombined } from './combined';
import { compareConditional } from './conditional';
import { atOf, below, type At, type Ctx } from './context';
import { compareEnum } from './enum';
import { compareNot } from './not';
import { compareObject } from './object';
import { compareFormat, compareNumber, compareString } from './scalar';

const MAX_DEPTH = 256;

export function compare(ctx: Ctx, o: SchemaNode | undefined, n: SchemaNode | undefined, at: At): void {
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
  compareFormat(ctx, so.loc, sn.loc, at);
  compareConditional(ctx, so.loc, sn.loc, at);
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
