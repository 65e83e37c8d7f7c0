// The protocol's error shape: an HTTP status and {error: {code, message, details?}}, never a stack trace.
import { z } from 'zod';

export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_credentials: 401,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  seq_gap: 409,
  cursor_expired: 410,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export type ProtocolError = { code: string; message: string; details?: unknown };

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The 400 `invalid_request` error, listing every faulty path so a client can tell which field broke. */
export function invalidRequest(error: z.ZodError, prefix?: string): ProtocolError {
  const details = error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((p) => p !== undefined).join('.'),
    message: issue.message,
  }));
  return { code: 'invalid_request', message: `Invalid request: ${details.map((d) => d.path || '(body)').join(', ')}`, details };
}
