// Renders build/icon.svg, build/icons/<N>x<N>.png, build/icon.png, build/icon.ico, build/icon.icns and
// build/tray.png from icon-shapes.ts. Run: npx tsx build/scripts/render-icons.ts (the outputs are
// committed, so packaging needs no rasterizer). `--check` only verifies the committed files are current.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeIcns, encodeIco } from './containers';
import { ICON_SHAPES, iconSvg } from './icon-shapes';
import { encodePng } from './png';
import { rasterize } from './rasterize';

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
export const TRAY_SIZE = 32;

/** Every generated file, by path relative to build/. */
export function renderIconFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const pngs = new Map<number, Buffer>();
  for (const size of PNG_SIZES) {
    const png = encodePng(size, size, rasterize(ICON_SHAPES, size, size <= 64 ? 8 : 3));
    pngs.set(size, png);
    files.set(`icons/${size}x${size}.png`, png);
  }
  const png = (size: number) => {
    const found = pngs.get(size);
    if (found === undefined) throw new Error(`no ${size}px render`);
    return found;
  };
  files.set('icon.svg', Buffer.from(iconSvg(), 'utf8'));
  files.set('icon.png', png(1024));
  files.set('tray.png', png(TRAY_SIZE));
  files.set('icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
  files.set('icon.icns', encodeIcns(pngs));
  return files;
}

function main(): void {
  const buildDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [relative, data] of renderIconFiles()) {
    const path = join(buildDir, relative);
    if (check) {
      let current: Buffer | null;
      try {
        current = readFileSync(path);
      } catch {
        current = null;
      }
      if (current === null || !current.equals(data)) stale.push(relative);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
      console.log(`wrote build/${relative} (${data.length} bytes)`);
    }
  }
  if (check && stale.length > 0) {
    console.error(`icons out of date: ${stale.join(', ')} (run npx tsx build/scripts/render-icons.ts)`);
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
