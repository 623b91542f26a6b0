// The version printed by `--version` and written into SARIF: the package's own, bundled at build time.
import pkg from '../package.json';

export const VERSION: string = pkg.version;
export const TOOL_NAME = 'eventline';
