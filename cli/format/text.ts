// The human format: `path:line:col: severity code message`, one problem a line, then a summary.
import type { CheckReport, Summary } from '../report';
import type { Severity } from '../../core/index';

const severityWord: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

export function formatText(report: CheckReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const p of file.problems) lines.push(`${file.path}:${p.line}:${p.column}: ${severityWord[p.severity]} ${p.code} ${p.message}`);
  }
  lines.push(summaryLine(report.summary));
  return lines.join('\n') + '\n';
}

export function summaryLine(summary: Summary): string {
  return `${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')}, ${count(summary.infos, 'info')} in ${count(summary.files, 'file')}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
