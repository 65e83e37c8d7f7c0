// The committed icons are the current rendering of build/scripts/icon-shapes.ts and are well formed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES } from '../../build/scripts/containers';
import { decodePng } from '../../build/scripts/png';
import { renderIconFiles } from '../../build/scripts/render-icons';

const buildDir = join(process.cwd(), 'build');
const rendered = renderIconFiles();

describe('icons', () => {
  it('every committed icon file matches a fresh render (run build/scripts/render-icons.ts after changing the drawing)', () => {
    for (const [relative, data] of rendered) {
      expect(readFileSync(join(buildDir, relative)).equals(data), relative).toBe(true);
    }
  });

  it('PNGs decode to the named size, with a transparent corner and the blue tile in the middle', () => {
    for (const size of [16, 32, 256, 1024]) {
      const png = decodePng(readFileSync(join(buildDir, 'icons', `${size}x${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
      expect(png.rgba[3]).toBe(0); // top-left corner outside the rounded tile
      const left = (Math.floor(size / 2) * size + Math.floor(size * 0.12)) * 4;
      expect(Array.from(png.rgba.subarray(left, left + 4))).toEqual([37, 84, 199, 255]);
    }
  });

  it('the ICO holds PNGs of 16–256 px with a correct directory', () => {
    const ico = readFileSync(join(buildDir, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + i * 16;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      const png = decodePng(ico.subarray(offset, offset + length));
      sizes.push(png.width);
      expect(ico[entry] === 0 ? 256 : ico[entry]).toBe(png.width);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('the ICNS holds a PNG of the right size for every element type', () => {
    const icns = readFileSync(join(buildDir, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    let offset = 8;
    for (const { type, size } of ICNS_TYPES) {
      expect(icns.toString('ascii', offset, offset + 4)).toBe(type);
      const length = icns.readUInt32BE(offset + 4);
      expect(decodePng(icns.subarray(offset + 8, offset + length)).width).toBe(size);
      offset += length;
    }
    expect(offset).toBe(icns.length);
  });

  it('the SVG draws the same shapes', () => {
    const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(svg.match(/<rect /g)).toHaveLength(4);
  });
});
