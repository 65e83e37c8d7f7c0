// The views' membership bits, worked out for all views in one pass per row, must say exactly what each
// view's definition (inView) says, for every row.
import { describe, expect, it } from 'vitest';
import { BUILTIN_VIEWS, inView, membership, selectRows, type ViewContext } from '../../../renderer/queues/views';
import { toQueueRow } from '../../../renderer/queues/queue-row';
import { SlaClocks } from '../../../renderer/queues/sla-schedule';
import { generateDemo } from '../../../server/demo/index';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('view membership', () => {
  it('agrees with each view’s definition for every row, and every view has rows', () => {
    const demo = generateDemo({ now: NOW, tickets: 600, articles: 1 });
    const agent = demo.agents.find((a) => a.email === 'agent@example.com')!;
    const orgs = new Map(demo.organizations.map((o) => [o.id, { id: o.id, name: o.name, timeZone: o.timeZone }]));
    const clocks = new SlaClocks(NOW.getTime());
    const rows = demo.tickets.map((t) => toQueueRow(t, orgs, clocks, NOW.getTime()));
    const ctx: ViewContext = { actorId: agent.id, groupIds: new Set(agent.groupIds), sla: clocks.readerAt(NOW.getTime() + 3_600_000) };
    const bits = membership(rows, ctx);
    const order = Uint32Array.from(rows.keys());
    for (const view of BUILTIN_VIEWS) {
      const expected = rows.filter((row) => inView(view, row, ctx));
      expect(expected.length, view).toBeGreaterThan(0);
      expect(selectRows(rows, order, bits, view, ''), view).toEqual(expected);
    }
  });
});
