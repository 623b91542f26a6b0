// Numeric limit keywords (maxLength, minimum, minItems, maxProperties...), shared by every class.
import type { ChangeKind } from '../types';
import type { SchemaNode } from '../shape';
import { below, type At, type Ctx } from './context';

export function numberAt(loc: SchemaNode, key: string): number | undefined {
  const value = (loc.node as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : undefined;
}

/** maxLength, minimum, minItems...: PREFIX_ADDED / _REMOVED / _INCREASED / _DECREASED. */
export function compareBound(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At, key: string, prefix: string): void {
  const ov = numberAt(o, key);
  const nv = numberAt(n, key);
  if (ov === nv) return;
  const place = below(at, key);
  if (ov === undefined) ctx.add(`${prefix}_ADDED` as ChangeKind, place, `"${key}": ${nv} was added`);
  else if (nv === undefined) ctx.add(`${prefix}_REMOVED` as ChangeKind, place, `"${key}": ${ov} was removed`);
  else ctx.add(`${prefix}_${nv > ov ? 'INCREASED' : 'DECREASED'}` as ChangeKind, place, `"${key}" changed from ${ov} to ${nv}`);
}
