// `--format sarif` validated against the official SARIF 2.1.0 JSON Schema (vendored under
// test/fixtures/sarif, see its README), plus the properties code-scanning services rely on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import pkg from '../../package.json';
import { RULES } from '../../core/codes';
import { readManifest } from './checkReport';
import { repoRoot, runCli } from './runCli';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
}

function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // draft-04 -> draft-07: the root `id` is the only draft-04-only keyword this schema uses.
  schema.$id = schema.id;
  delete schema.id;
  schema.$schema = 'http://json-schema.org/draft-07/schema#';
  // unicodeRegExp off: the official schema's `language` pattern has a stray ']' that only the
  // legacy (non-Unicode) RegExp syntax accepts, as the draft-04 validators it was written for did.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('eventline check --format sarif', () => {
  const validate = sarifValidator();

  it('the schema check rejects an invalid log (the validator is live)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
    assert.equal(validate({ version: '3.0', runs: [] }), false);
  });

  for (const workspace of ['examples/shop', 'examples/shop-broken', 'examples/shop-broken-cloudevents']) {
    it(`is valid SARIF 2.1.0 for ${workspace}`, () => {
      const { code, stdout } = runCli(['check', workspace, '--format', 'sarif']);
      assert.equal(code, workspace === 'examples/shop' ? 0 : 1);
      const log = JSON.parse(stdout);
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    });
  }

  it('has one run with every rule, results pointing at the manifest positions', () => {
    const { stdout } = runCli(['check', 'examples/shop-broken', '--format', 'sarif']);
    const log = JSON.parse(stdout);
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'eventline');
    assert.equal(run.tool.driver.version, pkg.version);
    const rules: { id: string; shortDescription: { text: string } }[] = run.tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), [...RULES.keys()]);
    for (const rule of rules) assert.equal(rule.shortDescription.text, RULES.get(rule.id)?.purpose);
    assert.deepEqual(run.originalUriBaseIds, { SRCROOT: { uri: pathToFileURL(repoRoot).href + '/' } });

    const results: SarifResult[] = run.results;
    for (const result of results) {
      assert.equal(rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, 'SRCROOT');
      assert.ok(!result.locations[0].physicalLocation.artifactLocation.uri.startsWith('/'));
    }
    const level: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
    const reported = new Set(results.map((r) => {
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      return `${artifactLocation.uri}:${region.startLine}:${region.startColumn} ${r.ruleId} ${r.level}`;
    }));
    for (const d of readManifest('examples/shop-broken').diagnostics) {
      const k = `examples/shop-broken/${d.file}:${d.line}:${d.column} ${d.code} ${level[d.severity]}`;
      assert.ok(reported.has(k), `missing SARIF result ${k}`);
    }
  });
});
