// The panes report their sizes when they first lay out and after every drag of a separator. Only a real
// change of size is a new layout (rendered and saved); the first report of the sizes the layout already
// gives is not.
import { describe, expect, it } from 'vitest';
import { defaultLayout, paneSizes, withSizes } from '../../../renderer/app/layout';
import type { Agent } from '../../../shared/schemas/entities';

const agent: Agent = { id: '00000000-0000-4000-8000-000000000002', name: 'Jana Nováková', email: 'agent@example.com', role: 'agent', desks: ['service', 'help'], groupIds: [], shiftId: null, skills: [], capacity: 12, away: false };

describe('pane sizes', () => {
  it('gives each visible pane an equal share until sizes are stored', () => {
    const layout = defaultLayout(agent);
    expect(paneSizes(layout)).toEqual({ service: 100 / 3, help: 100 / 3, kb: 100 / 3 });
  });

  it('keeps the very same layout when the panes report the sizes it gives (their first layout)', () => {
    const layout = defaultLayout(agent);
    expect(withSizes(layout, { service: 33.333, help: 33.333, kb: 33.334 })).toBe(layout);
    const stored = { ...layout, sizes: { service: 50, help: 30, kb: 20 } };
    expect(withSizes(stored, { service: 50, help: 30, kb: 20 })).toBe(stored);
  });

  it('takes the new sizes after a separator was dragged, keeping the sizes of panes now hidden', () => {
    const layout = { ...defaultLayout(agent), sizes: { service: 40, help: 30, kb: 30, supervisor: 25 } };
    const next = withSizes(layout, { service: 50, help: 20, kb: 30 });
    expect(next).not.toBe(layout);
    expect(next.sizes).toEqual({ service: 50, help: 20, kb: 30, supervisor: 25 });
  });
});
