// A tiny rasterizer for the icon's geometry: each pixel is supersampled on a grid and the shapes are
// composited in order ("over"), giving anti-aliased straight-alpha RGBA.
import { CANVAS } from './icon-shapes';
import type { Shape } from './icon-shapes';

function inside(shape: Shape, x: number, y: number): boolean {
  if (shape.kind === 'circle') {
    const dx = x - shape.cx;
    const dy = y - shape.cy;
    return dx * dx + dy * dy <= shape.r * shape.r;
  }
  const r = Math.min(shape.radius, shape.width / 2, shape.height / 2);
  // Distance to the rectangle shrunk by r, then compared with r: a rounded rectangle.
  const qx = Math.max(shape.x + r - x, 0, x - (shape.x + shape.width - r));
  const qy = Math.max(shape.y + r - y, 0, y - (shape.y + shape.height - r));
  return qx * qx + qy * qy <= r * r;
}

/** Renders `shapes` (on the 1024-unit canvas) to a size×size RGBA buffer. */
export function rasterize(shapes: readonly Shape[], size: number, samples = 4): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const scale = CANVAS / size;
  const weight = 1 / (samples * samples);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied accumulation over all samples.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const shape of shapes) {
            if (!inside(shape, x, y)) continue;
            const sa = shape.color[3] / 255;
            cr = shape.color[0] * sa + cr * (1 - sa);
            cg = shape.color[1] * sa + cg * (1 - sa);
            cb = shape.color[2] * sa + cb * (1 - sa);
            ca = sa + ca * (1 - sa);
          }
          r += cr * weight;
          g += cg * weight;
          b += cb * weight;
          a += ca * weight;
        }
      }
      const i = (py * size + px) * 4;
      out[i] = a > 0 ? Math.round(r / a) : 0;
      out[i + 1] = a > 0 ? Math.round(g / a) : 0;
      out[i + 2] = a > 0 ? Math.round(b / a) : 0;
      out[i + 3] = Math.round(a * 255);
    }
  }
  return out;
}
