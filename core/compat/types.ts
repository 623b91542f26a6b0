// The vocabulary of schema evolution: every kind of change between two JSON Schemas, named as
// Confluent Schema Registry's JSON Schema `Difference.Type` names them, and whether each is
// BACKWARD compatible (a reader on the new schema can read data written with the old one).
//
// Confluent classifies a change only in the backward direction: it checks FORWARD by diffing the
// pair the other way round. Each kind therefore names its `inverse`, the kind the reversed diff
// reports for the same change, and forward compatibility is the inverse's backward verdict (kinds
// whose reverse depends on the content model are judged in diff.ts from both schemas).
//
// Two policies: `strict` is Confluent's classic set (COMPATIBLE_CHANGES); `lenient` adds the
// changes that only matter when old data carries properties its schema never declared
// (Confluent's lenient set: narrowing or closing `additionalProperties`, properties added to or
// removed from open and partially open content models).

export type CompatPolicy = 'strict' | 'lenient';

/** One change between an old and a new schema. */
export interface SchemaChange {
  kind: ChangeKind;
  /** JSON Pointer into the NEW schema ("#/properties/totalAmount"); for a removal, where it was. */
  path: string;
  /** New readers can read data written with the old schema. */
  backward: boolean;
  /** Old readers can read data written with the new schema. */
  forward: boolean;
  /** What changed, why it is (in)compatible, and for content models what open/closed means. */
  message: string;
  /** What changed, in one clause ("Added required property 'currency'"), for composing other messages. */
  detail: string;
  /** The verdict would differ under the other policy (the message says so). */
  policyDependent?: boolean;
}

interface KindSpec {
  /** Backward verdict under strict and lenient. */
  strict: boolean;
  lenient: boolean;
  /** The kind the reversed diff reports; omitted when diff.ts judges forward itself. */
  inverse?: ChangeKind;
  /** Not one of Confluent's names: Eventline's own, where Confluent does not look. */
  eventline?: true;
}

const ok = (inverse?: ChangeKind): KindSpec => ({ strict: true, lenient: true, inverse });
const breaks = (inverse?: ChangeKind): KindSpec => ({ strict: false, lenient: false, inverse });
/** Incompatible for strict, compatible for lenient (open-content-model changes). */
const lenientOnly = (inverse?: ChangeKind): KindSpec => ({ strict: false, lenient: true, inverse });
const own = (spec: KindSpec): KindSpec => ({ ...spec, eventline: true });

/** Upper bounds (max*): adding or lowering one narrows what is valid. */
function upper(prefix: string): Record<string, KindSpec> {
  return {
    [`${prefix}_ADDED`]: breaks(`${prefix}_REMOVED` as ChangeKind),
    [`${prefix}_REMOVED`]: ok(`${prefix}_ADDED` as ChangeKind),
    [`${prefix}_INCREASED`]: ok(`${prefix}_DECREASED` as ChangeKind),
    [`${prefix}_DECREASED`]: breaks(`${prefix}_INCREASED` as ChangeKind),
  };
}

/** Lower bounds (min*): adding or raising one narrows what is valid. */
function lower(prefix: string): Record<string, KindSpec> {
  return {
    [`${prefix}_ADDED`]: breaks(`${prefix}_REMOVED` as ChangeKind),
    [`${prefix}_REMOVED`]: ok(`${prefix}_ADDED` as ChangeKind),
    [`${prefix}_INCREASED`]: breaks(`${prefix}_DECREASED` as ChangeKind),
    [`${prefix}_DECREASED`]: ok(`${prefix}_INCREASED` as ChangeKind),
  };
}

