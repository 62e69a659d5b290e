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

/**
 * Excel's `Sheet!A1` read one way for every layer: `'Sheet name'!B9`, `Budsjett!B2:C9`, or a
 * name's formula `=Budsjett!$B$9`, split into the sheet's name (quotes and doubled quotes undone)
 * and what follows the `!` (not checked: each caller knows what it expects there). Null when the
 * text names no sheet, or names it in a way Excel would not write (a quote or `!` in an unquoted
 * name, an unclosed quote).
 */
export function splitSheetRef(text: string): { sheet: string; address: string } | null {
  const t = text.trim().replace(/^=/, '');
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(t);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), address: quoted[2] };
  const bang = t.indexOf('!');
  if (bang <= 0) return null;
  const sheet = t.slice(0, bang);
  return sheet.includes("'") || sheet.includes('=') ? null : { sheet, address: t.slice(bang + 1) };
}
