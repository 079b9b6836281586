import { config } from 'zod';

/**
 * A command checks one input and decodes a few rows, then exits. zod compiles a fast parser for an
 * object schema the first time it is used (with `new Function`), which pays back over thousands
 * of parses in the app but costs a command more than it saves. Imported first by the context, so
 * it is set before any schema is built.
 */
config({ jitless: true });
