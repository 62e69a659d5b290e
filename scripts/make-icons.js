#!/usr/bin/env node
/*
 * Draws the Plan Reconciler icon at every size the manifest uses and writes assets/icon-<size>.png.
 *
 *   node scripts/make-icons.js
 *
 * The picture: two columns of bars on a blue tile, budget (left, two blocks) and financing
 * (right, three blocks), both reaching the same amber balance line, with a check mark above it:
 * the two sides agree. Shapes are described in unit coordinates (0..1, y down) and rendered
 * with 8x8 supersampling, so the small sizes stay crisp enough; below 32 px the finer details
 * (block gaps, check mark) are dropped. The PNG encoder is plain Node (zlib + CRC-32): no image
 * packages, no native dependencies.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, '..', 'assets');
const SUPERSAMPLE = 8;

const COLOURS = {
  tile: [15, 108, 189], // Fluent brand blue (#0F6CBD)
  budget: [255, 255, 255],
  financing: [199, 224, 244], // light blue (#C7E0F4)
  balance: [255, 185, 0], // amber (#FFB900)
  check: [255, 255, 255],
};

// ---------------------------------------------------------------------------------------------
// Geometry: each shape answers "is the point (x, y) inside?" in unit coordinates.

function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function rect(x0, y0, x1, y1) {
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

/** A thick line from (ax, ay) to (bx, by) with round caps. */
function stroke(ax, ay, bx, by, width) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const r2 = (width / 2) ** 2;
  return (x, y) => {
    const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2));
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    return px * px + py * py <= r2;
  };
}

function union(...shapes) {
  return (x, y) => shapes.some((inside) => inside(x, y));
}

/** The layers of the icon, back to front, for a given pixel size. */
function layers(size) {
  return size >= 32 ? detailedLayers(size) : smallLayers(size);
}

/** 32 px and up: block gaps and a check mark; edges snapped to whole pixels. */
function detailedLayers(size) {
  const snap = (v) => Math.round(v * size) / size;
  const tile = roundedRect(0.02, 0.02, 0.98, 0.98, 0.16);

  // Columns stand on the base line and reach up to the balance line.
  const base = snap(0.86);
  const balanceTop = snap(0.38);
  const balanceBottom = balanceTop + Math.max(2, Math.round(0.07 * size)) / size;
  const top = balanceBottom + Math.max(1, Math.round(0.03 * size)) / size;
  const gap = Math.max(1, Math.round(0.04 * size)) / size;

  const column = (x0, x1, cuts) => {
    const edges = [top, ...cuts.map(snap), base];
    const blocks = [];
    for (let i = 0; i < edges.length - 1; i += 1) {
      const y0 = i === 0 ? edges[i] : edges[i] + gap / 2;
      const y1 = i === edges.length - 2 ? edges[i + 1] : edges[i + 1] - gap / 2;
      blocks.push(rect(snap(x0), y0, snap(x1), y1));
    }
    return union(...blocks);
  };

  const budget = column(0.16, 0.46, [0.64]);
  const financing = column(0.54, 0.84, [0.57, 0.72]);
  const balance = rect(snap(0.1), balanceTop, snap(0.9), balanceBottom);
  const check = union(stroke(0.36, 0.2, 0.45, 0.29, 0.08), stroke(0.45, 0.29, 0.64, 0.1, 0.08));
  return [
    [tile, COLOURS.tile],
    [budget, COLOURS.budget],
    [financing, COLOURS.financing],
    [balance, COLOURS.balance],
    [check, COLOURS.check],
  ];
}

/** 16 px: drawn on the pixel grid; two solid columns under the line and a tiny check. */
function smallLayers(size) {
  const px = (v) => v / 16; // design grid is 16 px; other small sizes scale it
  return [
    [roundedRect(0, 0, 1, 1, px(2.5)), COLOURS.tile],
    [rect(px(3), px(9), px(7), px(14)), COLOURS.budget],
    [rect(px(9), px(9), px(13), px(14)), COLOURS.financing],
    [rect(px(2), px(6), px(14), px(8)), COLOURS.balance],
    [
      union(
        stroke(px(5.5), px(3), px(7), px(4.5), px(1.5)),
        stroke(px(7), px(4.5), px(10.5), px(1.5), px(1.5)),
      ),
      COLOURS.check,
    ],
  ];
}

// ---------------------------------------------------------------------------------------------
// Rendering: coverage per layer by supersampling, composited "over" in straight RGBA.

function render(size) {
  const shapes = layers(size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const [inside, colour] of shapes) {
        let hits = 0;
        for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
          for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
            const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
            const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
            if (inside(x, y)) hits += 1;
          }
        }
        const cover = hits / (SUPERSAMPLE * SUPERSAMPLE);
        if (cover === 0) continue;
        // premultiplied "over"
        r = colour[0] * cover + r * (1 - cover);
        g = colour[1] * cover + g * (1 - cover);
        b = colour[2] * cover + b * (1 - cover);
        a = cover + a * (1 - cover);
      }
      const i = (py * size + px) * 4;
      rgba[i] = a > 0 ? Math.round(r / a) : 0;
      rgba[i + 1] = a > 0 ? Math.round(g / a) : 0;
      rgba[i + 2] = a > 0 ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

// ---------------------------------------------------------------------------------------------
// PNG encoding (8-bit RGBA, filter type 0 on every row).

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); // width
  header.writeUInt32BE(size, 4); // height
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y += 1) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

main();
