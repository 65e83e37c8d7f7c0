// Who may call IPC: the console's own main frame, in a window main created, on a trusted origin.
// A subframe, a foreign origin (a page the window was somehow navigated to) or a destroyed frame is refused.
import { originOf } from '../app-origin';

export interface IpcSenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

export interface IpcInvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: IpcSenderFrame | null;
}

export interface SenderPolicy {
  readonly trustedOrigins: ReadonlySet<string>;
  /** Whether the webContents id belongs to a window main created for the console. */
  readonly isConsoleContents: (id: number) => boolean;
}

export function isTrustedSender(event: IpcInvokeEventLike, policy: SenderPolicy): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  if (!policy.isConsoleContents(event.sender.id)) return false;
  const origin = originOf(frame.url);
  return origin !== null && policy.trustedOrigins.has(origin);
}
