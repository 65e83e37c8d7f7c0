// A tiny Server-Sent Events reader for tests: collects events and waits for one that matches.
export type SseEvent = { event: string; data: unknown };

/** `onEvent`: called with each event as it arrives (besides collecting it). */
export async function openEvents(url: string, token: string, origin?: string, onEvent?: (e: SseEvent) => void) {
  const controller = new AbortController();
  const headers = { authorization: `Bearer ${token}`, ...(origin ? { origin } : {}) };
  const res = await fetch(`${url}/sync/events`, { headers, signal: controller.signal });
  if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status}`);
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) {
            const received = { event, data: JSON.parse(data) as unknown };
            events.push(received);
            onEvent?.(received);
          }
          for (const w of waiters) w();
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    contentType: res.headers.get('content-type'),
    /** What a browser checks before it lets a page of another origin read the stream. */
    allowOrigin: res.headers.get('access-control-allow-origin'),
    /** Resolves with the first event (already received or coming) that matches, or rejects after timeoutMs. */
    waitFor(match: (e: SseEvent) => boolean, timeoutMs = 5000): Promise<SseEvent> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
