// Quick fixes. "Publish as N.0" on a compat/breaking-change: core/compat/publishAsMajor.ts decides
// what to create and what to restore; this file only asks git for the committed text and maps the
// plan to an LSP WorkspaceEdit of resource operations (create, edit, delete).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, relative, sep } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  ResourceOperationKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type TextDocuments,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { planPublishAsMajor, type PublishAsMajorPlan } from '../../core/compat/publishAsMajor';
import type { Folders } from '../folders';
import type { Logger } from '../logger';
import { pathToUri, uriToPath } from '../uri';

const breakingChange = 'compat/breaking-change';
/** A slow or hung git must not hold the light bulb forever. */
const gitTimeoutMs = 5000;

export class CodeActions {
  /** The fix needs documentChanges with create and delete operations; without them it is not offered. */
  private resourceOperations = false;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly folders: Folders,
    private readonly log: Logger,
  ) {}

  configure(capabilities: ClientCapabilities): void {
    const edit = capabilities.workspace?.workspaceEdit;
    const kinds = edit?.resourceOperations ?? [];
    this.resourceOperations = edit?.documentChanges === true && kinds.includes(ResourceOperationKind.Create) && kinds.includes(ResourceOperationKind.Delete);
  }

  async provide(params: CodeActionParams): Promise<CodeAction[]> {
    const diagnostic = params.context.diagnostics.find((d) => d.code === breakingChange);
    const file = uriToPath(params.textDocument.uri);
    if (!this.resourceOperations || !diagnostic || !file) return [];
    const folder = this.folders.forFile(file);
    const current = this.currentText(params.textDocument.uri, file);
    if (!folder?.workspace || current === undefined) return [];
    const existingVersions = folder.workspace.registry.versions(basename(dirname(file)));
    const plan = planPublishAsMajor({ file, text: current.text, committedText: await committedText(folder.root, file), existingVersions });
    if (!plan.ok) {
      this.log.info(`"Publish as a new major" is not offered for ${file}: ${plan.reason}`);
      return [];
    }
    return [{ title: `Publish as ${plan.version}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: toWorkspaceEdit(plan, params.textDocument.uri, current) }];
  }

  /** The editor buffer when open (with its version), else the disk. */
  private currentText(uri: string, file: string): { text: string; version: number | null } | undefined {
    const open = this.documents.get(uri);
    if (open) return { text: open.getText(), version: open.version };
    try {
      return { text: readFileSync(file, 'utf8'), version: null };
    } catch {
      return undefined;
    }
  }
}

function toWorkspaceEdit(plan: Extract<PublishAsMajorPlan, { ok: true }>, minorUri: string, current: { text: string; version: number | null }): WorkspaceEdit {
  const createdUri = pathToUri(plan.create.file);
  const whole = TextDocument.create(minorUri, '', 0, current.text);
  const everything = { start: { line: 0, character: 0 }, end: whole.positionAt(current.text.length) };
  return {
    documentChanges: [
      { kind: 'create', uri: createdUri, options: { overwrite: false, ignoreIfExists: false } },
      { textDocument: { uri: createdUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: plan.create.text }] },
      plan.minor.action === 'restore'
        ? { textDocument: { uri: minorUri, version: current.version }, edits: [{ range: everything, newText: plan.minor.text }] }
        : { kind: 'delete', uri: minorUri },
    ],
  };
}

/** The file's content at git HEAD, asked in the workspace folder; undefined when git does not track it (or there is no git). */
function committedText(root: string, file: string): Promise<string | undefined> {
  const path = relative(root, file).split(sep).join('/');
  return new Promise((resolve) => {
    execFile('git', ['show', `HEAD:./${path}`], { cwd: root, encoding: 'utf8', timeout: gitTimeoutMs, maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}
