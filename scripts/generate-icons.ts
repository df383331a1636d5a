/**
 * Generates every app icon from the one source, `build/icon.svg`: PNGs at each size Linux
 * desktops pick from (`build/icons/NxN.png`), `build/icon.png` (1024 px), a Windows `icon.ico`
 * and a macOS `icon.icns`. Both containers hold PNG images, which every Windows since Vista and
 * macOS since 10.7 read, so the only tool needed is an SVG rasteriser (`rsvg-convert`, librsvg).
 * The outputs are committed: packaging never needs this script, only a changed icon does.
 *
 *   node scripts/generate-icons.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUILD = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const SOURCE = join(BUILD, 'icon.svg');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** ICO holds up to 256 px; the sizes Windows asks for in lists, title bars and the taskbar. */
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS element types that carry PNG data, by pixel size. */
const ICNS_TYPES: [string, number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];

function rasterise(size: number): Buffer {
  try {
    return execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), SOURCE]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new Error(
        'rsvg-convert not found: install librsvg (Debian: librsvg2-bin; macOS: brew install librsvg)',
        { cause: error },
      );
    }
    throw error;
  }
}

/** An ICO file whose images are PNGs: a 6-byte header, 16 bytes per entry, then the images. */
export function icoFile(images: [number, Buffer][]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(([size, png], i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(([, png]) => png)]);
}

/** An ICNS file: `icns` and the total length, then per image its type, length and PNG bytes. */
export function icnsFile(images: [string, Buffer][]): Buffer {
  const parts = images.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, p) => sum + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

function main(): void {
  readFileSync(SOURCE); // a clear ENOENT naming the source before any output is removed
  const png = new Map(SIZES.map((size) => [size, rasterise(size)] as const));
  const at = (size: number): Buffer => png.get(size as (typeof SIZES)[number]) as Buffer;
  rmSync(join(BUILD, 'icons'), { recursive: true, force: true });
  mkdirSync(join(BUILD, 'icons'));
  for (const size of SIZES) writeFileSync(join(BUILD, 'icons', `${size}x${size}.png`), at(size));
  writeFileSync(join(BUILD, 'icon.png'), at(1024));
  writeFileSync(join(BUILD, 'icon.ico'), icoFile(ICO_SIZES.map((s) => [s, at(s)])));
  writeFileSync(join(BUILD, 'icon.icns'), icnsFile(ICNS_TYPES.map(([t, s]) => [t, at(s)])));
  console.log(`icons written to ${BUILD}: ${SIZES.length} PNGs, icon.png, icon.ico, icon.icns`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
