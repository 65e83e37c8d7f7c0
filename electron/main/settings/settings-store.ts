// Settings, validated field by field against the shared zod schema. A stored value that does not
// parse (hand-edited file, older version, disk damage) is replaced by its default and reported; it
// never stops the app. The repaired settings are written back so the same problem is reported once.
import { DEFAULT_SETTINGS, Settings, SettingsPatch } from '../../../shared/ipc/settings';
import type { SettingsPatch as SettingsPatchInput, WindowBounds } from '../../../shared/ipc/settings';
import type { SettingsProblem } from '../../../shared/ipc/contract';

/** Where settings live (electron-store in the app, memory in tests). */
export interface SettingsBackend {
  read(): unknown;
  write(value: Settings): void;
}

export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatchInput): Settings;
  setWindowBounds(bounds: WindowBounds): void;
  /** What was repaired when the settings were loaded. */
  problems(): readonly SettingsProblem[];
}

const FIELDS = Object.keys(Settings.shape) as Array<keyof Settings>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Repairs `raw` into valid settings, listing each field that fell back to its default. */
export function repairSettings(raw: unknown, defaults: Settings = DEFAULT_SETTINGS): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  if (raw === undefined || (isRecord(raw) && Object.keys(raw).length === 0)) return { settings: structuredClone(defaults), problems };
  if (!isRecord(raw)) {
    return { settings: structuredClone(defaults), problems: [{ path: '(root)', message: 'stored settings are not an object; defaults used' }] };
  }
  const repaired: Record<string, unknown> = {};
  for (const field of FIELDS) {
    if (!(field in raw)) {
      repaired[field] = structuredClone(defaults[field]);
      continue;
    }
    const parsed = Settings.shape[field].safeParse(raw[field]);
    if (parsed.success) {
      repaired[field] = parsed.data;
    } else if (field === 'notifications' && isRecord(raw[field])) {
      // Keep the valid preferences and reset only the broken ones.
      const prefs = raw[field];
      const merged: Record<string, unknown> = {};
      for (const [key, schema] of Object.entries(Settings.shape.notifications.shape)) {
        const one = schema.safeParse(prefs[key]);
        const fallback = defaults.notifications[key as keyof Settings['notifications']];
        if (!one.success && key in prefs) problems.push({ path: `notifications.${key}`, message: 'invalid value; default used' });
        merged[key] = one.success ? one.data : fallback;
      }
      repaired[field] = merged;
    } else {
      problems.push({ path: field, message: 'invalid value; default used' });
      repaired[field] = structuredClone(defaults[field]);
    }
  }
  return { settings: Settings.parse(repaired), problems };
}

export function applySettingsPatch(current: Settings, patchInput: SettingsPatchInput): Settings {
  const patch = SettingsPatch.parse(patchInput);
  const next: Settings = structuredClone(current);
  if (patch.serverUrl !== undefined) next.serverUrl = patch.serverUrl;
  if (patch.language !== undefined) next.language = patch.language;
  if (patch.theme !== undefined) next.theme = patch.theme;
  if (patch.notifications !== undefined) next.notifications = { ...next.notifications, ...patch.notifications };
  if (patch.paneLayout !== undefined) {
    const { userId, layout } = patch.paneLayout;
    if (layout === null) delete next.paneLayouts[userId];
    else next.paneLayouts[userId] = layout;
  }
  return Settings.parse(next);
}

export function createSettingsStore(
  backend: SettingsBackend,
  report: (problem: SettingsProblem) => void,
  defaults: Settings = DEFAULT_SETTINGS,
): SettingsStore {
  let raw: unknown;
  const problems: SettingsProblem[] = [];
  try {
    raw = backend.read();
  } catch (error) {
    problems.push({ path: '(root)', message: `settings could not be read (${String(error)}); defaults used` });
    raw = undefined;
  }
  const repaired = repairSettings(raw, defaults);
  problems.push(...repaired.problems);
  let current = repaired.settings;
  for (const problem of problems) report(problem);

  const save = (next: Settings) => {
    current = next;
    try {
      backend.write(next);
    } catch (error) {
      report({ path: '(root)', message: `settings could not be written (${String(error)})` });
    }
  };
  if (problems.length > 0) save(current);

  return {
    get: () => structuredClone(current),
    update: (patch) => {
      save(applySettingsPatch(current, patch));
      return structuredClone(current);
    },
    setWindowBounds: (bounds) => {
      // Bounds come from the window itself; odd ones (a tiny display) are simply not kept.
      const next = Settings.safeParse({ ...current, windowBounds: bounds });
      if (next.success) save(next.data);
    },
    problems: () => [...problems],
  };
}
