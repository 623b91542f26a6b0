// The "Publish as N.0" plan: which file is created with which text, and what happens to the
// breaking minor (restored from git's committed text, or removed when git does not know it).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planPublishAsMajor } from '../../core/compat/publishAsMajor';

const dir = '/ws/schemas/OrderPlaced';
const json11 = `{
  "x-event": { "type": "OrderPlaced", "version": "1.1" },
  "type": "object",
  "properties": { "currency": { "type": "string" } },
  "required": ["currency"]
}
`;

describe('planPublishAsMajor', () => {
  it('creates <next major>.0 from the current text with only x-event.version changed, and restores the committed minor', () => {
    const committed = json11.replace(', "required": ["currency"]', '');
    const plan = planPublishAsMajor({ file: `${dir}/1.1.schema.json`, text: json11, committedText: committed, existingVersions: ['1.0', '1.1'] });
    assert.ok(plan.ok);
    assert.equal(plan.version, '2.0');
    assert.deepEqual(plan.create, { file: `${dir}/2.0.schema.json`, text: json11.replace('"version": "1.1"', '"version": "2.0"') });
    assert.deepEqual(plan.minor, { action: 'restore', file: `${dir}/1.1.schema.json`, text: committed });
  });

  it('removes the minor when git does not track it', () => {
    const plan = planPublishAsMajor({ file: `${dir}/1.1.schema.json`, text: json11, committedText: undefined });
    assert.ok(plan.ok);
    assert.deepEqual(plan.minor, { action: 'delete', file: `${dir}/1.1.schema.json` });
  });

  it('keeps a YAML file YAML (same extension, same formatting, only the version scalar replaced)', () => {
    const yaml = `# Orders\nx-event:\n  type: OrderPlaced\n  version: '1.2'   # the current minor\ntype: object\n`;
    const plan = planPublishAsMajor({ file: `${dir}/1.2.schema.yml`, text: yaml, committedText: undefined });
    assert.ok(plan.ok);
    assert.equal(plan.create.file, `${dir}/2.0.schema.yml`);
    assert.equal(plan.create.text, yaml.replace(`'1.2'`, '"2.0"'));
  });

  it('skips majors that already exist, so an existing file is never overwritten', () => {
    const plan = planPublishAsMajor({ file: `${dir}/1.1.schema.json`, text: json11, committedText: undefined, existingVersions: ['1.0', '1.1', '2.0', '2.1'] });
    assert.ok(plan.ok);
    assert.equal(plan.version, '3.0');
    assert.equal(plan.create.file, `${dir}/3.0.schema.json`);
  });

  it('declines text it cannot safely rewrite', () => {
    assert.equal(planPublishAsMajor({ file: `${dir}/1.1.schema.json`, text: '{ "x-event": ', committedText: undefined }).ok, false);
    assert.equal(planPublishAsMajor({ file: `${dir}/1.1.schema.json`, text: '{ "x-event": { "version": 11 } }', committedText: undefined }).ok, false);
    assert.equal(planPublishAsMajor({ file: `${dir}/notes.json`, text: json11, committedText: undefined }).ok, false);
  });
});
