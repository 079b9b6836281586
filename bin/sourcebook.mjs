#!/usr/bin/env node
// The CLI is bundled with the main process (out/main/cli.js, by `npm run build`), so it starts
// without compiling TypeScript and needs no dev tools at run time.
import fs from 'node:fs';

const bundle = new URL('../out/main/cli.js', import.meta.url);
if (!fs.existsSync(bundle)) {
  process.stderr.write('sourcebook: the app is not built yet: run `npm run build` (scripts/setup.sh does it for you).\n');
  process.exit(5);
}
await import(bundle.href);
