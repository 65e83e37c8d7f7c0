// Main → renderer events, validated against the contract before they are sent, so the renderer can
// trust the payload shape as much as main trusts its arguments.
import { eventContract } from '../../../shared/ipc/contract';
import type { EventChannel, EventPayload } from '../../../shared/ipc/contract';

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

export type SendEvent = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => boolean;

/** A sender bound to the current console webContents (looked up per call: the window may be recreated). */
export function createEventSender(target: () => EventTarget | null): SendEvent {
  return (channel, payload) => {
    const parsed = eventContract[channel].safeParse(payload);
    const contents = target();
    if (!parsed.success || contents === null || contents.isDestroyed()) return false;
    contents.send(channel, parsed.data);
    return true;
  };
}
