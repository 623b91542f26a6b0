// Everything the client and the server must agree on beyond plain LSP: Eventline's own messages
// and its settings. Imported by both sides (client/ and server/), so it is defined once.
//
// Adding a setting: (1) add it to `EventlineSettings` and `defaultSettings` here, (2) declare it in
// package.json `contributes.configuration` with the same default, (3) read it in the server
// through `SettingsCache.get(scopeUri)` (never a global), (4) if the client needs it too, add a
// typed getter in client/config.ts.
import { NotificationType } from 'vscode-languageserver-protocol';

/** The `eventline.*` settings the server reads, pulled per workspace folder. */
export interface EventlineSettings {
  validate: { enable: boolean };
  /** Delay between the last keystroke and revalidation, in milliseconds. */
  debounceMs: number;
}

export const settingsSection = 'eventline';

export function defaultSettings(): EventlineSettings {
  return { validate: { enable: true }, debounceMs: 200 };
}

/** Where the server stands, for the status bar. */
export interface StatusParams {
  state: 'loading' | 'ready' | 'failed';
  /** Files Eventline validates, over every workspace folder. */
  files: number;
  /** Set when state is 'failed': what went wrong, for the tooltip. */
  message?: string;
}

/** `eventline/status`, sent by the server when it starts or finishes loading the workspace. */
export const StatusNotification = {
  method: 'eventline/status',
  type: new NotificationType<StatusParams>('eventline/status'),
} as const;
