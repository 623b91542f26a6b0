// A property one schema declares and the other does not, judged by the other's content model.
import type { SchemaNode } from '../shape';
import { modelFor } from './content-model';
import { hasDefault, isEmpty, isFalse, type At, type Ctx } from './context';
import { compare } from './schema';

/** A property the new schema declares and the old one did not, judged by the OLD schema's content model. */
export function propertyAdded(ctx: Ctx, o: SchemaNode, key: string, ns: SchemaNode, required: boolean, at: At): void {
  const model = modelFor(o, key);
  const withDefault = hasDefault(ctx, ns);
  const reqText = required ? (withDefault ? 'required property (with a default)' : 'required property') : 'optional property';
  if (model.kind === 'open') {
    // Reversed, the property disappears from an open model: always readable.
    if (required) ctx.add(withDefault ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL' : 'REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', at, `Added ${reqText} '${key}' to an object with an open content model`, { forward: true });
    else if (isEmpty(ctx, ns)) ctx.add('PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL', at, `Added property '${key}' that accepts any value`, { forward: true });
    else ctx.add('OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', at, `Added optional property '${key}' to an object with an open content model`, { forward: true });
    return;
  }
  if (model.kind === 'partial') {
    const sub = ctx.sub();
    compare(sub, model.schema, ns, at);
    ctx.addAll(sub.changes.filter((c) => !c.backward || !c.forward));
    const forward = sub.forwardOk || ctx.env.policy === 'lenient';
    if (sub.backwardOk) ctx.add('PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', at, `Added property '${key}', whose schema accepts only what the content model already allowed for that name`, { forward, policyDependent: !sub.forwardOk });
    else ctx.add('PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', at, `Added property '${key}', whose schema does not accept everything the content model allowed for that name`, { forward, policyDependent: true });
    if (required) ctx.add(withDefault ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL' : 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', at, `Added ${reqText} '${key}'`, { forward: true });
    return;
  }
  // closed: old data never has it; reversed, a closed old reader rejects it unless its schema is false.
  const forward = isFalse(ctx, ns);
  if (required) ctx.add(withDefault ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL' : 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', at, `Added ${reqText} '${key}' to an object with a closed content model`, { forward });
  else ctx.add('OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', at, `Added optional property '${key}' to an object with a closed content model`, { forward });
}

/** A property the old schema declared and the new one does not, judged by the NEW schema's content model. */
export function propertyRemoved(ctx: Ctx, n: SchemaNode, key: string, os: SchemaNode, wasRequired: boolean, at: At): void {
  const model = modelFor(n, key);
  const lenient = ctx.env.policy === 'lenient';
  const withDefault = hasDefault(ctx, os);
  if (model.kind === 'open') {
    // Reversed, the property is added to an open model: required -> breaks; optional -> the policy decides.
    let forward: boolean;
    let policyDependent = false;
    if (wasRequired && !withDefault) forward = false;
    else if (!wasRequired && isEmpty(ctx, os)) forward = true;
    else {
      forward = lenient;
      policyDependent = true;
    }
    ctx.add('PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL', at, `Removed ${wasRequired ? 'required' : 'optional'} property '${key}' from an object with an open content model`, { forward, policyDependent });
    return;
  }
  if (model.kind === 'partial') {
    const sub = ctx.sub();
    compare(sub, os, model.schema, at);
    ctx.addAll(sub.changes.filter((c) => !c.backward || !c.forward));
    const forward = (sub.forwardOk || lenient) && (!wasRequired || withDefault);
    if (sub.backwardOk) ctx.add('PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', at, `Removed property '${key}'; the content model still accepts its old values`, { forward, policyDependent: !sub.forwardOk });
    else ctx.add('PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', at, `Removed property '${key}'; the content model does not accept all of its old values`, { forward, policyDependent: true });
    return;
  }
  const forward = !wasRequired || withDefault;
  if (isFalse(ctx, os)) ctx.add('PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL', at, `Removed property '${key}', which was forbidden (false) anyway`, { forward });
  else ctx.add('PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL', at, `Removed property '${key}' from an object with a closed content model`, { forward });
}
