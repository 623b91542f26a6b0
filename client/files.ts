// The files Eventline reads, as the glob patterns the language client syncs and watches. They
// mirror eventline.json's defaults (eventFiles, schemasDir); files matched here but excluded by a
// workspace's eventline.json are simply ignored by the server.
import type { DocumentSelector } from 'vscode-languageclient/node';

export const eventlinePatterns: readonly string[] = [
  '**/eventline.json',
  '**/*.events.jsonl',
  '**/*.event.json',
  '**/*.events.json',
  '**/schemas/**/*.schema.json',
  '**/schemas/**/*.schema.{yaml,yml}',
];

/** Any language id: VS Code calls these json, jsonl or yaml; only the path matters here. */
export const documentSelector: DocumentSelector = eventlinePatterns.map((pattern) => ({ scheme: 'file', pattern }));
