import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig, resolveConfig } from '../../core/config/config';

describe('resolveConfig', () => {
  it('gives every key a default', () => {
    const { config, findings } = resolveConfig(undefined);
    assert.deepEqual(findings, []);
    assert.equal(config.envelope, 'default');
    assert.equal(config.compatibility, 'FULL');
    assert.equal(config.schemasDir, 'schemas');
  });
  it('merges user values over the defaults, nested objects key by key', () => {
    const { config, findings } = resolveConfig({ envelope: 'cloudevents', store: { path: 'data/store' } });
    assert.deepEqual(findings, []);
    assert.equal(config.envelope, 'cloudevents');
    assert.deepEqual(config.store, { backend: 'local', path: 'data/store' });
  });
  it('reports an unknown key at the key and keeps the valid settings', () => {
    const { config, findings } = resolveConfig({ envelop: 'cloudevents', compatibility: 'BACKWARD' });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].code, 'config/invalid');
    assert.deepEqual(findings[0].path, ['envelop']);
    assert.equal(findings[0].target, 'key');
    assert.match(findings[0].message, /Unknown setting "envelop"/);
    assert.equal(config.compatibility, 'BACKWARD');
  });
  it('reports a bad value with the allowed ones and ignores it', () => {
    const { config, findings } = resolveConfig({ compatibility: 'SIDEWAYS' });
    assert.deepEqual(findings[0].path, ['compatibility']);
    assert.match(findings[0].message, /"FULL_TRANSITIVE"/);
    assert.equal(config.compatibility, defaultConfig().compatibility);
  });
  it('insists that a store URL names an environment variable, never a literal credential', () => {
    const { findings } = resolveConfig({ store: { backend: 'postgres', url: 'postgres://user:secret@db/x' } });
    assert.deepEqual(findings[0].path, ['store', 'url']);
  });
});
