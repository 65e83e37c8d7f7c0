// HTTP client of the sync protocol. Tokens come from the caller (the desktop bridge, or the web login);
// a 401 refreshes once and retries. Nothing here stores a token.
import type { MutationResult, PullResponse, PushResponse, SliceResponse } from '../../shared/protocol/sync';
import type { Mutation } from '../../shared/protocol/mutations';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The network itself failed: no answer from the server at all. */
export class OfflineError extends Error {}

export type TokenSource = {
  /** A valid access token (cached by the source). */
  get(): Promise<string>;
  /** A fresh access token after the server refused the last one. */
  refresh(): Promise<string>;
};

export type SyncApi = ReturnType<typeof createSyncApi>;

/** Open tickets per desk in the first screen's slice: a screenful of each queue, and some to scroll. */
export const SLICE_LIMIT = 200;

export function createSyncApi(options: { baseUrl: string; tokens: TokenSource; fetch?: typeof fetch }) {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = options.baseUrl.replace(/\/+$/, '');

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const token = attempt === 0 ? await options.tokens.get() : await options.tokens.refresh();
      let res: Response;
      try {
        res = await doFetch(`${base}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (error) {
        throw new OfflineError(error instanceof Error ? error.message : 'Network error');
      }
      if (res.status === 401 && attempt === 0) continue;
      if (res.status === 204) return undefined as T;
      if (res.ok) return (await res.json()) as T;
      const parsed = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
      throw new ApiError(res.status, parsed?.error?.code ?? 'internal', parsed?.error?.message ?? `HTTP ${res.status}`, parsed?.error?.details);
    }
  }

  return {
    baseUrl: base,
    pull: (cursor: string | undefined, limit: number) =>
      call<PullResponse>('GET', `/sync/pull?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
    slice: (limit = SLICE_LIMIT) => call<SliceResponse>('GET', `/sync/slice?limit=${limit}`),
    push: (clientId: string, mutations: readonly Mutation[]) =>
      call<PushResponse>('POST', '/sync/push', {
        clientId,
        schemaVersion: 1,
        mutations: mutations.map(({ id, seq, name, args, at }) => ({ id, seq, name, args, at })),
      }) as Promise<{ results: MutationResult[]; cursor: string }>,
    history: (ticketId: string) => call<{ entries: unknown[] }>('GET', `/tickets/${ticketId}/history`),
    presence: (ticketId: string, state: 'viewing' | 'editing' | 'left') => call<void>('POST', '/presence', { ticketId, state }).catch(() => undefined),
    putAttachment: async (id: string, blob: Blob, mediaType: string) => {
      const token = await options.tokens.get();
      const res = await doFetch(`${base}/attachments/${id}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': mediaType }, body: blob });
      if (!res.ok) throw new ApiError(res.status, 'upload_failed', `Upload failed with HTTP ${res.status}`);
    },
    /** `fresh`: after the stream failed, which may have been a refused token the stream cannot report. */
    eventsUrl: async (fresh = false) =>
      `${base}/sync/events?access_token=${encodeURIComponent(await (fresh ? options.tokens.refresh() : options.tokens.get()))}`,
  };
}
