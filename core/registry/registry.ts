// PLACEHOLDER until the registry lands: an empty registry so the workspace compiles.
import type { EventlineConfig } from '../config/config';
import type { SchemaRegistry } from './types';

export interface RegistryOptions {
  root: string;
  config: EventlineConfig;
}

export function createSchemaRegistry(_options: RegistryOptions): SchemaRegistry {
  return {
    setFile: () => [],
    removeFile: () => [],
    files: () => [],
    problems: () => [],
    typesAffectedBy: () => [],
    eventTypes: () => [],
    versions: () => [],
    get: () => undefined,
    validateData: () => undefined,
    generationOf: () => 0,
  };
}
