// Compatibility benchmark: a generated (seeded) workspace of 500 event types x 3 versions of
// nested schemas with 20-60 properties each. Minor versions add optional properties; about a third
// of the types end in a breaking major. The whole workspace's compatibility is checked the way the
// registry does it (core/compat versioning for every version of every type, FULL mode), beside
// ajv compiling the same 1,500 schemas with Eventline's ajv options (the sense of scale).
import { diffSchemas } from '../core/compat/diff';
import { versioningFindings } from '../core/compat/versioning';
import { createAjv } from '../core/registry/dialect';
import type { EventSchema } from '../core/registry/types';
import { createRandom } from '../test/support/random';
import { medianTimed, type Benchmark, type BenchResult } from './harness';

const TYPES = Number(process.env.BENCH_COMPAT_TYPES ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const POLICY = 'lenient';

const NOUNS = ['order', 'payment', 'customer', 'invoice', 'shipment', 'refund', 'cart', 'product', 'coupon', 'account', 'address', 'item', 'line', 'discount', 'tax', 'carrier', 'parcel', 'contact', 'wallet', 'note'];
const FIELDS = ['id', 'code', 'name', 'amount', 'status', 'createdAt', 'quantity', 'currency', 'email', 'country', 'reason', 'total', 'count', 'url', 'label', 'kind', 'ref', 'version', 'region', 'score'];
const STATUSES = ['new', 'pending', 'active', 'done', 'failed', 'cancelled'];

type Schema = Record<string, unknown>;

export const compatBenchmark: Benchmark = {
  name: 'compat',
  async run(): Promise<BenchResult> {
    const types = generateTypes(TYPES, 7);
    const all = types.flat();
    const propertyCounts = types.map((versions) => countProperties(versions[0].schema));

    // Eventline: every version of every type checked against its type's earlier versions.
    let findings: { breaking: number; upcaster: number } = { breaking: 0, upcaster: 0 };
    const check = await medianTimed(() => {
      const start = performance.now();
      const counted = { breaking: 0, upcaster: 0 };
      for (const versions of types) {
        for (const target of versions) {
          for (const f of versioningFindings(target, versions, { mode: 'FULL', policy: POLICY, diff: (older, newer) => diffSchemas(older.schema, newer.schema, { policy: POLICY }) })) {
            if (f.code === 'compat/breaking-change') counted.breaking++;
            else counted.upcaster++;
          }
        }
      }
      findings = counted;
      return performance.now() - start;
    }, RUNS);

    // ajv: the same schemas compiled by a fresh instance each run (no cache carried over).
    const compile = await medianTimed(() => {
      const ajv = createAjv('2020-12');
      const start = performance.now();
      for (const version of all) ajv.compile(version.schema);
      return performance.now() - start;
    }, RUNS);

    const majors = types.filter((versions) => versions[2].major === 2).length;
    return {
      name: 'compat',
      description: `${TYPES} event types x 3 versions = ${all.length} schemas (${Math.min(...propertyCounts)}-${Math.max(...propertyCounts)} properties each, nested), ${majors} types ending in a breaking major; mode FULL, policy ${POLICY}; found ${findings.breaking} breaking changes in minors (expected 0) and ${findings.upcaster} upcaster notes (one per major); medians of ${RUNS} runs after a warm-up.`,
      figures: [
        { name: 'Eventline compatibility check, whole workspace', value: check.median, unit: 'ms' },
        { name: `ajv compile of the same ${all.length} schemas`, value: compile.median, unit: 'ms' },
        { name: 'Eventline compatibility check per schema', value: (check.median / all.length) * 1000, unit: 'µs' },
      ],
      comparisons: [{ name: 'compat check time / ajv compile time', value: check.median / compile.median, kind: 'max', target: 1, description: 'compat check time < ajv compile time' }],
      details: { types: TYPES, schemas: all.length, breakingMajors: majors, findings, samplesMs: { check: check.samples, compile: compile.samples } },
    };
  },
};

/** Per type: 1.0, then 1.1 (optional properties added), then 1.2 (more optional) or a breaking 2.0. */
function generateTypes(count: number, seed: number): EventSchema[][] {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  const leaf = (field: string): Schema => {
    switch (field) {
      case 'id':
      case 'ref':
        return { type: 'string', minLength: 1, maxLength: 64 };
      case 'createdAt':
        return { type: 'string', format: 'date-time' };
      case 'email':
        return { type: 'string', format: 'email' };
      case 'url':
        return { type: 'string', format: 'uri' };
      case 'amount':
      case 'total':
      case 'score':
        return { type: 'number', minimum: 0 };
      case 'quantity':
      case 'count':
      case 'version':
        return { type: 'integer', minimum: 0, maximum: 100000 };
      case 'status':
      case 'kind':
        return { type: 'string', enum: STATUSES };
      case 'currency':
        return { type: 'string', pattern: '^[A-Z]{3}$' };
      case 'country':
      case 'region':
        return { type: 'string', minLength: 2, maxLength: 2 };
      default:
        return { type: 'string', maxLength: 200 };
    }
  };

  /** An object of about `budget` properties (counting nested ones), nesting up to `depth`. */
  const object = (budget: number, depth: number): { schema: Schema; used: number } => {
    const properties: Record<string, Schema> = {};
    let used = 0;
    while (used < budget) {
      const name = `${pick(NOUNS)}${capitalize(pick(FIELDS))}${Object.keys(properties).length}`;
      const roll = random();
      if (depth > 0 && budget - used >= 6 && roll < 0.15) {
        const inner = object(int(3, Math.min(8, budget - used - 1)), depth - 1);
        properties[name] = inner.schema;
        used += inner.used + 1;
      } else if (depth > 0 && budget - used >= 5 && roll < 0.25) {
        const inner = object(int(2, Math.min(5, budget - used - 1)), depth - 1);
        properties[name] = { type: 'array', items: inner.schema, maxItems: 500 };
        used += inner.used + 1;
      } else {
        properties[name] = leaf(pick(FIELDS));
        used++;
      }
    }
    const names = Object.keys(properties);
    const required = names.filter(() => random() < 0.4);
    // Some nested objects are closed (additionalProperties: false); the event's top level stays open.
    const closed = depth < 2 && random() < 0.2;
    return { schema: { type: 'object', properties, required, ...(closed ? { additionalProperties: false } : {}) }, used };
  };

  const types: EventSchema[][] = [];
  for (let t = 0; t < count; t++) {
    const type = `${capitalize(pick(NOUNS))}${capitalize(pick(NOUNS))}Changed${t}`;
    const v10 = object(int(20, 60), 2).schema;
    const v11 = addOptional(v10, int(1, 3), random);
    const breaking = random() < 1 / 3;
    const third = breaking ? breakSchema(v11, random) : addOptional(v11, int(1, 2), random);
    const versions = [v10, v11, third].map((schema, i) => {
      const version = i < 2 ? `1.${i}` : breaking ? '2.0' : '1.2';
      return toEvent(type, version, schema, t);
    });
    types.push(versions);
  }
  return types;
}

/** A minor bump: optional properties added at the (open) top level. */
function addOptional(schema: Schema, count: number, random: () => number): Schema {
  const next = structuredClone(schema);
  const properties = next.properties as Record<string, Schema>;
  for (let i = 0; i < count; i++) properties[`added${Object.keys(properties).length}${Math.floor(random() * 1000)}`] = { type: 'string', maxLength: 100 };
  return next;
}

/** A major bump: a new required property, a removed one, a changed type. */
function breakSchema(schema: Schema, random: () => number): Schema {
  const next = structuredClone(schema);
  const properties = next.properties as Record<string, Schema>;
  const names = Object.keys(properties);
  properties[`mandatory${Math.floor(random() * 1000)}`] = { type: 'string' };
  next.required = [...(next.required as string[]), Object.keys(properties).at(-1)!];
  delete properties[names[0]];
  next.required = (next.required as string[]).filter((n) => n !== names[0]);
  const changed = names[1];
  properties[changed] = { type: properties[changed].type === 'integer' ? 'string' : 'integer' };
  return next;
}

function toEvent(type: string, version: string, data: Schema, index: number): EventSchema {
  const [major, minor] = version.split('.').map(Number);
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: type,
    description: `Benchmark event ${index}.`,
    'x-event': { type, version, kind: 'domain', source: 'bench-service' },
    ...data,
  };
  return { type, version, major, minor, file: `/bench/schemas/${type}/${version}.schema.json`, schema };
}

function countProperties(schema: unknown): number {
  if (typeof schema !== 'object' || schema === null) return 0;
  const node = schema as Schema;
  let count = 0;
  if (node.properties) for (const child of Object.values(node.properties as Record<string, unknown>)) count += 1 + countProperties(child);
  if (node.items) count += countProperties(node.items);
  return count;
}

function capitalize(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}
