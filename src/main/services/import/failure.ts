/**
 * A reason the user can act on, worded for the import summary ("not valid UTF-8 text"). Anything
 * else thrown while importing is a bug and is reported as such, never silently as bad input.
 */
export class ImportError extends Error {
  constructor(
    readonly reason: string,
    readonly existingSourceId?: string,
  ) {
    super(reason);
    this.name = 'ImportError';
  }
}

export const reject = (reason: string): never => {
  throw new ImportError(reason);
};
