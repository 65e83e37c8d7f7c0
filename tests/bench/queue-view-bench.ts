// Times the queue's in-memory work at 100,000 tickets, in Node (not a test: `npx tsx
// tests/renderer/queues/view-switch-bench.ts [tickets]`). Prints `name value unit` lines. The browser
// benchmark (npm run bench:ui) measures the same paths plus rendering in real Chromium.
import { generateDemo } from '../../server/demo/index';
import type { Ticket } from '../../shared/schemas/ticket';
import { toQueueRow, type OrgInfo, type QueueRow } from '../../renderer/queues/queue-row';
import { SlaClocks } from '../../renderer/queues/sla-schedule';
import { sortOrder, type SortContext, type SortSpec } from '../../renderer/queues/sorting';
import { BUILTIN_VIEWS, createRowSelector, membership, selectRows, viewCounts, type ViewContext } from '../../renderer/queues/views';

const count = Number(process.argv[2] ?? 100_000);
const now = new Date('2026-11-20T10:00:00Z');
const nowMs = now.getTime();

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const value = f();
  return [value, performance.now() - t];
}

/** The median of a few warm runs: a shared machine's noise is large next to these figures. */
function median<T>(f: () => T, runs = 7): [T, number] {
  let value = f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [v, ms] = time(f);
    value = v;
    times.push(ms);
  }
  return [value, percentile(times, 50)];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const out = (name: string, value: number, unit: string) => console.log(`${name} ${Number(value.toFixed(2))} ${unit}`);

// How fast this machine is right now (a shared one can be several times slower than usual).
const reference = Float64Array.from({ length: 100_000 }, (_, i) => Math.sin(i) * 1e6);
out('calibration_float64_sort_100k_ms', time(() => reference.sort())[1], 'ms');

const [demo, genMs] = time(() => generateDemo({ now, tickets: count, articles: 0 }));
out('generate_demo_ms', genMs, 'ms');
const orgs = new Map<string, OrgInfo>(demo.organizations.map((o) => [o.id, o]));
const actor = demo.agents.find((a) => a.email === 'agent@example.com')!;
const agents = new Map(demo.agents.map((a) => [a.id, a.name]));

function scenario(label: string, tickets: readonly Ticket[]) {
  const clocks = new SlaClocks(nowMs);
  const [rows, buildMs] = time(() => tickets.map((t): QueueRow => toQueueRow(t, orgs, clocks, nowMs)));
  out(`${label}_rows`, rows.length, 'rows');
  out(`${label}_projection_build_ms`, buildMs, 'ms');
  const sla = clocks.readerAt(nowMs + 60_000);
  const ctx: ViewContext = { actorId: actor.id, groupIds: new Set(actor.groupIds), sla };
  const sortCtx: SortContext = {
    organizationName: (id) => orgs.get(id)?.name,
    agentName: (id) => agents.get(id),
    label: (_kind, value) => value,
    sla,
  };
  const sorts: SortSpec[] = [
    { column: 'sla', direction: 'ascending' },
    { column: 'priority', direction: 'ascending' },
    { column: 'updated', direction: 'descending' },
    { column: 'requester', direction: 'ascending' },
    { column: 'assignee', direction: 'ascending' },
  ];
  // Worked out once per change of the rows (and per sort), memoized by the pane.
  let order: Uint32Array = new Uint32Array(0);
  for (const spec of sorts) {
    const [result, ms] = median(() => sortOrder(rows, spec, sortCtx));
    out(`${label}_sort_${spec.column}_ms`, ms, 'ms');
    if (spec.column === 'sla') order = result;
  }
  const [bits, bitsMs] = median(() => membership(rows, ctx));
  out(`${label}_view_membership_ms`, bitsMs, 'ms');
  const [, countsMs] = median(() => viewCounts(rows, bits, []));
  out(`${label}_counts_all_views_ms`, countsMs, 'ms');

  // A view switch: the memoized order is walked for the chosen view (what QueuePane does).
  const switches: number[] = [];
  for (let round = 0; round < 50; round++) {
    for (const view of BUILTIN_VIEWS) switches.push(time(() => selectRows(rows, order, bits, view, ''))[1]);
  }
  out(`${label}_view_switch_p50_ms`, percentile(switches, 50), 'ms');
  out(`${label}_view_switch_p95_ms`, percentile(switches, 95), 'ms');
  // Typing "novak" letter by letter into the filter of "All open", as the pane does it.
  const typing: number[] = [];
  for (let round = 0; round < 5; round++) {
    const select = createRowSelector();
    select(rows, order, bits, 'allOpen', '');
    for (const query of ['n', 'no', 'nov', 'nova', 'novak']) typing.push(time(() => select(rows, order, bits, 'allOpen', query))[1]);
  }
  out(`${label}_filter_keystroke_p95_ms`, percentile(typing, 95), 'ms');
  const fresh: number[] = [];
  for (let round = 0; round < 5; round++) for (const query of ['vpn', 'sd-10', 'tiskarna']) fresh.push(time(() => selectRows(rows, order, bits, 'allOpen', query))[1]);
  out(`${label}_filter_pasted_p95_ms`, percentile(fresh, 95), 'ms');
}

const open = demo.tickets.filter((t) => t.status !== 'resolved' && t.status !== 'closed');
scenario('service_open', open.filter((t) => t.desk === 'service'));
scenario('help_open', open.filter((t) => t.desk === 'help'));
// The worst case: every ticket of the cache open in one queue.
scenario('all_100k_open', demo.tickets.map((t): Ticket => (t.status === 'resolved' || t.status === 'closed' ? { ...t, status: 'open', sla: { ...t.sla, resolvedAt: null } } : t)));
