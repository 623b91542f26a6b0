// dependencies / dependentRequired (names a property brings along) and dependentSchemas.
import { isObject, type SchemaNode } from '../shape';
import { atOf, below, type At, type Ctx } from './context';
import { compare } from './schema';

export function compareDependencies(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At): void {
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
