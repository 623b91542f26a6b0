// if/then/else: Eventline's own check (Confluent ignores it). A changed "if" is one change; with
// the same "if", then and else are compared as schemas.
import { canonical, child, type SchemaNode } from '../shape';
import { below, where, type At, type Ctx } from './context';
import { compare } from './schema';

export function compareConditional(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At): void {
  const oIf = child(o, 'if');
  const nIf = child(n, 'if');
  if (!oIf && !nIf) return;
  if (!oIf) return ctx.add('CONDITIONAL_ADDED', below(at, 'if'), 'An if/then/else condition was added');
  if (!nIf) return ctx.add('CONDITIONAL_REMOVED', below(at, 'if'), 'The if/then/else condition was removed');
  if (canonical(oIf.node) !== canonical(nIf.node)) return ctx.add('CONDITIONAL_CHANGED', below(at, 'if'), 'The "if" of a condition changed, so its then/else apply to different values');
  compare(ctx, child(o, 'then'), child(n, 'then'), where(child(n, 'then'), at, ctx, 'then'));
  compare(ctx, child(o, 'else'), child(n, 'else'), where(child(n, 'else'), at, ctx, 'else'));
}
