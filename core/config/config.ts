// eventline.json: defaults for every key, validated against schemas/eventline.schema.json (the
// same schema gives users completion in the editor through contributes.jsonValidation).
import Ajv from 'ajv';
import configSchema from '../../schemas/eventline.schema.json';
import type { Finding, Severity } from '../types';

export type EnvelopeStyle = 'default' | 'cloudevents';
export type CompatibilityMode = 'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FORWARD' | 'FORWARD_TRANSITIVE' | 'FULL' | 'FULL_TRANSITIVE' | 'NONE';

export interface EventlineConfig {
  envelope: EnvelopeStyle;
  schemasDir: string;
  eventFiles: string[];
  exclude: string[];
  compatibility: CompatibilityMode;
  compatibilityPolicy: 'strict' | 'lenient';
  outDir: string;
  store: { backend: 'local' | 'postgres' | 'nats'; path: string; url?: string };
  naming: { pastTense: boolean };
  maxFileSizeMB: number;
  diagnostics: Record<string, Severity | 'off'>;
}

export const CONFIG_FILE = 'eventline.json';

export function defaultConfig(): EventlineConfig {
  return {
    envelope: 'default',
    schemasDir: 'schemas',
    eventFiles: ['**/*.events.jsonl', '**/*.event.json', '**/*.events.json'],
    exclude: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/.eventline/**'],
    compatibility: 'FULL',
    compatibilityPolicy: 'lenient',
    outDir: 'src/events',
    store: { backend: 'local', path: '.eventline/store' },
    naming: { pastTense: true },
    maxFileSizeMB: 64,
    diagnostics: {},
  };
}

const validateConfig = new Ajv({ allErrors: true, strict: false }).compile(configSchema);

/**
 * Merges a parsed eventline.json over the defaults. Invalid keys are reported and ignored, so a
 * typo in one setting never disables validation of the whole workspace.
 */
export function resolveConfig(value: unknown): { config: EventlineConfig; findings: Finding[] } {
  const config = defaultConfig();
  const findings: Finding[] = [];
  if (value === undefined) return { config, findings };
  if (!validateConfig(value)) {
    for (const error of validateConfig.errors ?? []) {
      const path = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      let message = `eventline.json${error.instancePath ? ` at ${error.instancePath}` : ''} ${error.message}`;
      let target: 'key' | 'value' = 'value';
      if (error.keyword === 'additionalProperties') {
        const extra = String(error.params.additionalProperty);
        path.push(extra);
        target = 'key';
        message = `Unknown setting "${extra}" in eventline.json: remove it or check its spelling (see schemas/eventline.schema.json).`;
      } else if (error.keyword === 'enum') {
        message += `: ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      }
      findings.push({ code: 'config/invalid', message, path, target });
    }
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const bad = new Set(findings.map((f) => String(f.path[0])));
    const user = value as Record<string, unknown>;
    for (const key of Object.keys(config) as (keyof EventlineConfig)[]) {
      if (!(key in user) || bad.has(key)) continue;
      const given = user[key];
      const current = config[key];
      (config as unknown as Record<string, unknown>)[key] =
        typeof current === 'object' && !Array.isArray(current) ? { ...current, ...(given as object) } : given;
    }
  }
  return { config, findings };
}
