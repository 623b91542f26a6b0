// A memo over the schema registry for one validation pass: versions(), get() and eventTypes()
// are asked once per event, and the registry answers them with fresh arrays and map walks. The
// registry is stable while a pass runs (SchemaLookup's contract), so answers can be kept until
// the pass ends; validateData and generationOf pass straight through.
import type { EventSchema, SchemaLookup } from '../registry/types';

export function createLookupCache(registry: SchemaLookup): SchemaLookup {
  const versions = new Map<string, string[]>();
  // type -> version -> schema: nested maps, so a lookup builds no "type+version" key string.
  const schemas = new Map<string, Map<string, EventSchema | undefined>>();
  let types: string[] | undefined;
  return {
    eventTypes: () => (types ??= registry.eventTypes()),
    versions(type) {
      let found = versions.get(type);
      if (!found) versions.set(type, (found = registry.versions(type)));
      return found;
    },
    get(type, version) {
      let byVersion = schemas.get(type);
      if (!byVersion) schemas.set(type, (byVersion = new Map()));
      let schema = byVersion.get(version);
      if (schema === undefined && !byVersion.has(version)) byVersion.set(version, (schema = registry.get(type, version)));
      return schema;
    },
    validateData: (type, version, data) => registry.validateData(type, version, data),
    generationOf: (type) => registry.generationOf(type),
  };
}
