// The chart component: where a 2D canvas exists it draws with uPlot and keeps the numbers as a visually
// hidden table; where none exists (jsdom, locked-down renderers) the table is shown instead. The canvas
// here is a stand-in that accepts every drawing call, enough for uPlot to build and draw its chart.
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BarChart } from '../../../renderer/supervisor/BarChart';

const props = {
  title: 'Open tickets per agent',
  categoryLabel: 'Agent',
  categories: ['Jana', 'Petr'],
  series: [
    { label: 'Open tickets', values: [3, 9], color: '--sb-accent' },
    { label: 'Capacity', values: [20, 8], color: '--sb-warning', kind: 'points' as const },
  ],
};

/** A 2D context that swallows every call and answers measureText. */
function fakeContext(): CanvasRenderingContext2D {
  const target: Record<string, unknown> = { measureText: () => ({ width: 10 }), canvas: null };
  return new Proxy(target, {
    get: (t, key) => (key in t ? t[key as string] : () => undefined),
    set: (t, key, value) => { t[key as string] = value; return true; },
  }) as unknown as CanvasRenderingContext2D;
}

/** Paths that accept every call (uPlot builds its bars as Path2D). */
class FakePath2D {
  constructor() {
    return new Proxy(this, { get: (t, key) => (key in t ? (t as Record<string | symbol, unknown>)[key] : () => undefined) });
  }
}

describe('the bar chart', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows the numbers as a table where nothing can be drawn', () => {
    render(<BarChart {...props} />);
    const table = screen.getByRole('table', { name: 'Open tickets per agent' });
    expect(table.className).not.toContain('visually-hidden');
    expect([...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent))).toEqual([
      ['Agent', 'Open tickets', 'Capacity'], ['Jana', '3', '20'], ['Petr', '9', '8'],
    ]);
  });

  it('draws with uPlot where a canvas exists, keeping the table for screen readers', async () => {
    vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} }));
    vi.stubGlobal('Path2D', FakePath2D);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => fakeContext() as never);
    const { container, unmount } = render(<BarChart {...props} />);
    await waitFor(() => expect(container.querySelector('.uplot canvas')).not.toBeNull());
    // Let uPlot's first draw (queued after construction) run while the stand-ins are in place.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.querySelector('.sb-sup-chart__canvas')?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByRole('table', { name: 'Open tickets per agent' }).className).toContain('visually-hidden');
    // The legend names both series.
    expect(container.querySelector('.u-legend')?.textContent).toContain('Open tickets');
    expect(container.querySelector('.u-legend')?.textContent).toContain('Capacity');
    unmount();
    expect(container.querySelector('.uplot')).toBeNull();
  });
});
