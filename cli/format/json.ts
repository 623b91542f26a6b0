// The machine format: a stable JSON document (every checked file, sorted; 1-based positions).
// `formatVersion` changes only when a field changes meaning or disappears.
import type { CheckReport } from '../report';
import { TOOL_NAME, VERSION } from '../version';

export function formatJson(report: CheckReport): string {
  const document = {
    formatVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    files: report.files,
    summary: report.summary,
  };
  return JSON.stringify(document, null, 2) + '\n';
}
