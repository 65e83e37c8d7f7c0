// The desktop settings schema, shared by main (which stores and repairs them) and the renderer
// (which reads and patches them over IPC). Every field has a default, so a missing or corrupt
// stored value is replaced by the default instead of stopping the app.
import { z } from 'zod';

export const LANGUAGES = ['en', 'cs'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const THEMES = ['system', 'light', 'dark'] as const;
export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;

/** Where the reference server runs when nothing else is configured. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4010';

/**
 * The ticket server's base URL: http(s) only, no credentials, no query or fragment; a trailing slash
 * is dropped so `${serverUrl}/auth/refresh` is always well formed. Its origin becomes the only
 * connect-src of the window's Content-Security-Policy.
 */
export const ServerUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((text) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return false;
    }
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hostname !== '' &&
      url.username === '' &&
      url.password === '' &&
      url.search === '' &&
      url.hash === '' &&
      !text.includes('\\') &&
      !text.includes('*')
    );
  }, 'expected an http(s) URL without credentials, query or fragment')
  .transform((text) => {
    const url = new URL(text);
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  });

/** The largest opaque pane layout kept for one user (serialized JSON characters). */
export const MAX_PANE_LAYOUT_CHARS = 100_000;
export const UserId = z.string().min(1).max(100);
export const PaneLayout = z
  .json()
  .refine((value) => JSON.stringify(value).length <= MAX_PANE_LAYOUT_CHARS, 'pane layout too large');
export const PaneLayouts = z.record(UserId, PaneLayout).refine((all) => Object.keys(all).length <= 50, 'too many users');

export const MIN_WINDOW_WIDTH = 640;
export const MIN_WINDOW_HEIGHT = 400;
const Coordinate = z.number().int().min(-100_000).max(100_000);
export const WindowBounds = z.object({
  x: Coordinate,
  y: Coordinate,
  width: z.number().int().min(MIN_WINDOW_WIDTH).max(16_384),
  height: z.number().int().min(MIN_WINDOW_HEIGHT).max(16_384),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export const NotificationPreferences = z.object({
  /** Master switch: when off, no desktop notification is shown at all. */
  enabled: z.boolean(),
  /** A new ticket was assigned to me. */
  assignedToMe: z.boolean(),
  /** A ticket's SLA is about to breach, `slaLeadMinutes` ahead. */
  slaWarning: z.boolean(),
  slaLeadMinutes: z.number().int().min(1).max(1440),
  /** Conflicts appeared after a sync. */
  conflicts: z.boolean(),
  silent: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const Settings = z.object({
  serverUrl: ServerUrl,
  language: Language,
  theme: Theme,
  /** Opaque to main: the renderer's pane arrangement, one per signed-in user id. */
  paneLayouts: PaneLayouts,
  /** Kept by main from the window itself; null until the window was first closed. */
  windowBounds: WindowBounds.nullable(),
  notifications: NotificationPreferences,
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  enabled: true,
  assignedToMe: true,
  slaWarning: true,
  slaLeadMinutes: 15,
  conflicts: true,
  silent: false,
};

export const DEFAULT_SETTINGS: Settings = {
  serverUrl: DEFAULT_SERVER_URL,
  language: 'en',
  theme: 'system',
  paneLayouts: {},
  windowBounds: null,
  notifications: DEFAULT_NOTIFICATION_PREFERENCES,
};

/**
 * What the renderer may change. Window bounds are main's own business; a pane layout is set for one
 * user at a time (`layout: null` forgets it); notification preferences merge field by field.
 */
export const SettingsPatch = z.strictObject({
  serverUrl: ServerUrl.optional(),
  language: Language.optional(),
  theme: Theme.optional(),
  paneLayout: z.strictObject({ userId: UserId, layout: PaneLayout.nullable() }).optional(),
  notifications: NotificationPreferences.partial().strict().optional(),
});
export type SettingsPatch = z.input<typeof SettingsPatch>;
