import path from 'node:path';
import { ApiError } from '../../shared/errors';
import { PACKAGE_ROOT } from '../root';
import type { Runner } from './types';

/** What resources/evidence/verify.mjs exports: the very script every evidence pack carries. */
interface PackResult {
  ok: boolean;
  failures: string[];
}
interface Verifier {
  verifyPack(target: string, options?: { maxMb?: number }): Promise<PackResult>;
  describe(target: string, result: PackResult): string;
  PackError: new (...args: never[]) => Error;
}

export const verifyCommand: Runner = {
  async run(ctx, positionals, options) {
    const [target, ...rest] = positionals;
    if (!target || rest.length) throw new ApiError('invalid_input', 'name one evidence pack: sourcebook verify report.zip');
    const maxMb = options['max-mb'] === undefined ? undefined : Number(options['max-mb']);
    if (maxMb !== undefined && !(maxMb > 0)) throw new ApiError('invalid_input', '--max-mb needs a positive number of megabytes');
    // The same file the pack carries, so the app and `node verify.mjs` can never disagree.
    const { importFile } = await import('../importFile');
    const verifier = (await importFile(path.join(PACKAGE_ROOT, 'resources', 'evidence', 'verify.mjs'))) as Verifier;
    const file = path.resolve(target);
    let result: PackResult;
    try {
      result = await verifier.verifyPack(file, maxMb === undefined ? {} : { maxMb });
    } catch (error) {
      if (error instanceof verifier.PackError) throw new ApiError('invalid_input', `${file}: ${error.message}`);
      throw error;
    }
    ctx.out(ctx.json ? JSON.stringify(result, null, 2) : verifier.describe(file, result));
    if (!result.ok) {
      throw new ApiError(
        'corrupt',
        `${file} does not verify: ${result.failures.length} check(s) failed${result.failures[0] ? ` (first: ${result.failures[0]})` : ''}.`,
      );
    }
  },
};
