/**
 * A cell's format as Office.js reads and sets it: Excel's defaults for what a cell does not set,
 * a range's format read as one value (null when its cells differ), the alignments the host
 * models, a border side as stored, and column widths between characters and points. Shared by
 * the range's format (rangeFormat.ts) and its cell properties (cellProperties.ts).
 */
import type { CellData, CellFormat, RangeTarget } from '../model/cells';
import { invalidArgument } from '../model/errors';

/** What a border side is set to (`RangeBorder`, `setCellProperties`). */
export interface CellBorder {
  style?: string;
  weight?: string;
  color?: string;
}

export const H_ALIGN: readonly string[] = ['General', 'Left', 'Center', 'Right'];
export const V_ALIGN: readonly string[] = ['Top', 'Center', 'Bottom'];

export function checkAlignment(value: unknown, allowed: readonly string[], where: string): void {
  if (value !== null && value !== undefined && !allowed.includes(value as string)) {
    throw invalidArgument(`alignment '${String(value)}' is not modelled`, where);
  }
}

/** A border side as stored: the weight of a continuous line, or none. */
export function borderWeight(current: string | undefined, b: CellBorder): string | undefined {
  if (b.style === 'None') return undefined;
  if (b.weight !== undefined) return b.weight;
  if (b.style !== undefined) return current ?? 'Thin';
  return current;
}

/** Excel's column width in points for a width in characters (Calibri 11: 7 px a character, 5 px padding). */
export function charactersToPoints(chars: number): number {
  return ((chars * 7 + 5) * 3) / 4;
}

export function pointsToCharacters(points: number): number {
  return Math.round((((points * 4) / 3 - 5) / 7) * 100) / 100;
}

const DEFAULTS = {
  verticalAlignment: 'Bottom',
  indentLevel: 0,
  bold: false,
  italic: false,
  fontSize: 11,
  fontName: 'Calibri',
  fontColor: '#000000',
  fill: '#FFFFFF',
  horizontalAlignment: 'General',
  wrapText: false,
} as const satisfies Partial<Record<keyof CellFormat, unknown>>;

export type StyleKey = keyof typeof DEFAULTS;

/** A cell's format property, or Excel's default when the cell does not set it. */
export function styleOf(cell: CellData | undefined, key: StyleKey): unknown {
  return cell?.[key] ?? DEFAULTS[key];
}

/** A format property of a whole range: its value when every cell agrees, else null (as Office.js). */
export function uniform(t: RangeTarget, key: StyleKey): unknown {
  let first: unknown;
  for (let r = 0; r < t.rect.rows; r++) {
    const row = t.sheet.rows[t.rect.row + r];
    for (let c = 0; c < t.rect.cols; c++) {
      const v = styleOf(row?.[t.rect.col + c], key);
      if (r === 0 && c === 0) first = v;
      else if (v !== first) return null;
    }
  }
  return first;
}
