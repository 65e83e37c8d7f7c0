// A small bar chart drawn with uPlot, with its numbers as a table beside it: visually hidden for screen
// readers when the chart is drawn, shown instead of it where there is no canvas (jsdom, locked-down
// renderers). uPlot is loaded only where it can draw: importing it needs matchMedia.
import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { canvasSupported } from './canvas-support';

export type ChartSeries = {
  label: string;
  values: readonly number[];
  /** A CSS custom property for the colour, e.g. '--sb-accent'. */
  color: string;
  /** Bars (default) or a marker per category (a limit such as capacity). */
  kind?: 'bars' | 'points';
};

export type BarChartProps = {
  title: string;
  /** The header of the category column of the table (e.g. "Agent", "Hour"). */
  categoryLabel: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  height?: number;
};

export function BarChart(props: BarChartProps) {
  const [drawable] = useState(canvasSupported);
  return (
    <figure className="sb-sup-chart">
      <figcaption className="sb-sup-chart__title">{props.title}</figcaption>
      {drawable ? <UPlotBars {...props} /> : null}
      <table className={drawable ? 'sb-sup-visually-hidden' : 'sb-sup-chart__table'}>
        <caption className="sb-sup-visually-hidden">{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{props.categoryLabel}</th>
            {props.series.map((s) => <th key={s.label} scope="col">{s.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {props.categories.map((category, i) => (
            <tr key={`${category}-${i}`}>
              <th scope="row">{category}</th>
              {props.series.map((s) => <td key={s.label}>{s.values[i] ?? 0}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function cssColor(el: HTMLElement, variable: string): string {
  return getComputedStyle(el).getPropertyValue(variable).trim() || '#1f5fd1';
}

function UPlotBars({ categories, series, height = 180 }: BarChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let chart: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled) return;
      const xs = categories.map((_, i) => i);
      const bars = UPlot.paths.bars?.({ size: [0.6, 48] });
      const opts: uPlot.Options = {
        width: el.clientWidth || 480,
        height,
        legend: { show: true },
        cursor: { show: true, points: { show: false } },
        scales: { x: { time: false, range: [-0.5, Math.max(categories.length - 0.5, 0.5)] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          { splits: () => xs, values: (_u, splits) => splits.map((i) => categories[i] ?? ''), gap: 4, size: 40, stroke: cssColor(el, '--sb-muted') },
          { stroke: cssColor(el, '--sb-muted'), grid: { stroke: cssColor(el, '--sb-border') } },
        ],
        series: [
          { label: '' },
          ...series.map((s): uPlot.Series => {
            const color = cssColor(el, s.color);
            return s.kind === 'points'
              ? { label: s.label, stroke: color, width: 0, points: { show: true, size: 9, stroke: color, fill: color }, paths: () => null }
              : { label: s.label, stroke: color, fill: color, width: 1, points: { show: false }, paths: bars };
          }),
        ],
      };
      chart = new UPlot(opts, [xs, ...series.map((s) => [...s.values])], el);
      if (typeof ResizeObserver === 'function') {
        observer = new ResizeObserver(() => chart?.setSize({ width: el.clientWidth || 480, height }));
        observer.observe(el);
      }
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
    };
  }, [categories, series, height]);
  return <div ref={host} className="sb-sup-chart__canvas" aria-hidden="true" />;
}
