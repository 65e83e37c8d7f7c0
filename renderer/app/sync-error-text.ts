// What the agent reads about a failed sync, in the console's language and by the error's code: the
// error's own message is the browser's or the server's English (for support, in a tooltip).
import type { TFunction } from 'i18next';

const EXPLAINED = new Set(['offline', 'unauthorized', 'forbidden', 'rate_limited', 'internal']);

export function syncErrorText(t: TFunction<'app'>, code: string): string {
  return EXPLAINED.has(code) ? t(`status.errors.${code}`) : t('status.errors.other', { code });
}
