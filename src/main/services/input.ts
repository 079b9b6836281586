import { ApiError } from '../../shared/errors';

// With the u flag a surrogate range matches only a surrogate that is not half of a pair.
const LONE_SURROGATE = /[\ud800-\udfff]/u;
const MAX_DEPTH = 200;

/**
 * Checks every string of a call's input for an unpaired UTF-16 surrogate (possible in JSON, as
 * "\\ud800", but not in Unicode text). SQLite would store it as U+FFFD, silently changing what the
 * user wrote, so the call is refused instead, naming the field.
 */
export function checkInput(wire: string, input: unknown): void {
  const walk = (value: unknown, at: string, depth: number): void => {
    if (depth > MAX_DEPTH) throw new ApiError('invalid_input', `${wire}: ${at || 'input'} is nested too deeply.`);
    if (typeof value === 'string') {
      const bad = LONE_SURROGATE.exec(value);
      if (bad)
        throw new ApiError(
          'invalid_input',
          `${wire}: ${at || 'input'} is not valid Unicode text (an unpaired surrogate U+${bad[0].charCodeAt(0).toString(16).toUpperCase()} at character ${bad.index + 1}); nothing was saved.`,
        );
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${at}[${i}]`, depth + 1));
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) {
        walk(key, at ? `${at} key` : 'key', depth + 1);
        walk(item, at ? `${at}.${key}` : key, depth + 1);
      }
  };
  walk(input, '', 0);
}
