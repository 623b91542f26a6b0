// The language server over stdio: start-up, eventline.json diagnostics (closed and open), file
// watching, settings, and problems found while reading files (invalid UTF-8, too large).
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { LspSession, serveDuringSuite, tempWorkspace } from './support/session';

/** The range of the first occurrence of `needle` in a one-line-per-line text. */
function rangeOf(text: string, needle: string, from = 0) {
  const offset = text.indexOf(needle, from);
  assert.ok(offset >= 0, `${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  const line = before.length - 1;
  const character = before[line].length;
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

const badConfig = '{\n  "envelope": "nope",\n  "bogus": true\n}\n';

describe('language server: start-up and eventline.json', () => {
  const ws = tempWorkspace({ 'eventline.json': badConfig, 'events/broken.events.jsonl': new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]) });
  let lsp!: LspSession;
  serveDuringSuite(ws, {}, (session) => (lsp = session));

  it('answers initialize with incremental sync and workspace folder support', () => {
    const caps = lsp.initializeResult?.capabilities as { textDocumentSync: { change: number; openClose: boolean }; workspace: { workspaceFolders: { supported: boolean } } };
    assert.equal(caps.textDocumentSync.change, 2);
    assert.equal(caps.textDocumentSync.openClose, true);
    assert.equal(caps.workspace.workspaceFolders.supported, true);
    assert.equal(lsp.initializeResult?.serverInfo?.name, 'eventline');
  });

  it('publishes eventline.json problems at start-up without the file being open', async () => {
    const { diagnostics } = await lsp.waitFor(ws.path('eventline.json'), (p) => p.diagnostics.length === 2);
    const byCode = diagnostics.map((d) => ({ code: d.code, source: d.source, severity: d.severity, range: d.range }));
    assert.deepEqual(byCode, [
      { code: 'config/invalid', source: 'eventline', severity: 1, range: rangeOf(badConfig, '"nope"') },
      { code: 'config/invalid', source: 'eventline', severity: 1, range: rangeOf(badConfig, '"bogus"') },
    ]);
    assert.match(diagnostics[1].message as string, /Unknown setting "bogus"/);
  });

  it('reports a closed event file that is not UTF-8', async () => {
    const { diagnostics } = await lsp.waitFor(ws.path('events/broken.events.jsonl'), (p) => p.diagnostics.length > 0);
    assert.equal(diagnostics[0].code, 'file/invalid-utf8');
    // Placed at the first bad byte (offset 2 on the first line).
    assert.deepEqual(diagnostics[0].range, { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } });
    assert.match(diagnostics[0].message as string, /offset 2/);
  });

  it('follows incremental edits of an open eventline.json, and the disk again once it closes', async () => {
    const file = ws.path('eventline.json');
    const start = lsp.diagnostics(file)?.count ?? 0;
    await lsp.open(file, badConfig);
    // Replace "nope" with "cloudevents": one error left (bogus).
    await lsp.change(file, [{ range: rangeOf(badConfig, 'nope'), text: 'cloudevents' }]);
    const fixed = badConfig.replace('nope', 'cloudevents');
    let published = await lsp.waitForNext(file, start, (p) => p.diagnostics.length === 1);
    assert.deepEqual(published.diagnostics[0].range, rangeOf(fixed, '"bogus"'));
    // Break the JSON: delete the closing brace.
    await lsp.change(file, [{ range: rangeOf(fixed, '}'), text: '' }]);
    published = await lsp.waitForNext(file, published.count, (p) => p.diagnostics.some((d) => d.code === 'json/syntax-error'));
    await lsp.close(file);
    published = await lsp.waitForNext(file, published.count, (p) => p.diagnostics.length === 2);
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['config/invalid', 'config/invalid'],
    );
  });

  it('rereads eventline.json when the watcher reports a change on disk, and clears it when deleted', async () => {
    const file = ws.path('eventline.json');
    const start = lsp.diagnostics(file)?.count ?? 0;
    writeFileSync(file, '{ "schemasDir": 42 }');
    await lsp.filesChanged([{ file, type: 2 }]);
    let published = await lsp.waitForNext(file, start, (p) => p.diagnostics.length === 1);
    assert.equal(published.diagnostics[0].code, 'config/invalid');
    assert.deepEqual(published.diagnostics[0].range, { start: { line: 0, character: 16 }, end: { line: 0, character: 18 } });
    rmSync(file);
    await lsp.filesChanged([{ file, type: 3 }]);
    published = await lsp.waitForNext(file, published.count, (p) => p.diagnostics.length === 0);
    assert.equal(published.diagnostics.length, 0);
    await lsp.ping();
  });
});

describe('language server: settings and read limits', () => {
  it('publishes nothing when eventline.validate.enable is false', async () => {
    const ws = tempWorkspace({ 'eventline.json': badConfig });
    const lsp = await LspSession.start([ws.root], { settings: { validate: { enable: false } } });
    try {
      const published = await lsp.waitFor(ws.path('eventline.json'), () => true);
      assert.deepEqual(published.diagnostics, []);
    } finally {
      await lsp.stop();
      ws.dispose();
    }
  });

  it('reports a file over maxFileSizeMB instead of validating it', async () => {
    const line = `${JSON.stringify({ eventType: 'X', pad: 'x'.repeat(1000) })}\n`;
    const ws = tempWorkspace({ 'eventline.json': '{ "maxFileSizeMB": 1 }', 'events/big.events.jsonl': line.repeat(1500) });
    const lsp = await LspSession.start([ws.root], { settings: { debounceMs: 10 } });
    try {
      const { diagnostics } = await lsp.waitFor(ws.path('events/big.events.jsonl'), (p) => p.diagnostics.length > 0);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.severity]),
        [['file/too-large', 2]],
      );
      await lsp.ping();
    } finally {
      await lsp.stop();
      ws.dispose();
    }
  });
});
