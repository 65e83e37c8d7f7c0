// The pull cursor, opaque to clients: the database's epoch (a reset database expires old cursors with 410),
// the last change number delivered, the change number at which the bootstrap began, and the estimate
// of rows still to come (so `remaining` costs one count per bootstrap, not one per page).
import { HttpError } from '../http-error';

export type Cursor = { epoch: string; after: number; start: number; remaining: number };

export function encodeCursor(c: Cursor): string {
  return `${c.epoch}.${c.after}.${c.start}.${c.remaining}`;
}

export function decodeCursor(text: string, epoch: string): Cursor {
  const parts = text.split('.');
  const [e, ...numbers] = parts;
  const [after, start, remaining] = numbers.map(Number);
  if (parts.length !== 4 || after === undefined || start === undefined || remaining === undefined || ![after, start, remaining].every((n) => Number.isSafeInteger(n) && n >= 0)) {
    throw new HttpError('invalid_request', 'Malformed cursor', [{ path: 'cursor' }]);
  }
  if (e !== epoch) throw new HttpError('cursor_expired', 'The server was reset: bootstrap again (keep your outbox)');
  return { epoch, after, start, remaining };
}
