// Settings are pulled from the client per workspace folder (workspace/configuration), cached,
// and dropped when the client says they changed (STYLE §1: never server globals).
import type { Connection } from 'vscode-languageserver';
import { defaultSettings, settingsSection, type EventlineSettings } from './protocol';

export class SettingsCache {
  private readonly cache = new Map<string, Promise<EventlineSettings>>();
  private readonly resolved = new Map<string, EventlineSettings>();
  /** False when the client cannot answer workspace/configuration: defaults apply. */
  canPull = false;

  constructor(private readonly connection: Connection) {}

  /** The settings for a folder (by URI); defaults for whatever the client leaves unset. */
  get(scopeUri: string): Promise<EventlineSettings> {
    let settings = this.cache.get(scopeUri);
    if (!settings) {
      settings = this.pull(scopeUri);
      this.cache.set(scopeUri, settings);
    }
    return settings;
  }

  /** The last settings resolved for a folder, without waiting (for the debounce delay). */
  peek(scopeUri: string | undefined): EventlineSettings {
    return (scopeUri !== undefined && this.resolved.get(scopeUri)) || defaultSettings();
  }

  clear(): void {
    this.cache.clear();
  }

  private async pull(scopeUri: string): Promise<EventlineSettings> {
    let settings = defaultSettings();
    if (this.canPull) {
      try {
        const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri, section: settingsSection });
        settings = mergeSettings(raw);
      } catch (error) {
        this.connection.console.warn(`Eventline could not read its settings (${String(error)}); using the defaults.`);
      }
    }
    this.resolved.set(scopeUri, settings);
    return settings;
  }
}

/** Takes what the client sent and keeps only well-typed values over the defaults. */
export function mergeSettings(raw: unknown): EventlineSettings {
  const settings = defaultSettings();
  if (typeof raw !== 'object' || raw === null) return settings;
  const given = raw as { validate?: { enable?: unknown }; debounceMs?: unknown };
  if (typeof given.validate?.enable === 'boolean') settings.validate.enable = given.validate.enable;
  if (typeof given.debounceMs === 'number' && Number.isFinite(given.debounceMs) && given.debounceMs >= 0) {
    settings.debounceMs = Math.min(given.debounceMs, 10_000);
  }
  return settings;
}
