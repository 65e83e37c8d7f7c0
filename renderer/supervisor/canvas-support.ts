// Whether charts can be drawn here. jsdom (component tests) and locked-down renderers have no 2D canvas;
// there the chart's numbers are shown as a table instead. matchMedia is checked first: uPlot needs it, and
// jsdom lacks it, which also spares jsdom's "not implemented" noise from getContext.
export function canvasSupported(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return false;
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}
