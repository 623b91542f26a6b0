// x-event.allowBreaking: reading the entries, leaving out the breaking changes they cover (at the
// path or below it), compat/unused-suppression for entries that cover nothing, and the registry
// placing both in the schema file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffSchemas } from '../../core/compat/diff';
import { versioningFindings } from '../../core/compat/versioning';
import { defaultConfig, type CompatibilityMode } from '../../core/config/config';
import { createSchemaRegistry } from '../../core/registry/registry';
import type { EventSchema } from '../../core/registry/types';
import { readXEvent, type BreakingAllowance } from '../../core/registry/xEvent';

const S = { type: 'string' };

function version(v: string, properties: Record<string, unknown>, required: string[], allowBreaking?: BreakingAllowance[]): EventSchema {
  const [major, minor] = v.split('.').map(Number);
  const schema = { 'x-event': { type: 'OrderPlaced', version: v }, type: 'object', properties, required };
  return { type: 'OrderPlaced', version: v, major, minor, file: `/ws/schemas/OrderPlaced/${v}.schema.json`, schema, ...(allowBreaking ? { allowBreaking } : {}) };
}

function findings(target: EventSchema, all: EventSchema[], mode: CompatibilityMode = 'BACKWARD') {
  return versioningFindings(target, all, { mode, policy: 'lenient', diff: (a, b) => diffSchemas(a.schema, b.schema, { policy: 'lenient' }) });
}

const allow = (path: string, index = 0): BreakingAllowance => ({ path, reason: 'no consumer reads it yet', index });
const summary = (f: ReturnType<typeof findings>) => f.map((x) => `${x.code} ${x.path.join('/')}`);

describe('reading x-event.allowBreaking', () => {
  const read = (allowBreaking: unknown) => readXEvent({ type: 'OrderPlaced', version: '1.1', allowBreaking }, {});

  it('accepts entries with a "#" pointer and a reason', () => {
    const { xEvent, findings: problems } = read([{ path: '#/properties/total', reason: 'nobody reads total' }, { path: '#', reason: 'pre-release' }]);
    assert.deepEqual(problems, []);
    assert.deepEqual(xEvent.allowBreaking, [
      { path: '#/properties/total', reason: 'nobody reads total', index: 0 },
      { path: '#', reason: 'pre-release', index: 1 },
    ]);
  });

  it('requires a non-empty reason: missing at the entry, empty at the reason, and the entry is not applied', () => {
    const { xEvent, findings: problems } = read([{ path: '#/properties/a' }, { path: '#/properties/b', reason: '  ' }]);
    assert.deepEqual(problems.map((p) => [p.code, p.path]), [
      ['schema/invalid-x-event', ['x-event', 'allowBreaking', 0]],
      ['schema/invalid-x-event', ['x-event', 'allowBreaking', 1, 'reason']],
    ]);
    assert.match(problems[0].message, /needs a non-empty "reason"/);
    assert.equal(xEvent.allowBreaking, undefined);
  });

  it('rejects a non-array, a path that is not a "#" pointer and unknown keys', () => {
    assert.deepEqual(read({ path: '#' }).findings.map((p) => p.path), [['x-event', 'allowBreaking']]);
    const { findings: problems } = read([{ path: '/properties/a', reason: 'r', rule: 'x' }]);
    assert.deepEqual(problems.map((p) => [p.path, p.target ?? 'value']), [
      [['x-event', 'allowBreaking', 0, 'rule'], 'key'],
      [['x-event', 'allowBreaking', 0, 'path'], 'value'],
    ]);
  });
});

