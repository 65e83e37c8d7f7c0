// Labels looked up once per translation function. A scrolled queue frame asks for the same handful of
// labels (types, channels, "unassigned", SLA states and tooltips) for every row it shows; i18next
// resolves each through namespaces, fallbacks and interpolation every time, and that garbage was half
// of what a scrolled frame allocated. A language switch brings a new translation function, and with it
// a fresh cache.
import type { TFunction } from 'i18next';

type Caches = WeakMap<object, Map<string, string>>;
const labels: Caches = new WeakMap();
/** By key alone: a label takes its value under one name. */
const templates: Caches = new WeakMap();

function cached(caches: Caches, t: object, key: string, make: () => string): string {
  let cache = caches.get(t);
  if (!cache) caches.set(t, (cache = new Map()));
  let text = cache.get(key);
  if (text === undefined) cache.set(key, (text = make()));
  return text;
}

export function label<N extends string>(t: TFunction<N>, key: string): string {
  return cached(labels, t, key, () => t(key));
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
  const template = cached(templates, t, key, () => t(key, { [name]: SLOT }));
  const at = template.indexOf(SLOT);
  return at < 0 ? template : template.slice(0, at) + value + template.slice(at + SLOT.length);
}
