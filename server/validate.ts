// Every body and query is parsed by a shared zod schema; a violation is a 400 listing the faulty paths.
import type { z } from 'zod';
import { invalidRequest } from '../shared/protocol/errors';
import { HttpError } from './http-error';

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const error = invalidRequest(result.error);
  throw new HttpError('invalid_request', error.message, error.details);
}
