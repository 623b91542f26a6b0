// core/compat/diff.ts against Confluent's JSON Schema classification: one row per change, with
// the kinds expected and their verdicts in both directions (B = backward, F = forward), under
// the lenient policy unless the row says strict. Rows are generated where a keyword family
// follows one pattern (bounds), written out where the rule needs context (content models).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffSchemas, type RefResolver } from '../../core/compat/diff';
import type { CompatPolicy } from '../../core/compat/types';

type Verdict = `${string} ${'B' | '-'}${'F' | '-'}`;
interface Row {
  name: string;
  old: unknown;
  new: unknown;
  expect: Verdict[];
  policy?: CompatPolicy;
  resolve?: RefResolver;
}

function verdicts(row: Row): string[] {
  return diffSchemas(row.old, row.new, { policy: row.policy ?? 'lenient', resolve: row.resolve, oldFile: 'old.json', newFile: 'new.json' })
    .map((c) => `${c.kind} ${c.backward ? 'B' : '-'}${c.forward ? 'F' : '-'}`)
    .sort();
}

const rows: Row[] = [];
const add = (name: string, old: unknown, next: unknown, expect: Verdict[], policy?: CompatPolicy) => rows.push({ name, old, new: next, expect, policy });

// ---- bounds: every max*/min* keyword, added / removed / increased / decreased ----------------
const bounds: [string, string, string, 'upper' | 'lower'][] = [
  ['string', 'maxLength', 'MAX_LENGTH', 'upper'], ['string', 'minLength', 'MIN_LENGTH', 'lower'],
  ['number', 'maximum', 'MAXIMUM', 'upper'], ['number', 'minimum', 'MINIMUM', 'lower'],
  ['number', 'exclusiveMaximum', 'EXCLUSIVE_MAXIMUM', 'upper'], ['number', 'exclusiveMinimum', 'EXCLUSIVE_MINIMUM', 'lower'],
  ['object', 'maxProperties', 'MAX_PROPERTIES', 'upper'], ['object', 'minProperties', 'MIN_PROPERTIES', 'lower'],
  ['array', 'maxItems', 'MAX_ITEMS', 'upper'], ['array', 'minItems', 'MIN_ITEMS', 'lower'],
  ['array', 'maxContains', 'MAX_CONTAINS', 'upper'], ['array', 'minContains', 'MIN_CONTAINS', 'lower'],
];
for (const [type, keyword, prefix, side] of bounds) {
  const base = keyword.includes('Contains') ? { type, contains: { type: 'string' } } : { type };
  const narrowsWhenUp = side === 'lower';
  add(`${keyword} added`, base, { ...base, [keyword]: 5 }, [`${prefix}_ADDED -F`]);
  add(`${keyword} removed`, { ...base, [keyword]: 5 }, base, [`${prefix}_REMOVED B-`]);
  add(`${keyword} increased`, { ...base, [keyword]: 5 }, { ...base, [keyword]: 9 }, [`${prefix}_INCREASED ${narrowsWhenUp ? '-F' : 'B-'}`]);
  add(`${keyword} decreased`, { ...base, [keyword]: 9 }, { ...base, [keyword]: 5 }, [`${prefix}_DECREASED ${narrowsWhenUp ? 'B-' : '-F'}`]);
  add(`${keyword} unchanged`, { ...base, [keyword]: 5 }, { ...base, [keyword]: 5 }, []);
  // The same change nested in a property and reached through a $ref.
  add(`${keyword} decreased in a property`, { type: 'object', properties: { p: { ...base, [keyword]: 9 } } }, { type: 'object', properties: { p: { ...base, [keyword]: 5 } } }, [`${prefix}_DECREASED ${narrowsWhenUp ? 'B-' : '-F'}`]);
  add(`${keyword} added behind a $ref`, { $defs: { d: base }, $ref: '#/$defs/d' }, { $defs: { d: { ...base, [keyword]: 5 } }, $ref: '#/$defs/d' }, [`${prefix}_ADDED -F`]);
}

