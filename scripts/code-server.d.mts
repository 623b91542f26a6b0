// Types for scripts/code-server.mjs, so the TypeScript e2e tests can import it.
import type { ChildProcess } from 'node:child_process';

export const repoRoot: string;
export const defaultInstallDir: string;
export const chromiumPath: string;
export const chromiumArgs: string[];
export const cleanWorkbenchSettings: Record<string, unknown>;

export function findOnPath(name: string): string | undefined;
export function installCodeServer(options?: { dest?: string; stderr?: 'inherit' | 'pipe' | 'ignore' }): string;
export function buildExtension(): void;
export function extensionFolderName(manifest?: { publisher: string; name: string; version: string }): string;
export function stageExtension(extensionsDir: string): string;
export function writeUserSettings(userDataDir: string, extra?: Record<string, unknown>): void;
export function pickPort(preferred?: number): Promise<number>;
export function waitForHttp(url: string, options?: { timeoutMs?: number; isAlive?: () => boolean }): Promise<void>;

export interface CodeServer {
  process: ChildProcess;
  port: number;
  baseUrl: string;
  /** Opens the workspace folder given at start. */
  url: string;
  /** code-server's output so far (when started with output: 'pipe'). */
  log(): string;
  exited: Promise<void>;
  /** Kills code-server and everything it started (extension host, language server). */
  stop(): Promise<void>;
}

export function startCodeServer(options: {
  launcher: string;
  port: number;
  extensionsDir: string;
  userDataDir: string;
  folder: string;
  env?: Record<string, string>;
  output?: 'inherit' | 'pipe';
  timeoutMs?: number;
}): Promise<CodeServer>;
