// Applies editor changes to a whole text (for files validated as one document; JSONL files
// apply them to their lines instead, see envelope/jsonlValidator.ts).
import type { TextEdit } from '../types';
import { LineIndex } from './lineIndex';

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  for (const edit of edits) {
    if (!edit.range) {
      text = edit.text;
      continue;
    }
    const lines = new LineIndex(text);
    const offsetOf = (p: { line: number; character: number }) => {
      if (p.line >= lines.lineCount) return text.length;
      const start = lines.offsetOfLine(p.line);
      const next = p.line + 1 < lines.lineCount ? lines.offsetOfLine(p.line + 1) - 1 : text.length;
      return Math.min(start + p.character, next);
    };
    const from = offsetOf(edit.range.start);
    const to = Math.max(from, offsetOf(edit.range.end));
    text = text.slice(0, from) + edit.text + text.slice(to);
  }
  return text;
}
