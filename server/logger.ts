// Logging to the client's output channel; errors keep their stack so a core bug can be found.
import type { Connection } from 'vscode-languageserver';
import { errorText } from './diagnostics';

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export function connectionLogger(connection: Connection): Logger {
  return {
    info: (message) => connection.console.info(message),
    error: (message, error) => {
      const detail = error === undefined ? '' : `: ${error instanceof Error && error.stack ? error.stack : errorText(error)}`;
      connection.console.error(`${message}${detail}`);
    },
  };
}

/** Runs `work`; an exception is logged and `fallback` returned, so one bad file never kills the server. */
export function guarded<T>(log: Logger, what: string, work: () => T, fallback: T): T {
  try {
    return work();
  } catch (error) {
    log.error(`${what} failed`, error);
    return fallback;
  }
}
