// Labels looked up once per translation function. A scrolled queue frame asks for the same handful of
// labels (types, channels, "unassigned", SLA states and tooltips) for every row it shows; i18next
// resolves each through namespaces, fallbacks and interpolation every time, and that garbage was half
// of what a scrolled frame allocated. A language switch brings a new translation function, and with it
// a fresh cache.
import type { TFunction } from 'i18next';

/** Values made once per translation function (a language switch brings a new one), by key. */
export type PerTranslation<K, V> = WeakMap<object, Map<K, V>>;

/**
 * The value cached for `t` and `key`, made by `make` the first time. Past `limit` values for one
 * translation function, its cache starts over (for keys that take many values, such as countdowns).
 */
export function cachedFor<K, V>(caches: PerTranslation<K, V>, t: object, key: K, make: () => V, limit = Infinity): V {
  let cache = caches.get(t);
  if (!cache || cache.size >= limit) caches.set(t, (cache = new Map()));
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

const labels: PerTranslation<string, string> = new WeakMap();
/** By key alone: a label takes its value under one name. */
const templates: PerTranslation<string, string> = new WeakMap();

export function label<N extends string>(t: TFunction<N>, key: string): string {
  return cachedFor(labels, t, key, () => t(key));
}

// Stands in for the value while the label is translated once; a private-use character no translation holds.
const SLOT = '\uE000';

/**
 * A label with one value put in, such as an SLA tooltip "Resolution due in 1:05" (`{{time}}`). The
 * label is translated once with a stand-in for the value and split there; each call joins the two
 * halves around the value (a countdown takes thousands of values, so caching whole labels would not
 * spare the translation on a first scroll through a queue).
 */
export function labelWith<N extends string>(t: TFunction<N>, key: string, name: string, value: string): string {
  const template = cachedFor(templates, t, key, () => t(key, { [name]: SLOT }));
  const at = template.indexOf(SLOT);
  return at < 0 ? template : template.slice(0, at) + value + template.slice(at + SLOT.length);
}
