// Hover: in schema files, explanations of content models and of a version's compatibility status
// (core/services/hover.ts decides what to say; this file only finds the text and the workspace).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type HoverParams, type TextDocuments } from 'vscode-languageserver';
import { schemaHover } from '../../core/services/hover';
import type { Folders } from '../folders';
import { guarded, type Logger } from '../logger';
import { uriToPath } from '../uri';

export class Hovers {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly folders: Folders,
    private readonly log: Logger,
  ) {}

  provide(params: HoverParams): Hover | null {
    const file = uriToPath(params.textDocument.uri);
    const document = this.documents.get(params.textDocument.uri);
    const workspace = file ? this.folders.forFile(file)?.workspace : undefined;
    if (!file || !document || !workspace || workspace.classify(file).kind !== 'schema') return null;
    const markdown = guarded(this.log, `hover in ${file}`, () => schemaHover({ registry: workspace.registry, config: workspace.config, file, text: document.getText(), offset: document.offsetAt(params.position) }), undefined);
    return markdown === undefined ? null : { contents: { kind: MarkupKind.Markdown, value: markdown } };
  }
}
