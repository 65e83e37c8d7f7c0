// The Switchboard icon as plain geometry on a 1024-unit canvas: a blue rounded tile with three
// white switch tracks, each with an amber knob at a different position. One definition feeds both
// the SVG (build/icon.svg) and the rasterizer, so every rendered size is the same drawing.

export type Rgba = readonly [number, number, number, number];

export type Shape =
  | { readonly kind: 'roundRect'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly radius: number; readonly color: Rgba }
  | { readonly kind: 'circle'; readonly cx: number; readonly cy: number; readonly r: number; readonly color: Rgba };

export const CANVAS = 1024;

const TILE: Rgba = [37, 84, 199, 255];
const TRACK: Rgba = [255, 255, 255, 255];
const KNOB: Rgba = [255, 176, 32, 255];
const KNOB_RING: Rgba = [255, 255, 255, 255];

const TRACK_ROWS = [312, 512, 712] as const;
const KNOB_X = [378, 646, 470] as const;

export const ICON_SHAPES: readonly Shape[] = [
  { kind: 'roundRect', x: 64, y: 64, width: 896, height: 896, radius: 200, color: TILE },
  ...TRACK_ROWS.map((cy): Shape => ({ kind: 'roundRect', x: 224, y: cy - 40, width: 576, height: 80, radius: 40, color: TRACK })),
  ...TRACK_ROWS.flatMap((cy, row): Shape[] => {
    const cx = KNOB_X[row] ?? 512;
    return [
      { kind: 'circle', cx, cy, r: 84, color: KNOB_RING },
      { kind: 'circle', cx, cy, r: 62, color: KNOB },
    ];
  }),
];

const hex = (color: Rgba) => `#${color.slice(0, 3).map((c) => c.toString(16).padStart(2, '0')).join('')}`;

export function iconSvg(shapes: readonly Shape[] = ICON_SHAPES): string {
  const body = shapes
    .map((shape) =>
      shape.kind === 'circle'
        ? `  <circle cx="${shape.cx}" cy="${shape.cy}" r="${shape.r}" fill="${hex(shape.color)}"/>`
        : `  <rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" rx="${shape.radius}" fill="${hex(shape.color)}"/>`,
    )
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CANVAS}" height="${CANVAS}" viewBox="0 0 ${CANVAS} ${CANVAS}">\n${body}\n</svg>\n`;
}
