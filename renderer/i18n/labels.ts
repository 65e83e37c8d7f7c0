// Labels that take no arguments, looked up once per translation function. A scrolled queue frame asks
// for the same handful of labels (types, channels, "unassigned", SLA states) for every row it shows;
// i18next resolves each through namespaces, fallbacks and interpolation every time. A language switch
// brings a new translation function, and with it a fresh cache.
import type { TFunction } from 'i18next';

const caches = new WeakMap<object, Map<string, string>>();

export function label<N extends string>(t: TFunction<N>, key: string): string {
  let cache = caches.get(t);
  if (!cache) caches.set(t, (cache = new Map()));
  let text = cache.get(key);
  if (text === undefined) cache.set(key, (text = t(key)));
  return text;
}
