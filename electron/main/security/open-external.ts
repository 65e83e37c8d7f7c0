// The only way a URL leaves the app for the system browser. Policy: http(s) with a real host, no
// credentials, no control characters or backslashes, bounded length. Everything else (file:,
// javascript:, data:, custom schemes, UNC paths such as \\host\share) is refused, because the
// system would hand those to a local handler instead of a browser.

export const MAX_EXTERNAL_URL_LENGTH = 2048;

/** The normalized URL to open, or null when the policy refuses it. */
export function checkExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(raw)) return null;
  if (!/^https?:\/\//i.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** Opens `url` with the injected opener (shell.openExternal) only when the policy allows it. */
export async function openExternal(url: unknown, open: (url: string) => Promise<void>): Promise<boolean> {
  const checked = checkExternalUrl(url);
  if (checked === null) return false;
  await open(checked);
  return true;
}
