/**
 * Just enough PNG to look at a rendered page: the 8-bit RGB and RGBA images pdftoppm writes,
 * decoded with Node's zlib, and the areas of a page drawn in one colour (a chart's bars).
 */
import * as fs from 'fs';
import { inflateSync } from 'zlib';

export interface Image {
  readonly width: number;
  readonly height: number;
  /** RGB, 3 bytes a pixel, row by row. */
  readonly rgb: Uint8Array;
}

export function readPng(file: string): Image {
  const data = fs.readFileSync(file);
  if (data.readUInt32BE(0) !== 0x89504e47) throw new Error(`${file} is not a PNG`);
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < data.length) {
    const length = data.readUInt32BE(pos);
    const type = data.toString('latin1', pos + 4, pos + 8);
    const body = data.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colorType, , , interlace] = body.subarray(8, 13);
      channels = colorType === 2 ? 3 : colorType === 6 ? 4 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0)
        throw new Error(`${file}: PNG of depth ${depth}, colour type ${colorType}, interlace ${interlace}`);
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 3);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      const x = line[i];
      cur[i] =
        filter === 0
          ? x
          : filter === 1
            ? x + a
            : filter === 2
              ? x + b
              : filter === 3
                ? x + ((a + b) >> 1)
                : x + paeth(a, b, c);
    }
    for (let px = 0; px < width; px++)
      for (let k = 0; k < 3; k++) out[(y * width + px) * 3 + k] = cur[px * channels + k];
    prev = cur;
  }
  return { width, height, rgb: out };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** A connected area of pixels of one colour: its bounding box and size. */
export interface Blob {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly pixels: number;
}

/**
 * The connected areas (4-neighbours) drawn in `hex` (`4472C4`), each channel within `tolerance`,
 * of at least `minPixels`; left to right.
 */
export function blobsOf(image: Image, hex: string, tolerance = 12, minPixels = 6): Blob[] {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const { width, height, rgb } = image;
  const hit = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    hit[i] =
      Math.abs(rgb[3 * i] - r) <= tolerance &&
      Math.abs(rgb[3 * i + 1] - g) <= tolerance &&
      Math.abs(rgb[3 * i + 2] - b) <= tolerance
        ? 1
        : 0;
  }
  const blobs: Blob[] = [];
  const stack: number[] = [];
  for (let start = 0; start < hit.length; start++) {
    if (hit[start] !== 1) continue;
    hit[start] = 2;
    stack.push(start);
    let [left, top, right, bottom, pixels] = [width, height, 0, 0, 0];
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      pixels++;
      for (const n of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width]) {
        if (n >= 0 && n < hit.length && hit[n] === 1) {
          hit[n] = 2;
          stack.push(n);
        }
      }
    }
    if (pixels >= minPixels) blobs.push({ left, top, right, bottom, pixels });
  }
  return blobs.sort((a, b) => a.left - b.left);
}

/**
 * The bars of a column chart in one colour: the areas standing on one baseline (the bottom of the
 * tallest); a legend key, below the axis, is not one. Left to right.
 */
export function barsOf(image: Image, hex: string): Blob[] {
  const blobs = blobsOf(image, hex);
  if (blobs.length === 0) return [];
  const tallest = blobs.reduce((a, b) => (b.bottom - b.top > a.bottom - a.top ? b : a));
  return blobs.filter((b) => Math.abs(b.bottom - tallest.bottom) <= 2);
}
