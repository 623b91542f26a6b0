// The editor-free engine's public surface. server/, cli/ and client/ import from here only.
export type { Finding, JsonPath, Position, Problem, Range, Severity, TextEdit } from './types';
export { RULES, ruleFor, type RuleSpec, type DiagnosticCode } from './codes';
export { CONFIG_FILE, defaultConfig, resolveConfig, type EventlineConfig, type CompatibilityMode, type EnvelopeStyle } from './config/config';
export type { EventKind, EventSchema, SchemaLookup, SchemaRegistry } from './registry/types';
export type { EventFileLayout } from './envelope/types';
export { Workspace } from './workspace/workspace';
export { nodeHost, type WorkspaceHost } from './workspace/host';
export type { FileKind } from './workspace/classify';