const KIND_NAMES = [
  'ID_CHANGED', 'DESCRIPTION_CHANGED', 'TITLE_CHANGED', 'DEFAULT_CHANGED', 'SCHEMA_ADDED', 'SCHEMA_REMOVED',
  'TYPE_EXTENDED', 'TYPE_NARROWED', 'TYPE_CHANGED',
  'MAX_LENGTH_ADDED', 'MAX_LENGTH_REMOVED', 'MAX_LENGTH_INCREASED', 'MAX_LENGTH_DECREASED',
  'MIN_LENGTH_ADDED', 'MIN_LENGTH_REMOVED', 'MIN_LENGTH_INCREASED', 'MIN_LENGTH_DECREASED',
  'PATTERN_ADDED', 'PATTERN_REMOVED', 'PATTERN_CHANGED',
  'MAXIMUM_ADDED', 'MAXIMUM_REMOVED', 'MAXIMUM_INCREASED', 'MAXIMUM_DECREASED',
  'MINIMUM_ADDED', 'MINIMUM_REMOVED', 'MINIMUM_INCREASED', 'MINIMUM_DECREASED',
  'EXCLUSIVE_MAXIMUM_ADDED', 'EXCLUSIVE_MAXIMUM_REMOVED', 'EXCLUSIVE_MAXIMUM_INCREASED', 'EXCLUSIVE_MAXIMUM_DECREASED',
  'EXCLUSIVE_MINIMUM_ADDED', 'EXCLUSIVE_MINIMUM_REMOVED', 'EXCLUSIVE_MINIMUM_INCREASED', 'EXCLUSIVE_MINIMUM_DECREASED',
  'MULTIPLE_OF_ADDED', 'MULTIPLE_OF_REMOVED', 'MULTIPLE_OF_EXPANDED', 'MULTIPLE_OF_REDUCED', 'MULTIPLE_OF_CHANGED',
  'REQUIRED_ATTRIBUTE_ADDED', 'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED', 'REQUIRED_ATTRIBUTE_REMOVED',
  'MAX_PROPERTIES_ADDED', 'MAX_PROPERTIES_REMOVED', 'MAX_PROPERTIES_INCREASED', 'MAX_PROPERTIES_DECREASED',
  'MIN_PROPERTIES_ADDED', 'MIN_PROPERTIES_REMOVED', 'MIN_PROPERTIES_INCREASED', 'MIN_PROPERTIES_DECREASED',
  'ADDITIONAL_PROPERTIES_ADDED', 'ADDITIONAL_PROPERTIES_REMOVED', 'ADDITIONAL_PROPERTIES_EXTENDED', 'ADDITIONAL_PROPERTIES_NARROWED',
  'DEPENDENCY_ARRAY_ADDED', 'DEPENDENCY_ARRAY_REMOVED', 'DEPENDENCY_ARRAY_EXTENDED', 'DEPENDENCY_ARRAY_NARROWED', 'DEPENDENCY_ARRAY_CHANGED',
  'DEPENDENCY_SCHEMA_ADDED', 'DEPENDENCY_SCHEMA_REMOVED',
  'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', 'REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL',
  'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', 'PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL',
  'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL', 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
  'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL', 'PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL', 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', 'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', 'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'RESERVED_PROPERTY_REMOVED', 'RESERVED_PROPERTY_CONFLICTS_WITH_PROPERTY',
  'UNEVALUATED_PROPERTIES_ADDED', 'UNEVALUATED_PROPERTIES_REMOVED', 'UNEVALUATED_PROPERTIES_EXTENDED', 'UNEVALUATED_PROPERTIES_NARROWED',
  'MAX_ITEMS_ADDED', 'MAX_ITEMS_REMOVED', 'MAX_ITEMS_INCREASED', 'MAX_ITEMS_DECREASED',
  'MIN_ITEMS_ADDED', 'MIN_ITEMS_REMOVED', 'MIN_ITEMS_INCREASED', 'MIN_ITEMS_DECREASED',
  'MAX_CONTAINS_ADDED', 'MAX_CONTAINS_REMOVED', 'MAX_CONTAINS_INCREASED', 'MAX_CONTAINS_DECREASED',
  'MIN_CONTAINS_ADDED', 'MIN_CONTAINS_REMOVED', 'MIN_CONTAINS_INCREASED', 'MIN_CONTAINS_DECREASED',
  'UNIQUE_ITEMS_ADDED', 'UNIQUE_ITEMS_REMOVED',
  'ADDITIONAL_ITEMS_ADDED', 'ADDITIONAL_ITEMS_REMOVED', 'ADDITIONAL_ITEMS_EXTENDED', 'ADDITIONAL_ITEMS_NARROWED',
  'UNEVALUATED_ITEMS_ADDED', 'UNEVALUATED_ITEMS_REMOVED', 'UNEVALUATED_ITEMS_EXTENDED', 'UNEVALUATED_ITEMS_NARROWED',
  'ITEM_ADDED_TO_OPEN_CONTENT_MODEL', 'ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL', 'ITEM_ADDED_TO_CLOSED_CONTENT_MODEL',
  'ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL', 'ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL', 'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  'ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', 'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', 'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'ENUM_ARRAY_EXTENDED', 'ENUM_ARRAY_NARROWED', 'ENUM_ARRAY_CHANGED',
  'COMBINED_TYPE_EXTENDED', 'COMBINED_TYPE_CHANGED', 'PRODUCT_TYPE_EXTENDED', 'PRODUCT_TYPE_NARROWED',
  'SUM_TYPE_EXTENDED', 'SUM_TYPE_NARROWED', 'COMBINED_TYPE_SUBSCHEMAS_CHANGED', 'NOT_TYPE_EXTENDED', 'NOT_TYPE_NARROWED',
  // Eventline's own kinds, where Confluent's diff does not look.
  'FORMAT_ADDED', 'FORMAT_REMOVED', 'FORMAT_CHANGED',
  'CONDITIONAL_ADDED', 'CONDITIONAL_REMOVED', 'CONDITIONAL_CHANGED',
  'PROPERTY_NAMES_ADDED', 'PROPERTY_NAMES_REMOVED',
  'CONTAINS_ADDED', 'CONTAINS_REMOVED',
  'PATTERN_PROPERTY_ADDED', 'PATTERN_PROPERTY_REMOVED',
] as const;

