// Compatibility modes over versions of one event type, and the registry reporting them in the
// newer schema file at the node that changed (and revalidating 1.1 when 1.0 changes).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffSchemas } from '../../core/compat/diff';
import { modeRule, versionsToCheck } from '../../core/compat/modes';
import { versioningFindings } from '../../core/compat/versioning';
import { defaultConfig, type CompatibilityMode, type EventlineConfig } from '../../core/config/config';
import { createSchemaRegistry } from '../../core/registry/registry';
import type { EventSchema } from '../../core/registry/types';

const ROOT = '/ws';
const file = (rel: string) => `${ROOT}/schemas/${rel}`;

function version(v: string, properties: Record<string, unknown>, required: string[] = [], extra: Record<string, unknown> = {}): EventSchema {
  const [major, minor] = v.split('.').map(Number);
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', 'x-event': { type: 'OrderPlaced', version: v, ...extra }, type: 'object', properties, required };
  return { type: 'OrderPlaced', version: v, major, minor, file: file(`OrderPlaced/${v}.schema.json`), schema, ...(extra.compatibility ? { compatibility: extra.compatibility as CompatibilityMode } : {}) };
}

function findings(target: EventSchema, all: EventSchema[], mode: CompatibilityMode, policy: 'strict' | 'lenient' = 'lenient') {
  return versioningFindings(target, all, { mode, policy, diff: (a, b) => diffSchemas(a.schema, b.schema, { policy }) });
}

const S = { type: 'string' };

describe('modes', () => {
  it('say which directions and which earlier versions', () => {
    assert.deepEqual(modeRule('BACKWARD'), { backward: true, forward: false, transitive: false });
    assert.deepEqual(modeRule('FORWARD_TRANSITIVE'), { backward: false, forward: true, transitive: true });
    assert.deepEqual(modeRule('FULL'), { backward: true, forward: true, transitive: false });
    assert.deepEqual(versionsToCheck(['1.0', '1.1', '1.2'], 'FULL'), ['1.2']);
    assert.deepEqual(versionsToCheck(['1.0', '1.1', '1.2'], 'FULL_TRANSITIVE'), ['1.0', '1.1', '1.2']);
    assert.deepEqual(versionsToCheck(['1.0'], 'NONE'), []);
  });
});

describe('versioning rules', () => {
  // 1.0 {a required}; 1.1 drops the requirement (backward ok, forward breaks); 1.2 requires it again
  // (against 1.1 that breaks BACKWARD; against 1.0 it is identical).
  const v10 = version('1.0', { a: S }, ['a']);
  const v11 = version('1.1', { a: S });
  const v12 = version('1.2', { a: S }, ['a']);
  const all = [v10, v11, v12];
  const codes = (f: ReturnType<typeof findings>) => f.map((x) => `${x.code} ${(x.data as { against?: string }).against ?? ''}`.trim());

  it('BACKWARD checks the previous version only', () => {
    assert.deepEqual(codes(findings(v11, all, 'BACKWARD')), []);
    assert.deepEqual(codes(findings(v12, all, 'BACKWARD')), ['compat/breaking-change 1.1']);
  });

  it('FORWARD judges the other direction', () => {
    assert.deepEqual(codes(findings(v11, all, 'FORWARD')), ['compat/breaking-change 1.0']);
    assert.deepEqual(codes(findings(v12, all, 'FORWARD')), []);
  });

  it('FULL needs both', () => {
    assert.deepEqual(codes(findings(v11, all, 'FULL')), ['compat/breaking-change 1.0']);
    assert.deepEqual(codes(findings(v12, all, 'FULL')), ['compat/breaking-change 1.1']);
  });

  it('transitive modes check every earlier version of the major, reporting a break once', () => {
    // 1.2 adds optional b; 1.0 -> 1.2 and 1.1 -> 1.2 both fine backward; a 1.2 that narrows a
    // property 1.0 had wider breaks only transitively.
    const w10 = version('1.0', { a: S });
    const w11 = version('1.1', { a: { type: 'string', maxLength: 5 } });
    const w12 = version('1.2', { a: { type: 'string', maxLength: 5 } });
    const chain = [w10, w11, w12];
    assert.deepEqual(codes(findings(w12, chain, 'BACKWARD')), []);
    assert.deepEqual(codes(findings(w12, chain, 'BACKWARD_TRANSITIVE')), ['compat/breaking-change 1.0']);
    assert.deepEqual(codes(findings(w12, chain, 'FORWARD_TRANSITIVE')), []);
    assert.deepEqual(codes(findings(w12, chain, 'FULL_TRANSITIVE')), ['compat/breaking-change 1.0']);
    assert.deepEqual(codes(findings(w12, chain, 'NONE')), []);
  });

  it('x-event.compatibility overrides the configured mode', () => {
    const loose = version('1.2', { a: S }, ['a'], { compatibility: 'NONE' });
    assert.deepEqual(findings(loose, [v10, v11, loose], 'FULL'), []);
  });

  it('a major bump is not checked, but notes the upcaster with the breaking changes', () => {
    const v20 = version('2.0', { b: S }, ['b']);
    const [note, ...rest] = findings(v20, [v10, v11, v20], 'FULL');
    assert.equal(rest.length, 0);
    assert.equal(note.code, 'compat/upcaster-needed');
    assert.deepEqual(note.path, ['x-event', 'version']);
    assert.match(note.message, /upcaster from 1\.x to 2\.0/);
    assert.match(note.message, /required property 'b'/);
  });

  it('the first version has nothing to check', () => {
    assert.deepEqual(findings(v10, all, 'FULL'), []);
  });

  it('the message names the change, the versions, the mode and the fix; the policy when it matters', () => {
    const [finding] = findings(version('1.1', { a: S, currency: S }, ['a', 'currency']), [v10, version('1.1', { a: S, currency: S }, ['a', 'currency'])], 'BACKWARD');
    assert.match(finding.message, /^Added required property 'currency' .* breaks BACKWARD compatibility with OrderPlaced 1\.0: consumers on 1\.1 cannot read events already written as 1\.0\. Make it optional with a default, or publish it as 2\.0\./);
    assert.deepEqual(finding.path, ['properties', 'currency']);
    const [strict] = findings(version('1.1', { a: S, note: S }, ['a']), [v10, version('1.1', { a: S, note: S }, ['a'])], 'BACKWARD', 'strict');
    assert.match(strict.message, /strict policy/);
  });
});

