#!/usr/bin/env node
// The CLI runs the TypeScript services directly through tsx, so it needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
