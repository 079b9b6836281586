/**
 * The app's own error codes: the only ones that ever cross a boundary. A store or library error is
 * mapped to one of these, with a plain message, before it leaves the services.
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'too_large',
  'busy',
  'disk_full',
  'read_only',
  'corrupt',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

/** Errors cross every boundary as plain data so the renderer and CLI can show the message as written. */
export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message };
  }

  /** Anything thrown, as the app's error: a foreign code (SQLITE_BUSY, ENOENT) never gets through. */
  static from(value: unknown): ApiError {
    if (value instanceof ApiError) return value;
    if (value && typeof value === 'object' && 'code' in value && 'message' in value && isErrorCode(value.code)) {
      return new ApiError(value.code, String(value.message));
    }
    return new ApiError('internal', value instanceof Error ? value.message : String(value));
  }
}
