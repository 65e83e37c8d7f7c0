// The one place IPC handlers are registered. Every call is checked in this order: the sender (console
// main frame, trusted origin), the arguments (the contract's zod tuple; a malformed call never reaches
// the handler), then the handler runs and its result is parsed against the contract too (so nothing
// outside the schema leaves main). The answer is always an envelope, never a thrown error.
import { invokeContract } from '../../../shared/ipc/contract';
import type { InvokeChannel, InvokeContract, IpcResult, ParsedArgs } from '../../../shared/ipc/contract';
import type { z } from 'zod';
import { IpcHandlerError } from './ipc-error';
import { isTrustedSender } from './sender';
import type { IpcInvokeEventLike, SenderPolicy } from './sender';

export type IpcHandler<C extends InvokeChannel> = (
  ...args: ParsedArgs<C>
) => Promise<z.input<InvokeContract[C]['result']>> | z.input<InvokeContract[C]['result']>;

/** One handler per contract channel: a missing channel is a type error. */
export type IpcHandlers = { readonly [C in InvokeChannel]: IpcHandler<C> };

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export interface RegisterOptions extends SenderPolicy {
  readonly log: (level: 'warn' | 'error', message: string, details?: Record<string, unknown>) => void;
}

const fail = (code: 'forbidden' | 'invalid_args' | 'internal' | 'unauthorized' | 'unavailable', message: string): IpcResult<never> => ({
  ok: false,
  error: { code, message },
});

/** Runs one call through the checks; exported for the registration below and for tests. */
export async function dispatch<C extends InvokeChannel>(
  channel: C,
  handler: IpcHandler<C>,
  event: IpcInvokeEventLike,
  rawArgs: unknown[],
  options: RegisterOptions,
): Promise<IpcResult<unknown>> {
  if (!isTrustedSender(event, options)) {
    options.log('warn', 'ipc sender refused', { channel, url: event.senderFrame?.url ?? null });
    return fail('forbidden', 'This caller may not use the desktop bridge.');
  }
  const spec = invokeContract[channel];
  const args = spec.args.safeParse(rawArgs);
  if (!args.success) {
    options.log('warn', 'ipc arguments refused', { channel, issues: args.error.issues.map((i) => i.path.join('.') || '(root)') });
    return fail('invalid_args', `Invalid arguments for ${channel}.`);
  }
  let value: unknown;
  try {
    value = await (handler as (...a: unknown[]) => unknown)(...(args.data as unknown[]));
  } catch (error) {
    if (error instanceof IpcHandlerError) return fail(error.code, error.message);
    options.log('error', 'ipc handler failed', { channel, error: String(error) });
    return fail('internal', 'The desktop shell failed to complete the request.');
  }
  const result = spec.result.safeParse(value);
  if (!result.success) {
    options.log('error', 'ipc result outside the contract', { channel });
    return fail('internal', 'The desktop shell failed to complete the request.');
  }
  return { ok: true, value: result.data };
}

/** Registers every contract channel; throws at start-up if a handler is missing. */
export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers, options: RegisterOptions): void {
  for (const channel of Object.keys(invokeContract) as InvokeChannel[]) {
    const handler = handlers[channel] as IpcHandler<InvokeChannel> | undefined;
    if (typeof handler !== 'function') throw new Error(`No IPC handler for ${channel}`);
    ipcMain.handle(channel, (event, ...args) => dispatch(channel, handler, event, args, options));
  }
}
