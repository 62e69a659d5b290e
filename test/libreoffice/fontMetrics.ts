/**
 * The advance widths of a TrueType font, read from the font file itself (its `cmap` and `hmtx`
 * tables): what a renderer really gives each character, to check the outputs' width table
 * (src/domain/outputs/measure.ts) against. Carlito is the font LibreOffice draws Calibri with
 * (same metrics); the Debian package fonts-crosextra-carlito installs it.
 */
import * as fs from 'fs';

export const CARLITO = {
  regular: '/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf',
  bold: '/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf',
};

export interface FontMetrics {
  /** The advance width of a character in ems; null when the font has no glyph for it. */
  width(ch: string): number | null;
  /** The width of a text in points at `size`. */
  textWidth(text: string, size: number): number;
}

export function readFontMetrics(file: string): FontMetrics {
  if (!fs.existsSync(file))
    throw new Error(`${file} not found: install the Debian package fonts-crosextra-carlito (npm test does).`);
  const b = fs.readFileSync(file);
  const tables = new Map<string, number>();
  for (let i = 0; i < b.readUInt16BE(4); i++) {
    const o = 12 + 16 * i;
    tables.set(b.toString('latin1', o, o + 4), b.readUInt32BE(o + 8));
  }
  const at = (tag: string) => {
    const o = tables.get(tag);
    if (o === undefined) throw new Error(`${file}: no ${tag} table`);
    return o;
  };
  const unitsPerEm = b.readUInt16BE(at('head') + 18);
  const longMetrics = b.readUInt16BE(at('hhea') + 34);
  const advance = (glyph: number) => b.readUInt16BE(at('hmtx') + 4 * Math.min(glyph, longMetrics - 1));
  // The Unicode BMP subtable (platform 3, encoding 1), format 4: segments of code points.
  const cmap = at('cmap');
  let sub = -1;
  for (let i = 0; i < b.readUInt16BE(cmap + 2); i++) {
    const p = cmap + 4 + 8 * i;
    if (b.readUInt16BE(p) === 3 && b.readUInt16BE(p + 2) === 1) sub = cmap + b.readUInt32BE(p + 4);
  }
  if (sub < 0 || b.readUInt16BE(sub) !== 4) throw new Error(`${file}: no Unicode format 4 cmap`);
  const segments = b.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const offsets = deltas + 2 * segments;
  const glyphOf = (code: number): number => {
    for (let i = 0; i < segments; i++) {
      if (code > b.readUInt16BE(ends + 2 * i)) continue;
      const start = b.readUInt16BE(starts + 2 * i);
      if (code < start) return 0;
      const delta = b.readInt16BE(deltas + 2 * i);
      const offset = b.readUInt16BE(offsets + 2 * i);
      if (offset === 0) return (code + delta) & 0xffff;
      const g = b.readUInt16BE(offsets + 2 * i + offset + 2 * (code - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const width = (ch: string) => {
    const g = glyphOf(ch.codePointAt(0)!);
    return g === 0 ? null : advance(g) / unitsPerEm;
  };
  return {
    width,
    textWidth: (text, size) => [...text].reduce((sum, ch) => sum + (width(ch) ?? 0), 0) * size,
  };
}
