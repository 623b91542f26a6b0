// Remembers the editor's changes per file between two validations, so the workspace can apply
// them to an event stream line by line instead of re-reading a 40 MB buffer after a keystroke.
// TextDocuments owns the didChange notification; `tap` hands it a connection whose
// onDidChangeTextDocument records each change before the document applies it.
import type { Connection, DidChangeTextDocumentParams, NotificationHandler, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../core';
import { uriToPath } from './uri';

/** 'whole': the workspace must take the document's full text (just opened, or out of step). */
export type PendingChange = TextEdit[] | 'whole';

/** What TextDocuments.listen needs (the package does not export the type by name). */
type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

export class EditLog {
  private readonly pending = new Map<string, PendingChange>();

  /** The document was opened (or reopened): its text replaces whatever the workspace had. */
  whole(file: string): void {
    this.pending.set(file, 'whole');
  }

  /** Takes and forgets the changes recorded for a file; undefined when there are none. */
  take(file: string): PendingChange | undefined {
    const change = this.pending.get(file);
    this.pending.delete(file);
    return change;
  }

  forget(file: string): void {
    this.pending.delete(file);
  }

  /** A connection for TextDocuments.listen that records content changes on their way through. */
  tap(connection: Connection): TextDocumentConnection {
    return {
      onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument(handler),
      onDidChangeTextDocument: (handler: NotificationHandler<DidChangeTextDocumentParams>) =>
        connection.onDidChangeTextDocument((params) => {
          this.record(params);
          return handler(params);
        }),
      onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(handler),
      onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(handler),
      onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil(handler),
      onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(handler),
    };
  }

  private record(params: DidChangeTextDocumentParams): void {
    const file = uriToPath(params.textDocument.uri);
    if (!file) return;
    const current = this.pending.get(file);
    if (current === 'whole') return;
    const edits = current ?? [];
    for (const change of params.contentChanges) edits.push('range' in change ? { range: change.range, text: change.text } : { text: change.text });
    this.pending.set(file, edits);
  }
}
