// not (Confluent's NotSchemaDiff): compared reversed, since what "not" forbids must shrink for data to stay valid.
import type { Shape } from '../shape';
import { atOf, type At, type Ctx } from './context';
import { compare } from './schema';

export function compareNot(ctx: Ctx, so: Shape, sn: Shape, at: At): void {
  const place = atOf(ctx, sn.sub!, at);
  const sub = ctx.sub();
  compare(sub, sn.sub, so.sub, place); // reversed: what `not` forbids must shrink for data to stay valid
  if (sub.changes.length === 0) return;
  if (sub.backwardOk) ctx.add('NOT_TYPE_NARROWED', place, 'The "not" schema forbids less than before', { forward: sub.forwardOk });
  else ctx.add('NOT_TYPE_EXTENDED', place, 'The "not" schema forbids more than before', { forward: sub.forwardOk });
}
