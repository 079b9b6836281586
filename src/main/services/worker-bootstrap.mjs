// Running from source (tsx, vitest): workers cannot take --import, so this registers tsx inside
// the worker, then loads the worker's TypeScript named as its last argument (see workers.ts).
// Built code never uses this file: each worker is its own bundle in out/main.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[process.argv.length - 1]);
