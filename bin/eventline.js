#!/usr/bin/env node
// The `eventline` command: a thin launcher for the bundled CLI (built by `npm install`'s prepare step).
require('../dist/cli.js');
