// The browser's storage manager, where it exists: how much the origin uses, and persistence (a persistent
// origin is not cleared when the disk runs low, so an outbox kept for hours on site survives).
export type StorageUse = { usage: number; quota: number | null };
export type Persistence = 'persistent' | 'best_effort' | 'unsupported';

type StorageLike = Partial<Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>>;

function manager(): StorageLike | undefined {
  return (globalThis.navigator as (Navigator & { storage?: StorageLike }) | undefined)?.storage;
}

export async function storageUse(): Promise<StorageUse | null> {
  const storage = manager();
  if (!storage?.estimate) return null;
  try {
    const estimate = await storage.estimate();
    return typeof estimate.usage === 'number' ? { usage: estimate.usage, quota: estimate.quota ?? null } : null;
  } catch {
    return null;
  }
}

/** Asks for persistent storage (`ask`), or only reads whether it is persistent already. */
export async function persistence(ask: boolean): Promise<Persistence> {
  const storage = manager();
  const call = ask ? storage?.persist : storage?.persisted;
  if (!call) return 'unsupported';
  try {
    return (await call.call(storage)) ? 'persistent' : 'best_effort';
  } catch {
    return 'best_effort';
  }
}

export function formatBytes(bytes: number, language: string): string {
  const [unit, size] = bytes >= 1024 ** 3 ? (['gigabyte', bytes / 1024 ** 3] as const)
    : bytes >= 1024 ** 2 ? (['megabyte', bytes / 1024 ** 2] as const)
    : bytes >= 1024 ? (['kilobyte', bytes / 1024] as const)
    : (['byte', bytes] as const);
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(size);
}
