import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { allCalls } from '../../../src/shared/contract';
import { ERROR_CODES } from '../../../src/shared/errors';
import { closeMarkdownWorker } from '../../../src/main/services/markdown/client';
import { freshNotebook, tempDir } from '../helpers';
import { arbitraryFor, invalidFor } from './schema-arbitrary';

/**
 * Every contract call, fuzzed with inputs generated from its own schema: what the schema refuses
 * gets a clear invalid_input error and writes nothing; what it accepts never crashes or hangs
 * (it may still be refused, with one of the app's codes and a plain message).
 */
const RUNS = Number(process.env.SOURCEBOOK_FUZZ_RUNS ?? 6);
const HANG_MS = 120_000;
const CRASH = /SQLITE_|TypeError|ReferenceError|RangeError|Cannot read prop|is not a function|undefined is not/;

// Valid inputs must not walk the machine: importPaths only ever sees small files made here.
const files = tempDir('sourcebook-fuzz-files-');
fs.writeFileSync(path.join(files, 'a.txt'), 'A short text to import.\n');
fs.writeFileSync(path.join(files, 'b.md'), '# Title\n\n[a](b *c* `d`\n');
const overrides = {
  paths: fc.array(fc.constantFrom(path.join(files, 'a.txt'), path.join(files, 'b.md'), path.join(files, 'missing.txt')), {
    minLength: 1,
    maxLength: 2,
  }),
};

const notebook = freshNotebook({ printToPdf: () => Promise.resolve(new Uint8Array([37, 80, 68, 70])), busyRetryMs: 1000 });
afterAll(async () => {
  notebook.close();
  await closeMarkdownWorker();
});
const changes = () => (notebook.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
const withinTime = <T>(p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`hung for ${HANG_MS} ms`)), HANG_MS))]);

describe('every contract call, fuzzed from its schema', () => {
  for (const { wire, spec } of allCalls()) {
    it(
      wire,
      async () => {
        const valid = arbitraryFor(z.toJSONSchema(spec.input, { unrepresentable: 'any', io: 'input' }) as never, overrides);
        await fc.assert(
          fc.asyncProperty(invalidFor(valid), async (input) => {
            // dispatch reads a missing input (null) as {}; spoiling may also happen to give a valid input.
            if (spec.input.safeParse(input ?? {}).success) return;
            const before = changes();
            const error = await withinTime(notebook.dispatch(wire, input, 'host')).then(
              () => null,
              (e: unknown) => e as { code?: string; message?: string },
            );
            expect(error, `${wire} accepted ${JSON.stringify(input)}`).not.toBeNull();
            expect(error!.code).toBe('invalid_input');
            expect(error!.message).toMatch(new RegExp(`^${wire.replace('.', '\\.')}: `));
            expect(changes(), 'nothing written').toBe(before);
          }),
          { numRuns: RUNS },
        );
        await fc.assert(
          fc.asyncProperty(valid, async (input) => {
            const error = await withinTime(notebook.dispatch(wire, input, 'host')).then(
              () => null,
              (e: unknown) => e as { code?: string; message?: string },
            );
            if (error === null) return;
            expect(ERROR_CODES, `${wire}: ${error.message}`).toContain(error.code);
            expect(error.message ?? '').not.toMatch(CRASH);
          }),
          { numRuns: RUNS },
        );
      },
      300_000,
    );
  }
});
