// The one IPC contract between the console and the desktop shell: every channel (`app:` prefix) with
// the zod schema of its arguments and of its result, and every main → renderer event with its payload.
// Main parses arguments before a handler runs and parses results before they leave (so a field that
// is not in the result schema, such as a refresh token, is stripped); the preload exposes exactly
// these channels as `window.switchboard`. Pure zod: no electron, node or DOM imports.
import { z } from 'zod';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from './channels';
import type { EventChannel, EventMethod, InvokeChannel, InvokeMethod } from './channels';
import { MENU_COMMANDS } from './menu-commands';
import { Settings, SettingsPatch } from './settings';

export * from './channels';

/** A server-made human ticket key such as SD-1042 or HD-2231. */
export const TicketKey = z.string().regex(/^[A-Z]{2,5}-[1-9][0-9]{0,8}$/, 'expected a ticket key such as SD-1042');
export type TicketKey = z.infer<typeof TicketKey>;

export const IPC_ERROR_CODES = [
  /** The caller is not the console's main frame. */
  'forbidden',
  /** The arguments did not match the contract; the handler never ran. */
  'invalid_args',
  /** No valid session: the user has to sign in. */
  'unauthorized',
  /** The server could not be reached or failed; try again later. */
  'unavailable',
  'internal',
] as const;
export const IpcErrorCode = z.enum(IPC_ERROR_CODES);
export type IpcErrorCode = z.infer<typeof IpcErrorCode>;
export const IpcError = z.object({ code: IpcErrorCode, message: z.string() });
export type IpcError = z.infer<typeof IpcError>;

/** Every invoke answers with this envelope; nothing throws across the bridge. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
export const ipcResult = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: IpcError })]);

/** Why a refresh token can or cannot be kept between starts. */
export const SECURE_STORAGE_REASONS = ['available', 'encryption_unavailable', 'basic_text_backend', 'backend_unknown'] as const;
export const SecureStorageStatus = z.object({
  available: z.boolean(),
  reason: z.enum(SECURE_STORAGE_REASONS),
});
export type SecureStorageStatus = z.infer<typeof SecureStorageStatus>;

export const AuthStatus = z.object({
  /** Main holds a refresh token (in memory at least). */
  signedIn: z.boolean(),
  /** The refresh token survives a restart (encrypted on disk). */
  persisted: z.boolean(),
  secureStorage: SecureStorageStatus,
});
export type AuthStatus = z.infer<typeof AuthStatus>;

export const AccessToken = z.object({
  accessToken: z.string().min(1).max(8192),
  /** ISO time; the renderer asks again shortly before it. */
  expiresAt: z.string(),
});
export type AccessToken = z.infer<typeof AccessToken>;

/** The signed-in agent as the server describes it; main only passes it through. */
export const AgentSummary = z.looseObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
});

export const RefreshToken = z.string().min(1).max(8192);

export const NOTIFICATION_KINDS = ['assigned', 'sla_warning', 'conflict'] as const;
export const NotificationRequest = z.strictObject({
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string().trim().min(1).max(200),
  body: z.string().max(1000),
  /** The ticket to focus when the notification is clicked. */
  ticketKey: TicketKey.nullable(),
});
export type NotificationRequest = z.infer<typeof NotificationRequest>;

const Count = z.number().int().min(0).max(1_000_000);
export const TrayBadge = z.strictObject({ openTickets: Count, pendingChanges: Count });
export type TrayBadge = z.infer<typeof TrayBadge>;

export const SettingsProblem = z.object({ path: z.string(), message: z.string() });
export type SettingsProblem = z.infer<typeof SettingsProblem>;

interface InvokeSpec {
  readonly args: z.ZodTuple;
  readonly result: z.ZodType;
}

export const invokeContract = {
  [INVOKE_CHANNELS.getSettings]: { args: z.tuple([]), result: Settings },
  [INVOKE_CHANNELS.setSettings]: { args: z.tuple([SettingsPatch]), result: Settings },
  [INVOKE_CHANNELS.getSettingsProblems]: { args: z.tuple([]), result: z.array(SettingsProblem) },
  [INVOKE_CHANNELS.login]: {
    args: z.tuple([z.strictObject({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1024) })]),
    result: z.object({ accessToken: AccessToken, agent: AgentSummary, auth: AuthStatus }),
  },
  [INVOKE_CHANNELS.storeRefreshToken]: { args: z.tuple([z.strictObject({ refreshToken: RefreshToken })]), result: AuthStatus },
  [INVOKE_CHANNELS.getAccessToken]: { args: z.tuple([]), result: AccessToken },
  [INVOKE_CHANNELS.logout]: { args: z.tuple([]), result: z.null() },
  [INVOKE_CHANNELS.getAuthStatus]: { args: z.tuple([]), result: AuthStatus },
  [INVOKE_CHANNELS.showNotification]: { args: z.tuple([NotificationRequest]), result: z.object({ shown: z.boolean() }) },
  [INVOKE_CHANNELS.setTrayBadge]: { args: z.tuple([TrayBadge]), result: z.null() },
  [INVOKE_CHANNELS.openExternal]: {
    args: z.tuple([z.strictObject({ url: z.string().max(4096) })]),
    result: z.object({ opened: z.boolean() }),
  },
} as const satisfies { readonly [C in InvokeChannel]: InvokeSpec };

export const eventContract = {
  [EVENT_CHANNELS.onDeepLink]: z.object({ ticketKey: TicketKey }),
  [EVENT_CHANNELS.onNotificationClicked]: z.object({ ticketKey: TicketKey }),
  [EVENT_CHANNELS.onMenuCommand]: z.object({ command: z.enum(MENU_COMMANDS) }),
} as const satisfies { readonly [C in EventChannel]: z.ZodType };

export type InvokeContract = typeof invokeContract;
export type EventContract = typeof eventContract;
export type InvokeArgs<C extends InvokeChannel> = z.input<InvokeContract[C]['args']>;
export type ParsedArgs<C extends InvokeChannel> = z.output<InvokeContract[C]['args']>;
export type InvokeResult<C extends InvokeChannel> = z.output<InvokeContract[C]['result']>;
export type EventPayload<C extends EventChannel> = z.output<EventContract[C]>;

export type Unsubscribe = () => void;

/** What the preload exposes as `window.switchboard`, and what the renderer's browser stand-in implements. */
export type SwitchboardBridge = {
  readonly [M in InvokeMethod]: (...args: InvokeArgs<(typeof INVOKE_CHANNELS)[M]>) => Promise<IpcResult<InvokeResult<(typeof INVOKE_CHANNELS)[M]>>>;
} & {
  readonly [M in EventMethod]: (listener: (payload: EventPayload<(typeof EVENT_CHANNELS)[M]>) => void) => Unsubscribe;
};

/** The bridge's keys, in one list: exactly what `window.switchboard` must hold. */
export const BRIDGE_KEYS = [...Object.keys(INVOKE_CHANNELS), ...Object.keys(EVENT_CHANNELS)] as ReadonlyArray<
  InvokeMethod | EventMethod
>;
