// Arrays (Confluent's ArraySchemaDiff): the items schema or tuple positions and what follows them,
// size bounds, uniqueItems, contains and unevaluatedItems.
import { child, type SchemaNode } from '../shape';
import { compareBound } from './bound';
import { compareOpenness, type Model } from './content-model';
import { atOf, below, isEmpty, isFalse, where, type At, type Ctx } from './context';
import { compare } from './schema';

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

export function compareArray(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At): void {
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
