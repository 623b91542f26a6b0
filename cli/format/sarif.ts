// SARIF 2.1.0 (OASIS), the format code-scanning services ingest: one run, every Eventline rule in
// tool.driver.rules, results pointing at the exact node with 1-based UTF-16 columns.
import { pathToFileURL } from 'node:url';
import { RULES, type Severity } from '../../core/index';
import type { CheckReport } from '../report';
import { TOOL_NAME, VERSION } from '../version';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = 'SRCROOT';

type SarifLevel = 'error' | 'warning' | 'note';

const levelOf: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(report: CheckReport): string {
  const rules = [...RULES.values()];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.code, index]));
  const results = report.files.flatMap((file) =>
    file.problems.map((p) => ({
      ruleId: p.code,
      ruleIndex: ruleIndex.get(p.code) ?? -1,
      level: levelOf[p.severity],
      message: { text: p.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeUriPath(file.path), uriBaseId: SRCROOT },
            region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: VERSION,
            rules: rules.map((rule) => ({
              id: rule.code,
              shortDescription: { text: rule.purpose },
              defaultConfiguration: { level: levelOf[rule.severity] },
              ...(rule.replacedBy ? { properties: { replacedBy: rule.replacedBy } } : {}),
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(report.base) } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true }],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** A file: URI for a folder, ending in a slash as SARIF requires of base URIs. */
function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function encodeUriPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