describe('registry: compatibility problems in schema files', () => {
  const text = (v: string, properties: Record<string, unknown>, required: string[]) => JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', 'x-event': { type: 'OrderPlaced', version: v }, type: 'object', properties, required }, null, 2);
  const config = (): EventlineConfig => ({ ...defaultConfig(), compatibility: 'BACKWARD' });

  it('reports a breaking minor at the exact node of the newer file', () => {
    const registry = createSchemaRegistry({ root: ROOT, config: config() });
    registry.setFile(file('OrderPlaced/1.0.schema.json'), text('1.0', { orderId: S }, ['orderId']));
    registry.setFile(file('OrderPlaced/1.1.schema.json'), text('1.1', { orderId: S, currency: S }, ['orderId', 'currency']));
    assert.deepEqual(registry.problems(file('OrderPlaced/1.0.schema.json')), []);
    const problems = registry.problems(file('OrderPlaced/1.1.schema.json'));
    // Line 11, column 4: the "currency" key under properties.
    assert.deepEqual(problems.map((p) => [p.code, p.range.start.line, p.range.start.character]), [['compat/breaking-change', 11, 4]]);
    assert.equal(problems[0].severity, 'error');
  });

  it('editing 1.0 revalidates 1.1', () => {
    const registry = createSchemaRegistry({ root: ROOT, config: config() });
    registry.setFile(file('OrderPlaced/1.0.schema.json'), text('1.0', { orderId: S }, ['orderId']));
    registry.setFile(file('OrderPlaced/1.1.schema.json'), text('1.1', { orderId: S, currency: S }, ['orderId', 'currency']));
    assert.equal(registry.problems(file('OrderPlaced/1.1.schema.json')).length, 1);
    // 1.0 gains the required currency too: 1.1 is no longer a break.
    const affected = registry.setFile(file('OrderPlaced/1.0.schema.json'), text('1.0', { orderId: S, currency: S }, ['orderId', 'currency']));
    assert.ok(affected.includes(file('OrderPlaced/1.1.schema.json')), `1.1 not among ${affected.join(', ')}`);
    assert.deepEqual(registry.problems(file('OrderPlaced/1.1.schema.json')), []);
    // Removing 1.0 leaves 1.1 alone (and says so).
    assert.ok(registry.removeFile(file('OrderPlaced/1.0.schema.json')).includes(file('OrderPlaced/1.1.schema.json')));
  });

  it('follows $refs into shared files, and a change there reaches every version using it', () => {
    const registry = createSchemaRegistry({ root: ROOT, config: config() });
    const money = (max: number) => JSON.stringify({ $defs: { Money: { type: 'object', properties: { amount: { type: 'number', maximum: max } } } } });
    registry.setFile(file('_common/money.schema.json'), money(100));
    registry.setFile(file('OrderPlaced/1.0.schema.json'), text('1.0', { total: { maximum: 100, type: 'number' } }, []));
    registry.setFile(file('OrderPlaced/1.1.schema.json'), text('1.1', { total: { $ref: '../_common/money.schema.json#/$defs/Money' } }, []));
    const problems = registry.problems(file('OrderPlaced/1.1.schema.json'));
    assert.deepEqual(problems.map((p) => p.code), ['compat/breaking-change']);
    assert.match(problems[0].message, /money\.schema\.json/);
  });

  it('a major version gets the upcaster note as information', () => {
    const registry = createSchemaRegistry({ root: ROOT, config: config() });
    registry.setFile(file('OrderPlaced/1.0.schema.json'), text('1.0', { orderId: S }, ['orderId']));
    registry.setFile(file('OrderPlaced/2.0.schema.json'), text('2.0', { id: S }, ['id']));
    const problems = registry.problems(file('OrderPlaced/2.0.schema.json'));
    assert.deepEqual(problems.map((p) => [p.code, p.severity, p.range.start.line]), [['compat/upcaster-needed', 'information', 4]]);
  });
});
