/** A1-style addresses, as Excel and the findings show them. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `A1` for row 0, col 0. */
export function cellRef(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Sheet names that are not plain words are quoted, with `'` doubled, as Excel does. */
export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*$/.test(sheet) &&
    !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/** `Budsjett!B9`, `'Finansiering 2012'!B4`. */
export function qualifiedRef(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${cellRef(row, col)}`;
}

/**
 * `B9` or `A1:C3` (either corner order) as a rectangle: 0-based first row and column, and size;
 * null for anything else (`A:C`, '').
 */
export function parseRangeRef(ref: string): { row: number; col: number; rows: number; cols: number } | null {
  const parts = ref.split(':');
  if (parts.length > 2) return null;
  const a = parseCellRef(parts[0]);
  const b = parts.length === 2 ? parseCellRef(parts[1]) : a;
  if (!a || !b) return null;
  return {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rows: Math.abs(a.row - b.row) + 1,
    cols: Math.abs(a.col - b.col) + 1,
  };
}

/** Excel's grid: rows 1 to 1 048 576, columns A to XFD. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** The 0-based column of letters such as `B` or `xfd` (either case). */
export function columnNumber(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return col - 1;
}

/** Parses `B9` into 0-based row and column; null when it is not an address. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnNumber(m[1]) };
}
