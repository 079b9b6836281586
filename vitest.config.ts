import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // Time limits only catch a hang: they are not what a test checks. CI machines are shared and
    // slow (a heavy export test took 49 s under load, a seeding hook over 10 s), so the limits are
    // far above any run seen rather than near the usual one.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
