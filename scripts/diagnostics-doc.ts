// Writes docs/diagnostics.md from core/codes.ts, the one list of Eventline's diagnostics.
// `npm run docs` regenerates it; a unit test fails when the two drift apart.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../core/codes';

export function renderDiagnosticsDoc(): string {
  const areas = new Map<string, string[]>();
  for (const rule of RULES.values()) {
    const area = rule.code.split('/')[0];
    const row = `| \`${rule.code}\` | ${rule.severity} | ${rule.purpose.replace(/\|/g, '\\|')}${rule.replacedBy ? ` Replaced by ${rule.replacedBy.map((c) => `\`${c}\``).join(', ')}.` : ''} |`;
    areas.set(area, [...(areas.get(area) ?? []), row]);
  }
  const sections = [...areas].map(([area, rows]) => `## ${area}/\n\n| code | default severity | what it guards against |\n| --- | --- | --- |\n${rows.join('\n')}\n`);
  return [
    '# Diagnostics',
    '',
    'Generated from `core/codes.ts` by `npm run docs`; do not edit by hand.',
    '',
    'Every code is stable. Change a severity, or turn a code off, in `eventline.json`:',
    '`"diagnostics": { "stream/duplicate-event-id": "off" }`. `examples/shop-broken/` has a file',
    'that triggers each one.',
    '',
    ...sections,
  ].join('\n');
}

if (process.argv[1]?.endsWith('diagnostics-doc.ts')) {
  writeFileSync(join(__dirname, '..', 'docs', 'diagnostics.md'), renderDiagnosticsDoc());
}
