import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { renderDiagnosticsDoc } from '../../scripts/diagnostics-doc';

it('docs/diagnostics.md lists every diagnostic code as core/codes.ts defines it (run `npm run docs`)', () => {
  const onDisk = readFileSync(join(__dirname, '..', '..', 'docs', 'diagnostics.md'), 'utf8');
  assert.equal(onDisk, renderDiagnosticsDoc());
});
