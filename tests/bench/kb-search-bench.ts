// `npx tsx tests/bench/kb-search-bench.ts`: builds the knowledge-base index over 10,000 demo articles
// (BENCH_ARTICLES to change) and replays agents typing searches one keystroke at a time, with the pane's
// default filters and with a few others, each search starting cold. Prints `name value unit` lines;
// the aim is kb_search_p95_ms ≤ 10.
import { cpus, loadavg } from 'node:os';
import { generateDemo } from '../../server/demo/index';
import { DEFAULT_FILTERS, createArticleIndex, type KbFilters } from '../../renderer/kb/search-index';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

// What agents type, in both languages, without and with diacritics, with a typo or two.
const SEARCHES = [
  'tiskarna', 'tiskárna netiskne', 'printer offline', 'vpn', 'vpn odpojuje', 'heslo', 'zapomenute heslo',
  'password reset', 'meter reading', 'samoodecet', 'prihlaseni portal', 'outlook posta', 'wifi', 'mfa telefon',
  'vyuctovani elektriny', 'reklamace', 'sap locked', 'docking station monitor', 'teams audio', 'sitovy disk',
  'authentification', 'prepalatek', 'shift handover', 'výpadek', 'toner',
];

/** Every keystroke of typing the search: "t", "ti", "tis", … "tiskarna". */
function keystrokes(search: string): string[] {
  return Array.from({ length: search.length }, (_, i) => search.slice(0, i + 1));
}

const FILTER_SETS: KbFilters[] = [
  DEFAULT_FILTERS,
  { ...DEFAULT_FILTERS, language: 'cs' },
  { desk: 'help', language: 'en', category: null, state: 'any' },
];

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)] ?? 0;
const line = (name: string, value: number, unit: string) => console.log(`${name} ${Number.isInteger(value) ? value : value.toFixed(2)} ${unit}`);

function main() {
  const { articles } = generateDemo({ articles: ARTICLES, tickets: 10, now: new Date() });

  const buildStart = performance.now();
  const index = createArticleIndex(articles);
  const buildMs = performance.now() - buildStart;

  // Warm up the JIT the way a session would before anyone measures it.
  for (const q of SEARCHES.flatMap(keystrokes)) index.search(q);

  // Each search starts cold: an article changes first (as sync does now and then), which drops what
  // the index remembers between keystrokes. Within a search, each keystroke is one timed query.
  const touched = articles[articles.length - 1]!;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let worst = { ms: 0, query: '' };
  let change = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const filters of FILTER_SETS) {
      for (const search of SEARCHES) {
        change++;
        index.upsert({ ...touched, title: `${touched.title} rev${change}`, version: touched.version + change });
        for (const q of keystrokes(search)) {
          const cpu = process.cpuUsage();
          const t = performance.now();
          index.search(q, filters);
          const ms = performance.now() - t;
          const used = process.cpuUsage(cpu);
          cpuTimes.push((used.user + used.system) / 1000);
          times.push(ms);
          if (ms > worst.ms) worst = { ms, query: q };
        }
      }
    }
  }

  const updates = articles.slice(0, 200);
  const updateStart = performance.now();
  for (const a of updates) index.upsert({ ...a, title: `${a.title} (rev)`, version: a.version + 1 });
  const updateMs = (performance.now() - updateStart) / updates.length;

  // Wall-clock figures: a busy machine inflates them, so say how busy it was.
  console.log(`# ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}`);
  line('kb_articles', index.size, 'articles');
  line('kb_index_build_ms', buildMs, 'ms');
  line('kb_search_keystrokes', times.length, 'queries');
  line('kb_search_p50_ms', percentile(times, 50), 'ms');
  line('kb_search_p95_ms', percentile(times, 95), 'ms');
  line('kb_search_max_ms', worst.ms, 'ms');
  // CPU time the process spent per keystroke: what the figure would be on an idle machine.
  line('kb_search_cpu_p95_ms', percentile(cpuTimes, 95), 'ms');
  console.log(`# slowest keystroke: "${worst.query}"`);
  line('kb_index_update_ms', updateMs, 'ms');
}

main();
