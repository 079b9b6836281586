#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node --min-semi-space-size=6
// Start-up is most of a CLI command's time, so the launch line trims it (`env -S` splits the line;
// GNU coreutils ≥ 8.30 and macOS have it):
// - NODE_EXTRA_CA_CERTS is dropped: Node reads and parses that whole certificate file before running
//   anything (≈ 40–70 ms here), and Sourcebook never opens a network connection.
// - A 16 MB young generation: a command allocates a few MB while loading and then exits; with
//   Node's default of 1 MB it stops for six scavenges on the way (≈ 30–80 ms here), with this none.
// Both measured by `npm run bench:cli`, which runs this file as a user's shell does.
// The CLI is bundled (out/main/cli.cjs, by `npm run build`; vite.cli.config.ts), so it starts
// without compiling TypeScript and needs no dev tools at run time. This file is CommonJS, like the
// bundle, so Node never starts its ES module loader for a command; code-cache.cjs keeps V8's
// compiled code of the bundle between runs.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const bundleDir = path.join(__dirname, '..', 'out', 'main');
const bundle = path.join(bundleDir, 'cli.cjs');
if (!fs.existsSync(bundle)) {
  fs.writeSync(2, 'sourcebook: the app is not built yet: run `npm run build` (scripts/setup.sh does it for you).\n');
  process.exit(5);
}
require('./code-cache.cjs').useCodeCache(bundleDir, 'cli');
require(bundle);
