// Combined schemas (Confluent's CombinedSchemaDiff): allOf / anyOf / oneOf against each other,
// branches paired by maximum matching, and a combined schema facing a plain one.
import { canonical, type SchemaNode, type Shape } from '../shape';
import type { ChangeKind } from '../types';
import { atOf, below, type At, type Ctx } from './context';
import { maxMatching } from './matching';
import { compare } from './schema';

/** Old plain, new combined (Confluent: a one-branch union, or a union one of whose branches reads old data). */
export function combinedMeetsPlain(ctx: Ctx, so: Shape, sn: Shape, at: At): boolean {
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
export function plainMeetsCombined(ctx: Ctx, so: Shape, sn: Shape, at: At): boolean {
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

function criteriaChange(from: Shape, to: Shape): ChangeKind | undefined {
  const a = from.criterion!;
  const b = to.criterion!;
  if (a === b) return undefined;
  const single = (s: Shape) => s.subs!.length === 1;
  if (b === 'anyOf' || (single(from) && single(to)) || (single(from) && b === 'oneOf') || (single(to) && a === 'allOf')) return 'COMBINED_TYPE_EXTENDED';
  return 'COMBINED_TYPE_CHANGED';
}

export function compareCombined(ctx: Ctx, so: Shape, sn: Shape, at: At): void {
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
