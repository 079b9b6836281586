// Running from source (CLI, tests, loopback shell): let the worker load TypeScript through tsx.
// The Electron build bundles worker.ts as markdown-worker.js and never uses this file.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
