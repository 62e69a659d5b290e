/**
 * A1 range addresses as Office.js takes and returns them: `B9`, `$A$1:C3`,
 * whole columns `A:C`, whole rows `2:4`, and `Sheet!A1` with the sheet
 * quoted when it is not a plain word (`'Finansiering 2012'!B4`).
 */
import {
  cellRef,
  columnLetters,
  columnNumber,
  MAX_COLS,
  MAX_ROWS,
  quoteSheetName,
  splitSheetRef,
} from '../../domain/address';

/** A rectangle of cells, 0-based. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** Excel's grid size (the domain's). */
export { MAX_COLS, MAX_ROWS };

type Part = { row: number | null; col: number | null };

function parsePart(text: string): Part | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(text.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const col = m[1] === undefined ? null : columnNumber(m[1]);
  const row = m[2] === undefined ? null : Number(m[2]) - 1;
  if ((col !== null && col >= MAX_COLS) || (row !== null && (row < 0 || row >= MAX_ROWS))) return null;
  return { row, col };
}

/** Parses an address without a sheet name; null when it is not one. */
export function parseRangeAddress(address: string): Rect | null {
  const [a, b, extra] = address.split(':');
  if (extra !== undefined) return null;
  const p = parsePart(a);
  const q = b === undefined ? p : parsePart(b);
  if (!p || !q) return null;
  // A single part must be a cell; two parts must be of the same kind (A1:B2, A:C or 1:3).
  if (b === undefined && (p.row === null || p.col === null)) return null;
  if ((p.row === null) !== (q.row === null) || (p.col === null) !== (q.col === null)) return null;
  const r0 = p.row === null ? 0 : Math.min(p.row, q.row!);
  const r1 = p.row === null ? MAX_ROWS - 1 : Math.max(p.row, q.row!);
  const c0 = p.col === null ? 0 : Math.min(p.col, q.col!);
  const c1 = p.col === null ? MAX_COLS - 1 : Math.max(p.col, q.col!);
  return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/** `A1`, `A1:C3`, `A:C` (whole columns) or `2:4` (whole rows), as Excel writes them. */
export function rectToA1(rect: Rect): string {
  if (rect.row === 0 && rect.rows === MAX_ROWS) {
    return `${columnLetters(rect.col)}:${columnLetters(rect.col + rect.cols - 1)}`;
  }
  if (rect.col === 0 && rect.cols === MAX_COLS) return `${rect.row + 1}:${rect.row + rect.rows}`;
  const first = cellRef(rect.row, rect.col);
  return rect.rows === 1 && rect.cols === 1
    ? first
    : `${first}:${cellRef(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

/** `Budsjett!B2:C9`, as `Range.address` reads. */
export function qualifiedAddress(sheet: string, rect: Rect): string {
  return `${quoteSheetName(sheet)}!${rectToA1(rect)}`;
}

/**
 * Splits `'Sheet name'!B9` or `Sheet!B9` into sheet and address (domain/address.ts's one reading of
 * `Sheet!A1`); sheet is null when there is none.
 */
export function splitSheetAddress(ref: string): { sheet: string | null; address: string } {
  return splitSheetRef(ref) ?? { sheet: null, address: ref };
}

/** Whether two rectangles share a cell. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function cellCount(rect: Rect): number {
  return rect.rows * rect.cols;
}
