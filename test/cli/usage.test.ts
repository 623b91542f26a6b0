// The command line's own surface: help, version, exit code 2 for usage errors.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pkg from '../../package.json';
import { runCli } from './runCli';

describe('eventline (usage)', () => {
  it('--version prints the package version', () => {
    const { code, stdout } = runCli(['--version']);
    assert.equal(code, 0);
    assert.equal(stdout.trim(), pkg.version);
  });

  it('--help lists the commands and exits 0', () => {
    const { code, stdout } = runCli(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /Usage: eventline <command>/);
    assert.match(stdout, /check \[DIR\]/);
    assert.match(stdout, /lsp --stdio/);
  });

  it('help check and check --help describe the check command', () => {
    for (const args of [['help', 'check'], ['check', '--help']]) {
      const { code, stdout } = runCli(args);
      assert.equal(code, 0, args.join(' '));
      assert.match(stdout, /Usage: eventline check \[DIR\] \[--format text\|json\|sarif\]/);
      assert.match(stdout, /Exit status/);
    }
  });

  it('no command prints the help and exits 2', () => {
    const { code, stdout } = runCli([]);
    assert.equal(code, 2);
    assert.match(stdout, /Usage: eventline/);
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['an unknown flag', ['check', '--colour'], /Unknown option '--colour'/],
    ['an unknown format', ['check', 'examples/shop', '--format', 'xml'], /unknown format "xml"/],
    ['a missing folder', ['check', 'examples/no-such-workspace'], /examples\/no-such-workspace is not a directory/],
    ['two folders', ['check', 'examples/shop', 'examples/shop-broken'], /check takes one folder/],
    ['help for an unknown command', ['help', 'frobnicate'], /no help for "frobnicate"/],
  ];
  for (const [what, args, message] of usageErrors) {
    it(`exits 2 with a message on stderr for ${what}`, () => {
      const { code, stdout, stderr } = runCli(args);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /^eventline: /);
      assert.match(stderr, message);
    });
  }

  it('exits 2 when DIR is a file, not a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventline-cli-'));
    const file = join(dir, 'eventline.json');
    writeFileSync(file, '{}');
    const { code, stderr } = runCli(['check', file]);
    rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 2);
    assert.match(stderr, /is not a directory/);
  });
});