export type ChangeKind = (typeof KIND_NAMES)[number];

const SPECS: Record<ChangeKind, KindSpec> = {
  ID_CHANGED: ok('ID_CHANGED'),
  DESCRIPTION_CHANGED: ok('DESCRIPTION_CHANGED'),
  TITLE_CHANGED: ok('TITLE_CHANGED'),
  DEFAULT_CHANGED: ok('DEFAULT_CHANGED'),
  SCHEMA_ADDED: breaks('SCHEMA_REMOVED'),
  SCHEMA_REMOVED: ok('SCHEMA_ADDED'),
  TYPE_EXTENDED: ok('TYPE_NARROWED'),
  TYPE_NARROWED: breaks('TYPE_EXTENDED'),
  TYPE_CHANGED: breaks('TYPE_CHANGED'),
  ...upper('MAX_LENGTH'),
  ...lower('MIN_LENGTH'),
  PATTERN_ADDED: breaks('PATTERN_REMOVED'),
  PATTERN_REMOVED: ok('PATTERN_ADDED'),
  PATTERN_CHANGED: breaks('PATTERN_CHANGED'),
  ...upper('MAXIMUM'),
  ...lower('MINIMUM'),
  ...upper('EXCLUSIVE_MAXIMUM'),
  ...lower('EXCLUSIVE_MINIMUM'),
  MULTIPLE_OF_ADDED: breaks('MULTIPLE_OF_REMOVED'),
  MULTIPLE_OF_REMOVED: ok('MULTIPLE_OF_ADDED'),
  MULTIPLE_OF_EXPANDED: breaks('MULTIPLE_OF_REDUCED'),
  MULTIPLE_OF_REDUCED: ok('MULTIPLE_OF_EXPANDED'),
  MULTIPLE_OF_CHANGED: breaks('MULTIPLE_OF_CHANGED'),
  REQUIRED_ATTRIBUTE_ADDED: breaks('REQUIRED_ATTRIBUTE_REMOVED'),
  REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED: ok('REQUIRED_ATTRIBUTE_REMOVED'),
  REQUIRED_ATTRIBUTE_REMOVED: ok(), // forward: the old schema required it (with or without a default)
  ...upper('MAX_PROPERTIES'),
  ...lower('MIN_PROPERTIES'),
  ADDITIONAL_PROPERTIES_ADDED: ok('ADDITIONAL_PROPERTIES_REMOVED'),
  ADDITIONAL_PROPERTIES_REMOVED: lenientOnly('ADDITIONAL_PROPERTIES_ADDED'),
  ADDITIONAL_PROPERTIES_EXTENDED: ok('ADDITIONAL_PROPERTIES_NARROWED'),
  ADDITIONAL_PROPERTIES_NARROWED: lenientOnly('ADDITIONAL_PROPERTIES_EXTENDED'),
  DEPENDENCY_ARRAY_ADDED: breaks('DEPENDENCY_ARRAY_REMOVED'),
  DEPENDENCY_ARRAY_REMOVED: ok('DEPENDENCY_ARRAY_ADDED'),
  DEPENDENCY_ARRAY_EXTENDED: breaks('DEPENDENCY_ARRAY_NARROWED'),
  DEPENDENCY_ARRAY_NARROWED: ok('DEPENDENCY_ARRAY_EXTENDED'),
  DEPENDENCY_ARRAY_CHANGED: breaks('DEPENDENCY_ARRAY_CHANGED'),
  DEPENDENCY_SCHEMA_ADDED: breaks('DEPENDENCY_SCHEMA_REMOVED'),
  DEPENDENCY_SCHEMA_REMOVED: ok('DEPENDENCY_SCHEMA_ADDED'),
  // Content models: forward depends on both schemas, so diff.ts judges it.
  PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: lenientOnly(), // Confluent's older catch-all; Eventline reports the three below
  REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: breaks(),
  REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL: lenientOnly(),
  OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: lenientOnly(),
  PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL: ok(),
  REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL: breaks(),
  REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL: ok(),
  OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL: ok(),
  PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL: ok(),
  PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL: ok(),
  PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL: breaks(),
  PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: ok(),
  PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: lenientOnly(),
  PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: ok(),
  PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: lenientOnly(),
  // Confluent's reserved-field metadata: Eventline schemas have none, so never reported.
  RESERVED_PROPERTY_REMOVED: breaks(),
  RESERVED_PROPERTY_CONFLICTS_WITH_PROPERTY: breaks(),
  // Judged like additionalProperties (the same question for properties no other keyword evaluated).
  UNEVALUATED_PROPERTIES_ADDED: ok('UNEVALUATED_PROPERTIES_REMOVED'),
  UNEVALUATED_PROPERTIES_REMOVED: lenientOnly('UNEVALUATED_PROPERTIES_ADDED'),
  UNEVALUATED_PROPERTIES_EXTENDED: ok('UNEVALUATED_PROPERTIES_NARROWED'),
  UNEVALUATED_PROPERTIES_NARROWED: lenientOnly('UNEVALUATED_PROPERTIES_EXTENDED'),
  ...upper('MAX_ITEMS'),
  ...lower('MIN_ITEMS'),
  ...upper('MAX_CONTAINS'),
  ...lower('MIN_CONTAINS'),
  UNIQUE_ITEMS_ADDED: breaks('UNIQUE_ITEMS_REMOVED'),
  UNIQUE_ITEMS_REMOVED: ok('UNIQUE_ITEMS_ADDED'),
  ADDITIONAL_ITEMS_ADDED: ok('ADDITIONAL_ITEMS_REMOVED'),
  ADDITIONAL_ITEMS_REMOVED: breaks('ADDITIONAL_ITEMS_ADDED'),
  ADDITIONAL_ITEMS_EXTENDED: ok('ADDITIONAL_ITEMS_NARROWED'),
  ADDITIONAL_ITEMS_NARROWED: breaks('ADDITIONAL_ITEMS_EXTENDED'),
  UNEVALUATED_ITEMS_ADDED: ok('UNEVALUATED_ITEMS_REMOVED'),
  UNEVALUATED_ITEMS_REMOVED: breaks('UNEVALUATED_ITEMS_ADDED'),
  UNEVALUATED_ITEMS_EXTENDED: ok('UNEVALUATED_ITEMS_NARROWED'),
  UNEVALUATED_ITEMS_NARROWED: breaks('UNEVALUATED_ITEMS_EXTENDED'),
  ITEM_ADDED_TO_OPEN_CONTENT_MODEL: breaks(),
  ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL: ok(),
  ITEM_ADDED_TO_CLOSED_CONTENT_MODEL: ok(),
  ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL: ok(),
  ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL: ok(),
  ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL: breaks(),
  ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: ok(),
  ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: breaks(),
  ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: ok(),
  ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: breaks(),
  ENUM_ARRAY_EXTENDED: ok('ENUM_ARRAY_NARROWED'),
  ENUM_ARRAY_NARROWED: breaks('ENUM_ARRAY_EXTENDED'),
  ENUM_ARRAY_CHANGED: breaks('ENUM_ARRAY_CHANGED'),
  // Combined types: diff.ts judges forward by comparing the pair the other way round.
  COMBINED_TYPE_EXTENDED: ok(),
  COMBINED_TYPE_CHANGED: breaks('COMBINED_TYPE_CHANGED'),
  PRODUCT_TYPE_EXTENDED: breaks('PRODUCT_TYPE_NARROWED'),
  PRODUCT_TYPE_NARROWED: ok('PRODUCT_TYPE_EXTENDED'),
  SUM_TYPE_EXTENDED: ok('SUM_TYPE_NARROWED'),
  SUM_TYPE_NARROWED: breaks('SUM_TYPE_EXTENDED'),
  COMBINED_TYPE_SUBSCHEMAS_CHANGED: breaks(),
  NOT_TYPE_EXTENDED: breaks(),
  NOT_TYPE_NARROWED: ok(),
  FORMAT_ADDED: own(breaks('FORMAT_REMOVED')),
  FORMAT_REMOVED: own(ok('FORMAT_ADDED')),
  FORMAT_CHANGED: own(breaks('FORMAT_CHANGED')),
  CONDITIONAL_ADDED: own(breaks('CONDITIONAL_REMOVED')),
  CONDITIONAL_REMOVED: own(ok('CONDITIONAL_ADDED')),
  CONDITIONAL_CHANGED: own(breaks('CONDITIONAL_CHANGED')),
  PROPERTY_NAMES_ADDED: own(breaks('PROPERTY_NAMES_REMOVED')),
  PROPERTY_NAMES_REMOVED: own(ok('PROPERTY_NAMES_ADDED')),
  CONTAINS_ADDED: own(breaks('CONTAINS_REMOVED')),
  CONTAINS_REMOVED: own(ok('CONTAINS_ADDED')),
  PATTERN_PROPERTY_ADDED: own(ok()), // diff.ts judges both directions from the content models
  PATTERN_PROPERTY_REMOVED: own(ok()),
} as Record<ChangeKind, KindSpec>;

export const CHANGE_KINDS: readonly ChangeKind[] = KIND_NAMES;

/** Backward verdict of a kind (Confluent's COMPATIBLE_CHANGES for the policy). */
export function isBackwardCompatible(kind: ChangeKind, policy: CompatPolicy): boolean {
  const spec = SPECS[kind];
  return policy === 'strict' ? spec.strict : spec.lenient;
}

/** The kind the reversed diff reports, when it follows from the kind alone. */
export function inverseOf(kind: ChangeKind): ChangeKind | undefined {
  return SPECS[kind].inverse;
}

/** Strict and lenient disagree about this kind. */
export function isPolicyDependent(kind: ChangeKind): boolean {
  return SPECS[kind].strict !== SPECS[kind].lenient;
}

/** Eventline's own kind (not a Confluent Difference.Type name). */
export function isEventlineKind(kind: ChangeKind): boolean {
  return SPECS[kind].eventline === true;
}
