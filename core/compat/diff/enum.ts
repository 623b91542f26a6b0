// enum and const (Confluent's EnumSchemaDiff): allowed values added, removed or both.
import { canonical, type Shape } from '../shape';
import { below, type At, type Ctx } from './context';

export function compareEnum(ctx: Ctx, so: Shape, sn: Shape, at: At): void {
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