// ---- strings, numbers, types -----------------------------------------------------------------
add('pattern added', { type: 'string' }, { type: 'string', pattern: '^a' }, ['PATTERN_ADDED -F']);
add('pattern removed', { type: 'string', pattern: '^a' }, { type: 'string' }, ['PATTERN_REMOVED B-']);
add('pattern changed', { type: 'string', pattern: '^a' }, { type: 'string', pattern: '^b' }, ['PATTERN_CHANGED --']);
add('multipleOf added', { type: 'number' }, { type: 'number', multipleOf: 2 }, ['MULTIPLE_OF_ADDED -F']);
add('multipleOf removed', { type: 'number', multipleOf: 2 }, { type: 'number' }, ['MULTIPLE_OF_REMOVED B-']);
add('multipleOf expanded 2 -> 4', { type: 'number', multipleOf: 2 }, { type: 'number', multipleOf: 4 }, ['MULTIPLE_OF_EXPANDED -F']);
add('multipleOf reduced 4 -> 2', { type: 'number', multipleOf: 4 }, { type: 'number', multipleOf: 2 }, ['MULTIPLE_OF_REDUCED B-']);
add('multipleOf changed 2 -> 3', { type: 'number', multipleOf: 2 }, { type: 'number', multipleOf: 3 }, ['MULTIPLE_OF_CHANGED --']);
add('multipleOf reduced 0.1 -> 0.05', { type: 'number', multipleOf: 0.1 }, { type: 'number', multipleOf: 0.05 }, ['MULTIPLE_OF_REDUCED B-']);
add('integer -> number', { type: 'integer' }, { type: 'number' }, ['TYPE_EXTENDED B-']);
add('number -> integer', { type: 'number' }, { type: 'integer' }, ['TYPE_NARROWED -F']);
add('string -> number', { type: 'string' }, { type: 'number' }, ['TYPE_CHANGED --']);
add('object -> array', { type: 'object' }, { type: 'array' }, ['TYPE_CHANGED --']);
add('boolean -> null', { type: 'boolean' }, { type: 'null' }, ['TYPE_CHANGED --']);
add('string -> true', { type: 'string' }, true, ['TYPE_EXTENDED B-']);
add('string -> {}', { type: 'string' }, {}, ['TYPE_EXTENDED B-']);
add('{} -> string', {}, { type: 'string' }, ['TYPE_NARROWED -F']);
add('string -> false', { type: 'string' }, false, ['TYPE_NARROWED -F']);
add('false -> string', false, { type: 'string' }, ['TYPE_EXTENDED B-']);
add('true -> true', true, true, []);
add('string -> [string, null]', { type: 'string' }, { type: ['string', 'null'] }, ['SUM_TYPE_EXTENDED B-']);
add('[string, null] -> string', { type: ['string', 'null'] }, { type: 'string' }, ['TYPE_CHANGED -F']);
add('[string, null] -> [string, null, number]', { type: ['string', 'null'] }, { type: ['string', 'null', 'number'] }, ['SUM_TYPE_EXTENDED B-']);
add('[string, number] -> [number, string]', { type: ['string', 'number'] }, { type: ['number', 'string'] }, []);
add('title changed', { type: 'string', title: 'a' }, { type: 'string', title: 'b' }, ['TITLE_CHANGED BF']);
add('description changed', { type: 'string', description: 'a' }, { type: 'string', description: 'b' }, ['DESCRIPTION_CHANGED BF']);
add('default changed', { type: 'string', default: 'a' }, { type: 'string', default: 'b' }, ['DEFAULT_CHANGED BF']);
add('$id changed', { $id: 'urn:a', type: 'string' }, { $id: 'urn:b', type: 'string' }, ['ID_CHANGED BF']);
add('identical objects', { type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', properties: { a: { type: 'string' } } }, []);

// ---- enum and const --------------------------------------------------------------------------
add('enum extended', { enum: ['a', 'b'] }, { enum: ['a', 'b', 'c'] }, ['ENUM_ARRAY_EXTENDED B-']);
add('enum narrowed', { enum: ['a', 'b', 'c'] }, { enum: ['a', 'b'] }, ['ENUM_ARRAY_NARROWED -F']);
add('enum changed', { enum: ['a', 'b'] }, { enum: ['a', 'c'] }, ['ENUM_ARRAY_CHANGED --']);
add('enum reordered', { enum: ['a', 'b'] }, { enum: ['b', 'a'] }, []);
add('enum of objects, same values, other key order', { enum: [{ x: 1, y: 2 }] }, { enum: [{ y: 2, x: 1 }] }, []);
add('const changed', { const: 'a' }, { const: 'b' }, ['ENUM_ARRAY_CHANGED --']);
add('const -> enum containing it', { const: 'a' }, { enum: ['a', 'b'] }, ['ENUM_ARRAY_EXTENDED B-']);
add('enum -> const of one of them', { enum: ['a', 'b'] }, { const: 'a' }, ['ENUM_ARRAY_NARROWED -F']);
add('string -> enum', { type: 'string' }, { enum: ['a'] }, ['TYPE_CHANGED --']);

// ---- format and if/then/else (Eventline's own kinds) -----------------------------------------
add('format added', { type: 'string' }, { type: 'string', format: 'email' }, ['FORMAT_ADDED -F']);
add('format removed', { type: 'string', format: 'email' }, { type: 'string' }, ['FORMAT_REMOVED B-']);
add('format changed', { type: 'string', format: 'email' }, { type: 'string', format: 'uri' }, ['FORMAT_CHANGED --']);
const cond = { if: { properties: { kind: { const: 'a' } } }, then: { required: ['x'] } };
add('if/then added', { type: 'object' }, { type: 'object', ...cond }, ['CONDITIONAL_ADDED -F']);
add('if/then removed', { type: 'object', ...cond }, { type: 'object' }, ['CONDITIONAL_REMOVED B-']);
add('if changed', { type: 'object', ...cond }, { type: 'object', ...cond, if: { properties: { kind: { const: 'b' } } } }, ['CONDITIONAL_CHANGED --']);
add('then gains a requirement', { type: 'object', ...cond }, { type: 'object', ...cond, then: { required: ['x', 'y'] } }, ['REQUIRED_ATTRIBUTE_ADDED -F']);
add('else added', { type: 'object', ...cond }, { type: 'object', ...cond, else: { required: ['z'] } }, ['SCHEMA_ADDED -F']);
add('else removed', { type: 'object', ...cond, else: { required: ['z'] } }, { type: 'object', ...cond }, ['SCHEMA_REMOVED B-']);

// ---- objects: required -----------------------------------------------------------------------
const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, ...extra });
const S = { type: 'string' };
add('property becomes required', obj({ a: S }), obj({ a: S }, { required: ['a'] }), ['REQUIRED_ATTRIBUTE_ADDED -F']);
add('property becomes required with a default', obj({ a: S }), obj({ a: { ...S, default: 'x' } }, { required: ['a'] }), ['DEFAULT_CHANGED BF', 'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED BF']);
add('property no longer required', obj({ a: S }, { required: ['a'] }), obj({ a: S }), ['REQUIRED_ATTRIBUTE_REMOVED B-']);
add('property with a default no longer required', obj({ a: { ...S, default: 'x' } }, { required: ['a'] }), obj({ a: { ...S, default: 'x' } }), ['REQUIRED_ATTRIBUTE_REMOVED BF']);
add('undeclared name becomes required', { type: 'object' }, { type: 'object', required: ['a'] }, ['REQUIRED_ATTRIBUTE_ADDED -F']);
add('undeclared name no longer required', { type: 'object', required: ['a'] }, { type: 'object' }, ['REQUIRED_ATTRIBUTE_REMOVED B-']);

