export type ErrorCode = 'invalid_input' | 'not_found' | 'busy' | 'conflict' | 'internal';

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

  static from(value: unknown): ApiError {
    if (value instanceof ApiError) return value;
    if (value && typeof value === 'object' && 'code' in value && 'message' in value) {
      const v = value as ApiErrorShape;
      return new ApiError(v.code, String(v.message));
    }
    return new ApiError('internal', value instanceof Error ? value.message : String(value));
  }
}
