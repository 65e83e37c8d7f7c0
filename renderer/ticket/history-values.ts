// The audit trail's before/after values in words. The server records whole field values, so an SLA
// change or a requester edit arrives as an object: it is spread into one line per part that changed
// (never printed as JSON), times in the agent's language, agents by name, statuses and flags in words.
import type { HistoryEntry } from '../../shared/protocol/sync';
import { IsoTime } from '../../shared/schemas/common';
import type { Agent } from '../../shared/schemas/entities';
import { formatDateTime } from '../i18n/format';

export type Translate = (key: string, options?: Record<string, unknown>) => string;
export type HistoryLine = { key: string; field: string; before: string; after: string };
type Context = { t: Translate; language: string; agents: ReadonlyMap<string, Agent> };
type Fields = Record<string, unknown>;

const MAX_VALUE = 120;
const EMPTY = '—';

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const clip = (text: string) => (text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The SLA as the agent thinks of it: the due times, when it was met, and whether the clock runs. The
 * pauses themselves are the server's bookkeeping; only the open one (if any) matters to a reader.
 */
function slaParts(value: unknown): Fields | undefined {
  if (!isObject(value)) return undefined;
  const pauses = Array.isArray(value.pauses) ? value.pauses.filter(isObject) : [];
  const open = pauses.find((p) => p.to === null || p.to === undefined);
  const clock = value.resolvedAt ? 'stopped' : open ? 'paused' : 'running';
  return {
    firstResponseDueAt: value.firstResponseDueAt ?? null,
    resolutionDueAt: value.resolutionDueAt ?? null,
    firstResponseAt: value.firstResponseAt ?? null,
    resolvedAt: value.resolvedAt ?? null,
    clock: { state: clock, since: clock === 'paused' ? (open?.from ?? null) : null },
  };
}

function describe(value: unknown, field: string, ctx: Context): string {
  const { t, language, agents } = ctx;
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'string') {
    if (field === 'status') return t(`statusName.${value}`, { defaultValue: value });
    if (IsoTime.safeParse(value).success) return formatDateTime(value, language);
    return agents.get(value)?.name ?? clip(value);
  }
  if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
  if (typeof value === 'number') return value.toLocaleString(language);
  if (Array.isArray(value)) return clip(value.map((v) => describe(v, field, ctx)).join(', ')) || EMPTY;
  if (!isObject(value)) return clip(String(value));
  if (field === 'clock' && typeof value.state === 'string') {
    const since = typeof value.since === 'string' ? formatDateTime(value.since, language) : null;
    return since ? t('history.clock.pausedSince', { since }) : t(`history.clock.${value.state}`, { defaultValue: value.state });
  }
  // A nested object inside a part (rare): its parts named in words, side by side.
  const parts = Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== '');
  return clip(parts.map(([k, v]) => `${partName(k, ctx)}: ${describe(v, k, ctx)}`).join(', ')) || EMPTY;
}

const fieldName = (field: string, { t }: Context) => t(`field.${field}`, { defaultValue: field });
const partName = (part: string, { t }: Context) => t(`history.part.${part}`, { defaultValue: part });

/** One line per changed field; an object-valued field gives one line per part that changed. */
export function historyLines(entry: HistoryEntry, ctx: Context): HistoryLine[] {
  const before = isObject(entry.before) ? entry.before : {};
  const after = isObject(entry.after) ? entry.after : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.flatMap((field) => {
    const shape = field === 'sla' ? slaParts : (v: unknown) => (isObject(v) ? v : undefined);
    const b = shape(before[field]);
    const a = shape(after[field]);
    if (b === undefined && a === undefined) {
      return [{ key: field, field: fieldName(field, ctx), before: describe(before[field], field, ctx), after: describe(after[field], field, ctx) }];
    }
    const parts = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((p) => !same(b?.[p], a?.[p]));
    return parts.map((part) => ({
      key: `${field}.${part}`,
      field: `${fieldName(field, ctx)} · ${partName(part, ctx)}`,
      before: describe(b?.[part], part, ctx),
      after: describe(a?.[part], part, ctx),
    }));
  });
}
