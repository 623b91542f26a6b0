// Schema evolution: diffs with Confluent's classification, compatibility modes, versioning rules.
export { diffSchemas, isCompatible, toPointer, type DiffOptions, type RefResolver, type SchemaNode } from './diff';
export { brokenDirections, COMPATIBILITY_MODES, isCompatibilityMode, modeRule, versionsToCheck, type ModeRule } from './modes';
export { CHANGE_KINDS, isBackwardCompatible, isEventlineKind, isPolicyDependent, type ChangeKind, type CompatPolicy, type SchemaChange } from './types';
export { effectiveMode, pointerToPath, versioningFindings, type VersioningOptions } from './versioning';
export { firstDifference, publishedVersionProblem, type ReleasedContext } from './published';
export { BreakingAllowances } from './suppressions';