// ---- objects: the three content models, both policies ----------------------------------------
const open = (p: Record<string, unknown>, req: string[] = []) => obj(p, req.length ? { required: req } : {});
const closed = (p: Record<string, unknown>, req: string[] = []) => obj(p, { additionalProperties: false, ...(req.length ? { required: req } : {}) });
const partial = (p: Record<string, unknown>, req: string[] = []) => obj(p, { additionalProperties: S, ...(req.length ? { required: req } : {}) });
const patterned = (p: Record<string, unknown>, req: string[] = []) => obj(p, { patternProperties: { '^x-': S }, additionalProperties: false, ...(req.length ? { required: req } : {}) });
for (const policy of ['lenient', 'strict'] as const) {
  const L = policy === 'lenient';
  add(`${policy}: optional property added to open model`, open({}), open({ a: S }), [`OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL ${L ? 'B' : '-'}F`], policy);
  add(`${policy}: required property added to open model`, open({}), open({ a: S }, ['a']), ['REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL -F'], policy);
  add(`${policy}: required property with default added to open model`, open({}), open({ a: { ...S, default: 'x' } }, ['a']), [`REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL ${L ? 'B' : '-'}F`], policy);
  add(`${policy}: property with empty schema added to open model`, open({}), open({ a: {} }), ['PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL BF'], policy);
  add(`${policy}: optional property removed from open model`, open({ a: S }), open({}), [`PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL B${L ? 'F' : '-'}`], policy);
  add(`${policy}: required property removed from open model`, open({ a: S }, ['a']), open({}), ['PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL B-'], policy);
  add(`${policy}: empty-schema property removed from open model`, open({ a: {} }), open({}), ['PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL BF'], policy);
  add(`${policy}: optional property added to closed model`, closed({}), closed({ a: S }), ['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL B-'], policy);
  add(`${policy}: required property added to closed model`, closed({}), closed({ a: S }, ['a']), ['REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL --'], policy);
  add(`${policy}: required property with default added to closed model`, closed({}), closed({ a: { ...S, default: 'x' } }, ['a']), ['REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL B-'], policy);
  add(`${policy}: optional property removed from closed model`, closed({ a: S }), closed({}), ['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL -F'], policy);
  add(`${policy}: required property removed from closed model`, closed({ a: S }, ['a']), closed({}), ['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL --'], policy);
  add(`${policy}: false property removed from closed model`, closed({ a: false }), closed({}), ['PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL BF'], policy);
  add(`${policy}: property added, covered by additionalProperties schema`, partial({}), partial({ a: S }), ['PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL BF'], policy);
  add(`${policy}: property added, narrower than additionalProperties schema`, partial({}), partial({ a: { ...S, maxLength: 3 } }), ['MAX_LENGTH_ADDED -F', `PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL ${L ? 'B' : '-'}F`], policy);
  add(`${policy}: property added, other type than additionalProperties schema`, partial({}), partial({ a: { type: 'number' } }), ['TYPE_CHANGED --', `PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL ${L ? 'BF' : '--'}`], policy);
  add(`${policy}: property removed, covered by additionalProperties schema`, partial({ a: S }), partial({}), ['PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL BF'], policy);
  add(`${policy}: property removed, not covered`, partial({ a: { type: 'number' } }), partial({}), ['TYPE_CHANGED --', `PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL ${L ? 'BF' : '--'}`], policy);
  add(`${policy}: required property added to partially open model`, partial({}), partial({ a: S }, ['a']), ['PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL BF', 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL -F'], policy);
  add(`${policy}: property matching patternProperties added`, patterned({}), patterned({ 'x-a': S }), ['PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL BF'], policy);
  add(`${policy}: property not matching patternProperties added`, patterned({}), patterned({ b: S }), ['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL B-'], policy);
  add(`${policy}: open -> closed`, open({ a: S }), closed({ a: S }), [`ADDITIONAL_PROPERTIES_REMOVED ${L ? 'B' : '-'}F`], policy);
  add(`${policy}: closed -> open`, closed({ a: S }), open({ a: S }), [`ADDITIONAL_PROPERTIES_ADDED B${L ? 'F' : '-'}`], policy);
  add(`${policy}: open -> partially open`, open({ a: S }), partial({ a: S }), [`ADDITIONAL_PROPERTIES_NARROWED ${L ? 'B' : '-'}F`], policy);
  add(`${policy}: partially open -> open`, partial({ a: S }), open({ a: S }), [`ADDITIONAL_PROPERTIES_EXTENDED B${L ? 'F' : '-'}`], policy);
  add(`${policy}: patternProperties entry added to open model`, open({}), obj({}, { patternProperties: { '^x-': S } }), [`PATTERN_PROPERTY_ADDED ${L ? 'B' : '-'}F`], policy);
  add(`${policy}: patternProperties entry removed from open model`, obj({}, { patternProperties: { '^x-': S } }), open({}), [`PATTERN_PROPERTY_REMOVED B${L ? 'F' : '-'}`], policy);
  add(`${policy}: unevaluatedProperties false added`, open({ a: S }), obj({ a: S }, { unevaluatedProperties: false }), [`UNEVALUATED_PROPERTIES_REMOVED ${L ? 'B' : '-'}F`], policy);
  add(`${policy}: unevaluatedProperties false removed`, obj({ a: S }, { unevaluatedProperties: false }), open({ a: S }), [`UNEVALUATED_PROPERTIES_ADDED B${L ? 'F' : '-'}`], policy);
}
add('additionalProperties schema widened', partial({}), obj({}, { additionalProperties: { type: 'string', maxLength: 9 } }), ['MAX_LENGTH_ADDED -F']);
add('patternProperties schema changed', obj({}, { patternProperties: { '^x-': S } }), obj({}, { patternProperties: { '^x-': { type: 'number' } } }), ['TYPE_CHANGED --']);
add('patternProperties added to closed model', closed({}), obj({}, { additionalProperties: false, patternProperties: { '^x-': S } }), ['PATTERN_PROPERTY_ADDED B-']);
add('patternProperties removed from closed model', obj({}, { additionalProperties: false, patternProperties: { '^x-': S } }), closed({}), ['PATTERN_PROPERTY_REMOVED -F']);
add('property added where unevaluatedProperties is false', obj({}, { unevaluatedProperties: false }), obj({ a: S }, { unevaluatedProperties: false }), ['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL B-']);
add('unevaluatedProperties schema added', open({}), obj({}, { unevaluatedProperties: S }), ['UNEVALUATED_PROPERTIES_NARROWED BF']);
add('nested property type changed', obj({ a: obj({ b: S }) }), obj({ a: obj({ b: { type: 'number' } }) }), ['TYPE_CHANGED --']);
add('nested optional property added (strict)', obj({ a: obj({}) }), obj({ a: obj({ b: S }) }), ['OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL -F'], 'strict');
add('object without type, properties only', { properties: { a: S } }, { properties: { a: { type: 'number' } } }, ['TYPE_CHANGED --']);

// ---- objects: propertyNames and dependencies -------------------------------------------------
add('propertyNames added', { type: 'object' }, { type: 'object', propertyNames: { pattern: '^[a-z]+$' } }, ['PROPERTY_NAMES_ADDED -F']);
add('propertyNames removed', { type: 'object', propertyNames: { pattern: '^[a-z]+$' } }, { type: 'object' }, ['PROPERTY_NAMES_REMOVED B-']);
add('propertyNames narrowed', { type: 'object', propertyNames: { maxLength: 9 } }, { type: 'object', propertyNames: { maxLength: 5 } }, ['MAX_LENGTH_DECREASED -F']);
add('dependentRequired added', { type: 'object' }, { type: 'object', dependentRequired: { a: ['b'] } }, ['DEPENDENCY_ARRAY_ADDED -F']);
add('dependentRequired removed', { type: 'object', dependentRequired: { a: ['b'] } }, { type: 'object' }, ['DEPENDENCY_ARRAY_REMOVED B-']);
add('dependentRequired extended', { type: 'object', dependentRequired: { a: ['b'] } }, { type: 'object', dependentRequired: { a: ['b', 'c'] } }, ['DEPENDENCY_ARRAY_EXTENDED -F']);
add('dependentRequired narrowed', { type: 'object', dependentRequired: { a: ['b', 'c'] } }, { type: 'object', dependentRequired: { a: ['b'] } }, ['DEPENDENCY_ARRAY_NARROWED B-']);
add('dependentRequired changed', { type: 'object', dependentRequired: { a: ['b'] } }, { type: 'object', dependentRequired: { a: ['c'] } }, ['DEPENDENCY_ARRAY_CHANGED --']);
add('draft-07 dependencies array added', { type: 'object' }, { type: 'object', dependencies: { a: ['b'] } }, ['DEPENDENCY_ARRAY_ADDED -F']);
add('draft-07 dependencies -> dependentRequired (same meaning)', { type: 'object', dependencies: { a: ['b'] } }, { type: 'object', dependentRequired: { a: ['b'] } }, []);
add('dependentSchemas added', { type: 'object' }, { type: 'object', dependentSchemas: { a: { required: ['b'] } } }, ['DEPENDENCY_SCHEMA_ADDED -F']);
add('dependentSchemas removed', { type: 'object', dependentSchemas: { a: { required: ['b'] } } }, { type: 'object' }, ['DEPENDENCY_SCHEMA_REMOVED B-']);
add('draft-07 schema dependency narrowed', { type: 'object', dependencies: { a: { required: ['b'] } } }, { type: 'object', dependencies: { a: { required: ['b', 'c'] } } }, ['REQUIRED_ATTRIBUTE_ADDED -F']);

// ---- arrays ----------------------------------------------------------------------------------
const arr = (extra: Record<string, unknown>) => ({ type: 'array', ...extra });
add('items added', arr({}), arr({ items: S }), ['SCHEMA_ADDED -F']);
add('items removed', arr({ items: S }), arr({}), ['SCHEMA_REMOVED B-']);
add('items type changed', arr({ items: S }), arr({ items: { type: 'number' } }), ['TYPE_CHANGED --']);
add('items narrowed', arr({ items: S }), arr({ items: { ...S, maxLength: 3 } }), ['MAX_LENGTH_ADDED -F']);
add('uniqueItems added', arr({}), arr({ uniqueItems: true }), ['UNIQUE_ITEMS_ADDED -F']);
add('uniqueItems removed', arr({ uniqueItems: true }), arr({}), ['UNIQUE_ITEMS_REMOVED B-']);
add('contains added', arr({}), arr({ contains: S }), ['CONTAINS_ADDED -F']);
add('contains removed', arr({ contains: S }), arr({}), ['CONTAINS_REMOVED B-']);
add('contains changed', arr({ contains: S }), arr({ contains: { type: 'number' } }), ['TYPE_CHANGED --']);
const tuple07 = (items: unknown[], additionalItems?: unknown) => arr(additionalItems === undefined ? { items } : { items, additionalItems });
const tuple20 = (prefixItems: unknown[], items?: unknown) => arr(items === undefined ? { prefixItems } : { prefixItems, items });
for (const [form, tuple] of [['draft-07', tuple07], ['2020-12', tuple20]] as const) {
  add(`${form}: tuple position changed`, tuple([S]), tuple([{ type: 'number' }]), ['TYPE_CHANGED --']);
  add(`${form}: position added to open tuple`, tuple([S]), tuple([S, S]), ['ITEM_ADDED_TO_OPEN_CONTENT_MODEL -F']);
  add(`${form}: empty position added to open tuple`, tuple([S]), tuple([S, {}]), ['ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL BF']);
  add(`${form}: position removed from open tuple`, tuple([S, S]), tuple([S]), ['ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL B-']);
  add(`${form}: position added to closed tuple`, tuple([S], false), tuple([S, S], false), ['ITEM_ADDED_TO_CLOSED_CONTENT_MODEL B-']);
  add(`${form}: position removed from closed tuple`, tuple([S, S], false), tuple([S], false), ['ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL -F']);
  add(`${form}: false position removed from closed tuple`, tuple([S, false], false), tuple([S], false), ['ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL BF']);
  add(`${form}: position added, covered by the rest schema`, tuple([S], S), tuple([S, S], S), ['ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL BF']);
  add(`${form}: position added, not covered by the rest schema`, tuple([S], S), tuple([S, { type: 'number' }], S), ['ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL --']);
  add(`${form}: position removed, covered by the rest schema`, tuple([S, S], S), tuple([S], S), ['ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL BF']);
  add(`${form}: position removed, not covered`, tuple([S, { type: 'number' }], S), tuple([S], S), ['ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL --']);
  add(`${form}: rest closed`, tuple([S]), tuple([S], false), ['ADDITIONAL_ITEMS_REMOVED -F']);
  add(`${form}: rest reopened`, tuple([S], false), tuple([S]), ['ADDITIONAL_ITEMS_ADDED B-']);
  add(`${form}: rest narrowed to a schema`, tuple([S]), tuple([S], S), ['ADDITIONAL_ITEMS_NARROWED -F']);
  add(`${form}: rest extended to anything`, tuple([S], S), tuple([S]), ['ADDITIONAL_ITEMS_EXTENDED B-']);
  add(`${form}: rest schema changed`, tuple([S], S), tuple([S], { type: 'number' }), ['TYPE_CHANGED --']);
}
add('list -> tuple of the same schema, rest the same', arr({ items: S }), tuple20([S], S), ['ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL BF']);
add('draft-07 tuple -> 2020-12 tuple, same meaning', tuple07([S], false), tuple20([S], false), []);
add('unevaluatedItems false added', arr({ prefixItems: [S] }), arr({ prefixItems: [S], unevaluatedItems: false }), ['UNEVALUATED_ITEMS_REMOVED -F']);
add('unevaluatedItems false removed', arr({ prefixItems: [S], unevaluatedItems: false }), arr({ prefixItems: [S] }), ['UNEVALUATED_ITEMS_ADDED B-']);
add('unevaluatedItems schema added', arr({}), arr({ unevaluatedItems: S }), ['UNEVALUATED_ITEMS_NARROWED -F']);
add('unevaluatedItems schema removed', arr({ unevaluatedItems: S }), arr({}), ['UNEVALUATED_ITEMS_EXTENDED B-']);
add('array of objects: property added to closed item', arr({ items: closed({}) }), arr({ items: closed({ a: S }) }), ['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL B-']);

// ---- combined types and not ------------------------------------------------------------------
const N = { type: 'number' };
const B = { type: 'boolean' };
add('oneOf gains an alternative', { oneOf: [S, N] }, { oneOf: [S, N, B] }, ['SUM_TYPE_EXTENDED B-']);
add('oneOf loses an alternative', { oneOf: [S, N, B] }, { oneOf: [S, N] }, ['SUM_TYPE_NARROWED -F']);
add('anyOf gains an alternative', { anyOf: [S, N] }, { anyOf: [S, N, B] }, ['SUM_TYPE_EXTENDED B-']);
add('allOf gains a schema', { allOf: [obj({ a: S }), obj({ b: S })] }, { allOf: [obj({ a: S }), obj({ b: S }), obj({ c: S })] }, ['PRODUCT_TYPE_EXTENDED -F']);
add('allOf loses a schema', { allOf: [obj({ a: S }), obj({ b: S }), obj({ c: S })] }, { allOf: [obj({ a: S }), obj({ b: S })] }, ['PRODUCT_TYPE_NARROWED B-']);
add('oneOf -> anyOf', { oneOf: [S, N] }, { anyOf: [S, N] }, ['COMBINED_TYPE_EXTENDED B-']);
add('anyOf -> oneOf', { anyOf: [S, N] }, { oneOf: [S, N] }, ['COMBINED_TYPE_CHANGED -F']);
add('anyOf -> allOf (reversed, allOf -> anyOf extends)', { anyOf: [S, N] }, { allOf: [S, N] }, ['COMBINED_TYPE_CHANGED -F']);
add('oneOf branches reordered', { oneOf: [S, N] }, { oneOf: [N, S] }, []);
add('oneOf branch changed incompatibly', { oneOf: [S, N] }, { oneOf: [S, B] }, ['COMBINED_TYPE_SUBSCHEMAS_CHANGED --']);
add('oneOf branch widened', { oneOf: [{ ...S, maxLength: 3 }, N] }, { oneOf: [S, N] }, ['COMBINED_TYPE_SUBSCHEMAS_CHANGED B-', 'MAX_LENGTH_REMOVED B-']);
add('oneOf branch narrowed', { oneOf: [S, N] }, { oneOf: [{ ...S, maxLength: 3 }, N] }, ['COMBINED_TYPE_SUBSCHEMAS_CHANGED -F']);
add('single-branch oneOf -> its branch', { oneOf: [S] }, S, []);
add('schema -> single-branch oneOf of it', S, { oneOf: [S] }, []);
add('string -> oneOf [string, number]', S, { oneOf: [S, N] }, ['SUM_TYPE_EXTENDED B-']);
add('oneOf [string, number] -> string', { oneOf: [S, N] }, S, ['TYPE_CHANGED -F']);
add('allOf [A, B] -> A', { allOf: [obj({ a: S }), obj({ b: S })] }, obj({ a: S }), ['PRODUCT_TYPE_NARROWED B-']);
add('not narrowed (forbids less)', { not: { type: ['string', 'number'] } }, { not: S }, ['NOT_TYPE_NARROWED B-']);
add('not extended (forbids more)', { not: S }, { not: { type: ['string', 'number'] } }, ['NOT_TYPE_EXTENDED -F']);
add('not unchanged', { not: S }, { not: S }, []);
add('keywords beside allOf compared as one more branch', { type: 'object', required: ['a'], allOf: [obj({ a: S })] }, { type: 'object', required: ['a'], allOf: [obj({ a: N })] }, ['COMBINED_TYPE_SUBSCHEMAS_CHANGED --']);

// ---- $ref ------------------------------------------------------------------------------------
const money = (currency: unknown) => ({ type: 'object', properties: { amount: N, currency }, required: ['amount'] });
add('$ref target changed in $defs', { $defs: { M: money(S) }, properties: { total: { $ref: '#/$defs/M' } } }, { $defs: { M: money({ ...S, pattern: '^[A-Z]{3}$' }) }, properties: { total: { $ref: '#/$defs/M' } } }, ['PATTERN_ADDED -F']);
add('inline -> $ref to the same schema', { properties: { total: money(S) } }, { $defs: { M: money(S) }, properties: { total: { $ref: '#/$defs/M' } } }, []);
add('$ref with a description beside it', { $defs: { M: money(S) }, properties: { total: { $ref: '#/$defs/M' } } }, { $defs: { M: money(S) }, properties: { total: { $ref: '#/$defs/M', description: 'x' } } }, ['DESCRIPTION_CHANGED BF']);
add('$ref with a constraint beside it', { properties: { total: money(S) } }, { $defs: { M: money(S) }, properties: { total: { $ref: '#/$defs/M', required: ['currency'] } } }, ['TYPE_CHANGED --']);
const tree = (extra: Record<string, unknown>) => ({ $defs: { node: { type: 'object', properties: { name: S, children: { type: 'array', items: { $ref: '#/$defs/node' } } }, ...extra } }, $ref: '#/$defs/node' });
add('recursive schema unchanged terminates', tree({}), tree({}), []);
add('recursive schema closed terminates', tree({}), tree({ additionalProperties: false }), ['ADDITIONAL_PROPERTIES_REMOVED BF']);
add('recursive schema gains a requirement', tree({}), tree({ required: ['name'] }), ['REQUIRED_ATTRIBUTE_ADDED -F']);
add('mutually recursive schemas terminate', { $defs: { a: { type: 'object', properties: { b: { $ref: '#/$defs/b' } } }, b: { type: 'object', properties: { a: { $ref: '#/$defs/a' } } } }, $ref: '#/$defs/a' }, { $defs: { a: { type: 'object', properties: { b: { $ref: '#/$defs/b' } } }, b: { type: 'object', properties: { a: { $ref: '#/$defs/a' }, c: S } } }, $ref: '#/$defs/a' }, ['OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL BF']);
add('unresolved $ref compares what is left', { $ref: 'missing.json' }, { $ref: 'missing.json', description: 'x' }, ['DESCRIPTION_CHANGED BF']);

describe('diffSchemas: the classification table', () => {
  it(`has at least 150 rows (${rows.length})`, () => assert.ok(rows.length >= 150));
  for (const row of rows) {
    it(`${row.name}${row.policy === 'strict' ? ' [strict]' : ''}`, () => assert.deepEqual(verdicts(row), [...row.expect].sort()));
  }
});

describe('diffSchemas: paths and messages', () => {
  const old = { type: 'object', properties: { totalAmount: { type: 'number' } }, required: ['totalAmount'] };
  const next = { type: 'object', properties: { totalAmount: { type: 'number' }, currency: { type: 'string' } }, required: ['totalAmount', 'currency'] };

  it('paths are JSON Pointers into the new schema', () => {
    const changes = diffSchemas(old, next);
    assert.deepEqual(changes.map((c) => c.path), ['#/properties/currency']);
    const removed = diffSchemas(next, old);
    assert.deepEqual(removed.map((c) => c.path), ['#/properties/currency']);
    const bound = diffSchemas({ type: 'object', properties: { a: { type: 'string', maxLength: 5 } } }, { type: 'object', properties: { a: { type: 'string', maxLength: 3 } } });
    assert.equal(bound[0].path, '#/properties/a/maxLength');
  });

  it('content-model messages explain open, closed and partially open models', () => {
    const [change] = diffSchemas({ type: 'object' }, { type: 'object', properties: { a: { type: 'string' } } }, { policy: 'strict' });
    assert.match(change.message, /open content model/);
    assert.match(change.message, /accepts properties the schema does not name/);
    assert.match(change.message, /strict policy/);
    assert.match(change.message, /"compatibilityPolicy": "lenient"/);
    const [closedChange] = diffSchemas({ type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } }, { type: 'object', additionalProperties: false });
    assert.match(closedChange.message, /closed content model \("additionalProperties": false\)/);
  });

  it('a required property added with a default says validators never fill defaults', () => {
    const [change] = diffSchemas({ type: 'object' }, { type: 'object', properties: { a: { type: 'string', default: 'x' } }, required: ['a'] });
    assert.match(change.message, /validators never fill in defaults/);
  });

  it('a change the policy does not decide does not mention the policy', () => {
    const [change] = diffSchemas({ type: 'string' }, { type: 'number' });
    assert.doesNotMatch(change.message, /policy/);
  });

  it('follows $refs into other files through the resolver, reporting at the $ref site', () => {
    const files: Record<string, unknown> = { 'money-old.json': { $defs: { M: { type: 'object', properties: { amount: { type: 'number' } } } } }, 'money-new.json': { $defs: { M: { type: 'object', properties: { amount: { type: 'integer' } } } } } };
    const resolve: RefResolver = (ref) => {
      const [file, pointer] = ref.split('#');
      return { file, path: ['$defs', 'M'], node: (files[file] as { $defs: Record<string, unknown> }).$defs[pointer.split('/').pop()!] };
    };
    const changes = diffSchemas({ properties: { total: { $ref: 'money-old.json#/$defs/M' } } }, { properties: { total: { $ref: 'money-new.json#/$defs/M' } } }, { resolve, oldFile: 'old.json', newFile: 'new.json' });
    assert.deepEqual(changes.map((c) => [c.kind, c.path]), [['TYPE_NARROWED', '#/properties/total']]);
    assert.match(changes[0].message, /money-new\.json#\/\$defs\/M/);
  });
});
