// Strings and numbers (Confluent's StringSchemaDiff and NumberSchemaDiff), and "format", which
// Eventline compares on any schema (Confluent ignores it).
import type { SchemaNode, Shape } from '../shape';
import { compareBound, numberAt } from './bound';
import { below, type At, type Ctx } from './context';

/** Eventline's own check (Confluent ignores format). */
export function compareFormat(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At): void {
  const on = o.node as Record<string, unknown>;
  const nn = n.node as Record<string, unknown>;
  const of = typeof on.format === 'string' ? on.format : undefined;
  const nf = typeof nn.format === 'string' ? nn.format : undefined;
  if (of !== nf) {
    if (of === undefined) ctx.add('FORMAT_ADDED', below(at, 'format'), `"format": "${nf}" was added`);
    else if (nf === undefined) ctx.add('FORMAT_REMOVED', below(at, 'format'), `"format": "${of}" was removed`);
    else ctx.add('FORMAT_CHANGED', below(at, 'format'), `"format" changed from "${of}" to "${nf}"`);
  }
}

export function compareString(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At): void {
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

export function compareNumber(ctx: Ctx, so: Shape, sn: Shape, at: At): void {
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
