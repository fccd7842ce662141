// Runs under vitest. Just enough of PNG, ICNS and ICO to check the committed icon files without an image library:
// their sizes, and (for PNG) their pixels.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

export interface Png {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, row by row. */
  rgba: Uint8Array;
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what rsvg-convert writes); throws on anything else. */
export function readPng(path: string): Png {
  const data = readFileSync(path);
  if (data.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${path} is not a PNG`);
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < data.length; ) {
    const length = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    const body = data.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 6 || body[12] !== 0) throw new Error(`${path}: not 8-bit RGBA without interlace`);
    } else if (type === 'IDAT') idat.push(body);
    at += 12 + length;
  }
  return { width, height, rgba: unfilter(inflateSync(Buffer.concat(idat)), width, height) };
}

/** Undoes PNG's per-row filters (none, sub, up, average, Paeth) for 4 bytes per pixel. */
function unfilter(raw: Buffer, width: number, height: number): Uint8Array {
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= 4 ? out[y * stride + x - 4]! : 0;
      const up = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter!];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The element types of an .icns file (e.g. 'ic09' is 512 px, 'ic10' 1024 px). */
export function icnsTypes(path: string): string[] {
  const data = readFileSync(path);
  if (data.toString('latin1', 0, 4) !== 'icns' || data.readUInt32BE(4) !== data.length) throw new Error(`${path} is not an icns file`);
  const types: string[] = [];
  for (let at = 8; at < data.length; at += data.readUInt32BE(at + 4)) types.push(data.toString('latin1', at, at + 4));
  return types;
}

/** The image sizes in an .ico file (a width byte of 0 means 256). */
export function icoSizes(path: string): number[] {
  const data = readFileSync(path);
  if (data.readUInt16LE(0) !== 0 || data.readUInt16LE(2) !== 1) throw new Error(`${path} is not an ico file`);
  return Array.from({ length: data.readUInt16LE(4) }, (_, i) => data[6 + 16 * i] || 256);
}
