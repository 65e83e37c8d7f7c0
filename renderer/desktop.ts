// The renderer's only door to the desktop: the preload's `window.switchboard` in Electron, or the
// browser stand-in with the same type in web mode. Nothing else in renderer/ touches either.
import { BRIDGE_GLOBAL, type SwitchboardBridge } from '../shared/ipc/contract';
import { createBrowserBridge } from './desktop-browser';

let bridge: SwitchboardBridge | null = null;

export function desktop(): SwitchboardBridge {
  bridge ??= ((globalThis as Record<string, unknown>)[BRIDGE_GLOBAL] as SwitchboardBridge | undefined) ??
    createBrowserBridge(import.meta.env?.VITE_SERVER_URL as string | undefined);
  return bridge;
}

export const isDesktop = () => (globalThis as Record<string, unknown>)[BRIDGE_GLOBAL] !== undefined;

/** Unwraps a bridge answer, throwing its error (with the IPC code) when it failed. */
export async function call<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await answer;
  if (result.ok) return result.value;
  throw Object.assign(new Error(result.error.message), { code: result.error.code });
}
