// Objects (Confluent's ObjectSchemaDiff): required names, properties (added and removed ones in
// properties.ts), dependencies, content model, patternProperties, size bounds and propertyNames.
import { child, isObject, type SchemaNode } from '../shape';
import { compareBound } from './bound';
import { compareOpenness } from './content-model';
import { atOf, below, hasDefault, type At, type Ctx } from './context';
import { compareDependencies } from './dependencies';
import { propertyAdded, propertyRemoved } from './properties';
import { compare } from './schema';

function props(loc: SchemaNode): Map<string, SchemaNode> {
  const map = new Map<string, SchemaNode>();
  const properties = (loc.node as Record<string, unknown>).properties;
  if (isObject(properties)) for (const [k, v] of Object.entries(properties)) map.set(k, { file: loc.file, path: [...loc.path, 'properties', k], node: v });
  return map;
}

function requiredOf(loc: SchemaNode): string[] {
  const required = (loc.node as Record<string, unknown>).required;
  return Array.isArray(required) ? required.filter((r): r is string => typeof r === 'string') : [];
}

export function compareObject(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At): void {
  const op = props(o);
  const np = props(n);
  const oReq = new Set(requiredOf(o));
  const nReqList = requiredOf(n);
  const nReq = new Set(nReqList);
  const requiredAt = (key: string) => (nReqList.includes(key) ? below(at, 'required', nReqList.indexOf(key)) : below(at, 'properties', key));

  // required, for names both declare (and names neither declares as a property).
  for (const key of new Set([...oReq, ...nReq])) {
    // A property added or removed is judged with its content model below; here only what that misses.
    if (np.has(key) && !op.has(key) && !(oReq.has(key) && !nReq.has(key))) continue;
    if (op.has(key) && !np.has(key) && !(nReq.has(key) && !oReq.has(key))) continue;
    if (oReq.has(key) && !nReq.has(key)) {
      ctx.add('REQUIRED_ATTRIBUTE_REMOVED', below(at, 'properties', key), `Property '${key}' is no longer required`, { forward: hasDefault(ctx, op.get(key)) });
    } else if (!oReq.has(key) && nReq.has(key)) {
      if (hasDefault(ctx, np.get(key))) ctx.add('REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED', requiredAt(key), `Property '${key}' became required, with a default`);
      else ctx.add('REQUIRED_ATTRIBUTE_ADDED', requiredAt(key), `Property '${key}' became required`);
    }
  }

  for (const key of new Set([...op.keys(), ...np.keys()])) {
    const os = op.get(key);
    const ns = np.get(key);
    if (os && ns) compare(ctx, os, ns, atOf(ctx, ns, at));
    else if (ns) propertyAdded(ctx, o, key, ns, nReq.has(key), atOf(ctx, ns, at));
    else if (os) propertyRemoved(ctx, n, key, os, oReq.has(key), below(at, 'properties', key));
  }

  compareDependencies(ctx, o, n, at);
  compareOpenness(ctx, o, n, at, 'additionalProperties', 'ADDITIONAL_PROPERTIES', 'additional properties');
  compareOpenness(ctx, o, n, at, 'unevaluatedProperties', 'UNEVALUATED_PROPERTIES', 'unevaluated properties');
  comparePatternProperties(ctx, o, n, at);
  compareBound(ctx, o, n, at, 'maxProperties', 'MAX_PROPERTIES');
  compareBound(ctx, o, n, at, 'minProperties', 'MIN_PROPERTIES');
  const oNames = child(o, 'propertyNames');
  const nNames = child(n, 'propertyNames');
  if (!oNames && nNames) ctx.add('PROPERTY_NAMES_ADDED', below(at, 'propertyNames'), '"propertyNames" was added, restricting which names are allowed');
  else if (oNames && !nNames) ctx.add('PROPERTY_NAMES_REMOVED', below(at, 'propertyNames'), '"propertyNames" was removed');
  else if (oNames && nNames) compare(ctx, oNames, nNames, atOf(ctx, nNames, at));
}

function comparePatternProperties(ctx: Ctx, o: SchemaNode, n: SchemaNode, at: At): void {
  const op = child(o, 'patternProperties');
  const np = child(n, 'patternProperties');
  const oMap = op && isObject(op.node) ? op.node : {};
  const nMap = np && isObject(np.node) ? np.node : {};
  const lenient = ctx.env.policy === 'lenient';
  for (const pattern of new Set([...Object.keys(oMap), ...Object.keys(nMap)])) {
    const os = child(o, 'patternProperties', pattern);
    const ns = child(n, 'patternProperties', pattern);
    if (os && ns) compare(ctx, os, ns, atOf(ctx, ns, at));
    else if (ns) {
      // Names matching the pattern were forbidden (closed) or free (open) before.
      const closed = (o.node as Record<string, unknown>).additionalProperties === false;
      ctx.add('PATTERN_PROPERTY_ADDED', atOf(ctx, ns, at), `"patternProperties" gained ${JSON.stringify(pattern)}`, closed ? { backward: true, forward: false } : { backward: lenient, forward: true, policyDependent: true });
    } else if (os) {
      const closed = (n.node as Record<string, unknown>).additionalProperties === false;
      ctx.add('PATTERN_PROPERTY_REMOVED', below(at, 'patternProperties', pattern), `"patternProperties" lost ${JSON.stringify(pattern)}`, closed ? { backward: false, forward: true } : { backward: true, forward: lenient, policyDependent: true });
    }
  }
}