describe('suppressing breaking changes', () => {
  const v10 = version('1.0', { orderId: S, total: { type: 'number' } }, ['orderId']);

  it('an entry at the changed path leaves that break out and keeps the others', () => {
    const v11 = version('1.1', { orderId: S, total: { type: 'number' }, currency: S, note: S }, ['orderId', 'currency', 'note'], [allow('#/properties/currency')]);
    assert.deepEqual(summary(findings(v11, [v10, v11])), ['compat/breaking-change properties/note']);
  });

  it('covers changes below its path, and "#" covers every change', () => {
    const nested = version('1.1', { orderId: S, total: { type: 'integer', maximum: 5 } }, ['orderId'], [allow('#/properties/total')]);
    assert.deepEqual(summary(findings(nested, [v10, nested])), []);
    const unsuppressed = version('1.1', { orderId: S, total: { type: 'integer', maximum: 5 } }, ['orderId']);
    const breaks = findings(unsuppressed, [v10, unsuppressed]);
    assert.ok(breaks.length > 0 && breaks.every((f) => f.path.slice(0, 2).join('/') === 'properties/total'), 'without the entry the changes break, below #/properties/total');
    const everything = version('1.1', { orderId: { type: 'integer' }, total: { type: 'integer' } }, ['orderId'], [allow('#')]);
    assert.deepEqual(summary(findings(everything, [v10, everything])), []);
  });

  it('a path that only shares a prefix does not cover', () => {
    const v11 = version('1.1', { orderId: S, total: { type: 'number' }, totalTax: S }, ['orderId', 'totalTax'], [allow('#/properties/total')]);
    assert.deepEqual(summary(findings(v11, [v10, v11])), ['compat/breaking-change properties/totalTax', 'compat/unused-suppression x-event/allowBreaking/0/path']);
  });

  it('an entry that covers nothing is a compat/unused-suppression warning at its path', () => {
    const v11 = version('1.1', { orderId: S, total: { type: 'number' }, memo: S }, ['orderId'], [allow('#/properties/memo', 0)]);
    const out = findings(v11, [v10, v11]);
    assert.deepEqual(summary(out), ['compat/unused-suppression x-event/allowBreaking/0/path']);
    assert.match(out[0].message, /allows breaking changes at #\/properties\/memo, but OrderPlaced 1\.1 has none there \(mode BACKWARD against 1\.0\): remove the entry/);
  });

  it('is unused on a first version, under NONE, and on a new major', () => {
    const first = version('1.0', { orderId: S }, [], [allow('#/properties/orderId')]);
    assert.match(findings(first, [first])[0].message, /first version/);
    const none = version('1.1', { orderId: { type: 'integer' }, total: { type: 'number' } }, ['orderId'], [allow('#/properties/orderId')]);
    assert.deepEqual(summary(findings(none, [v10, none], 'NONE')), ['compat/unused-suppression x-event/allowBreaking/0/path']);
    const major = version('2.0', { orderId: { type: 'integer' } }, ['orderId'], [allow('#/properties/orderId')]);
    assert.deepEqual(findings(major, [v10, major]).map((f) => f.code), ['compat/upcaster-needed', 'compat/unused-suppression']);
  });

  it('transitive modes: one entry covers the same break against every earlier version', () => {
    const v11 = version('1.1', { orderId: S, total: { type: 'number' } }, ['orderId']);
    const v12 = version('1.2', { orderId: S, total: { type: 'number' }, currency: S }, ['orderId', 'currency'], [allow('#/properties/currency')]);
    assert.deepEqual(summary(findings(v12, [v10, v11, v12], 'BACKWARD_TRANSITIVE')), []);
  });
});

describe('registry: allowBreaking in a schema file', () => {
  const v10 = `{
  "x-event": { "type": "OrderPlaced", "version": "1.0" },
  "type": "object",
  "properties": { "orderId": { "type": "string" } },
  "required": ["orderId"]
}
`;
  const v11 = (entries: string) => `{
  "x-event": {
    "type": "OrderPlaced",
    "version": "1.1",
    "allowBreaking": ${entries}
  },
  "type": "object",
  "properties": { "orderId": { "type": "string" }, "currency": { "type": "string" } },
  "required": ["orderId", "currency"]
}
`;
  const at = (file: string, registry: ReturnType<typeof createSchemaRegistry>) => registry.problems(file).map((p) => [p.code, p.severity, p.range.start.line + 1, p.range.start.character + 1]);
  const file = (v: string) => `/ws/schemas/OrderPlaced/${v}.schema.json`;

  function registryWith(entries: string) {
    const registry = createSchemaRegistry({ root: '/ws', config: { ...defaultConfig(), compatibility: 'BACKWARD' } });
    registry.setFile(file('1.0'), v10);
    registry.setFile(file('1.1'), v11(entries));
    return registry;
  }

  it('a covering entry removes compat/breaking-change', () => {
    assert.deepEqual(at(file('1.1'), registryWith('[{ "path": "#/properties/currency", "reason": "every producer sets it already" }]')), []);
  });

  it('without a reason: schema/invalid-x-event at the entry, and the break stays', () => {
    assert.deepEqual(at(file('1.1'), registryWith('[{ "path": "#/properties/currency" }]')), [
      ['schema/invalid-x-event', 'error', 5, 23],
      ['compat/breaking-change', 'error', 8, 52],
    ]);
  });

  it('an unused entry is a warning at its path value', () => {
    assert.deepEqual(at(file('1.1'), registryWith('[{ "path": "#/properties/currency", "reason": "r" }, { "path": "#/properties/orderId", "reason": "r" }]')), [
      ['compat/unused-suppression', 'warning', 5, 85],
    ]);
  });
});
