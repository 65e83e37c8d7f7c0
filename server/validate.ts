// Every body and query is parsed by a shared zod schema; a violation is a 400 listing the faulty paths.
import type { z } from 'zod';
import { invalidRequest, type ProtocolError } from '../shared/protocol/errors';
import { parseMutation, type ParsedMutation, type RawMutation } from '../shared/protocol/mutations';
import { HttpError } from './http-error';

/**
 * Paths of every string (value or key) holding U+0000. PostgreSQL text and json cannot hold that
 * character: written, it fails the statement (a 500, and a push that jams the outbox) or poisons every
 * later query that reads the row. Iterative, so a deeply nested body cannot overflow the stack.
 */
export function nulPaths(value: unknown, prefix = ''): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[value, prefix]];
  while (stack.length > 0) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v === 'string') {
      if (v.includes('\u0000')) found.push(path);
    } else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        const childPath = path ? `${path}.${key.replaceAll('\u0000', '\\u0000')}` : key.replaceAll('\u0000', '\\u0000');
        if (key.includes('\u0000')) found.push(childPath);
        stack.push([child, childPath]);
      }
    }
  }
  return found.sort();
}

/** The `invalid_request` error for text holding U+0000, or null when there is none. */
export function nulError(value: unknown, prefix = ''): ProtocolError | null {
  const paths = nulPaths(value, prefix);
  if (paths.length === 0) return null;
  return {
    code: 'invalid_request',
    message: `Invalid request: ${paths.map((p) => p || '(body)').join(', ')}`,
    details: paths.map((path) => ({ path, message: 'Text may not contain the NUL character (U+0000)' })),
  };
}

/**
 * Parses a body or query. `checkText: false` leaves the NUL check to the caller: a push checks each
 * mutation on its own, so one bad mutation is its own `rejected` result and not a failed push.
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown, options: { checkText?: boolean } = {}): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const error = invalidRequest(result.error);
    throw new HttpError('invalid_request', error.message, error.details);
  }
  const nul = options.checkText === false ? null : nulError(result.data);
  if (nul) throw new HttpError('invalid_request', nul.message, nul.details);
  return result.data;
}

/**
 * A pushed mutation parsed for the server: text PostgreSQL cannot store is that mutation's own
 * `invalid_request` (checked first, so an error message never echoes it), then the shared schemas.
 */
export function parseStorableMutation(raw: RawMutation): ParsedMutation {
  const nul = nulError({ name: raw.name, args: raw.args });
  return nul ? { ok: false, error: nul } : parseMutation(raw);
}
