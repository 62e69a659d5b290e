/**
 * Where a budget or financing table's year headers are.
 */
import { readAmount } from '../amount';
import type { Grid } from '../grid';
import { isCellError } from '../snapshot';

export interface YearColumn {
  readonly year: number;
  readonly col: number;
  readonly header: string;
}

/** The header found: the row of year headers, the first row after the header area, the year columns. */
export interface HeaderArea {
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly years: YearColumn[];
}

const YEAR_IN_TEXT = /(?:^|[^\d])((?:19|20)\d{2})(?![\d])/;
/** How far below a header row the locator looks for amounts. */
const LOOKAHEAD_ROWS = 200;

/** A header cell naming a year: `Budsjett 2010`, `2011`, `Finansiering 2012`, or the number 2010. */
export function yearOfHeader(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1900 && value <= 2099 ? value : null;
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length > 40) return null;
  const m = YEAR_IN_TEXT.exec(text);
  if (!m) return null;
  const rest = text.replace(m[1], ' ');
  // A sentence with other numbers in it is a note, not a header.
  if (/\d/.test(rest) || rest.trim().split(/\s+/).filter(Boolean).length > 3) return null;
  return Number(m[1]);
}

/**
 * The header row: the first row with year headers under which some amount
 * stands. One column per year (the first, when a year repeats).
 */
export function locateHeader(grid: Grid): HeaderArea | null {
  for (let r = grid.firstRow; r < grid.endRow; r++) {
    const years: YearColumn[] = [];
    const seen = new Set<number>();
    for (let c = grid.firstCol; c < grid.endCol; c++) {
      const year = yearOfHeader(grid.value(r, c));
      if (year === null || seen.has(year)) continue;
      seen.add(year);
      years.push({ year, col: c, header: grid.display(r, c) });
    }
    if (years.length === 0 || years[0].col === grid.firstCol) continue;
    // The first filled cell under a year header must be an amount: a title such as
    // `Revidert mars 2011` above the real header has another header under it.
    const hasAmountBelow = years.some((y) => {
      for (let rr = r + 1; rr < Math.min(grid.endRow, r + 1 + LOOKAHEAD_ROWS); rr++) {
        const v = grid.value(rr, y.col);
        if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
        if (typeof v === 'number' || isCellError(v)) return true;
        if (typeof v === 'string') {
          const k = readAmount(v).kind;
          return k === 'text' || k === 'range';
        }
        return false;
      }
      return false;
    });
    if (hasAmountBelow) return { headerRow: r, firstDataRow: r + 1, years };
  }
  return null;
}
