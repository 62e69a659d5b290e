/**
 * How the register's CSV holds a cell: RFC 4180 quoting with `;` between fields, and the text
 * mark that keeps Norwegian Excel and LibreOffice from reading text as a number, date or
 * formula. docs/REGISTER.md has the reasons for each choice.
 */
import type { ExtraValue } from '../types';

/** The CSV's field separator; `;` so that Norwegian Excel opens it in columns. */
export const CSV_SEPARATOR = ';';
/**
 * Marks a CSV cell as literal text; stripped on import. A zero-width space:
 * Excel and LibreOffice open a cell that starts with it as text (it is neither
 * a formula sign nor white space, so no number, date or formula is read from
 * it) and show nothing of it. An apostrophe, Excel's prefix when typing, is
 * shown as part of the cell by both when they open a CSV.
 */
export const TEXT_MARK = '\u200B';
/** The mark earlier versions wrote (and what a person typing in a text editor may use): still read. */
const APOSTROPHE_MARK = "'";
/**
 * What Excel's plain "CSV" (Windows-1252, no byte order mark) writes for the
 * mark, which that encoding cannot hold.
 */
export const LOST_MARK = '?';

/**
 * Text that Norwegian Excel or LibreOffice would not keep as text when it
 * opens the file: a formula (`=`, `+`, `-`, `@`, and tab, CR or LF before
 * one), a number, date, time or percentage (`2.1` becomes 2 January),
 * TRUE/FALSE; and text that import would otherwise read as marked (starting
 * with a mark, a byte order mark, or `?` alone or before text that needs the
 * mark).
 */
function needsMark(s: string): boolean {
  if (s === '') return false;
  if (/^[=+\-@'\t\r\n\u200B\uFEFF\uFF1D\uFF0B\uFF0D\uFF20]/.test(s)) return true;
  if (mayBeLostMark(s)) return true;
  const t = s.trim();
  if (t === '') return true;
  if (/^[\d\s.,:/%()\u00A0-]*\d[\d\s.,:/%()\u00A0-]*$/.test(t)) return true;
  if (/^(true|false|sann|usann)$/i.test(t)) return true;
  return decodeCsvValue(s) !== s;
}

/**
 * `?` before text that needs the mark, or alone (an extra column's empty
 * text is a lone mark): what a mark becomes in Excel's plain CSV.
 */
function mayBeLostMark(s: string): boolean {
  return s.startsWith(LOST_MARK) && (s.length === 1 || needsMark(s.slice(1)));
}

/** An unmarked CSV cell of an extra column, typed: empty = null, TRUE/FALSE, a number, else text. */
export function decodeCsvValue(s: string): ExtraValue {
  if (s === '') return null;
  if (s === 'TRUE') return true;
  if (s === 'FALSE') return false;
  if (/^-?\d+(?:,\d+)?(?:[eE][+-]?\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  return s;
}

/** A text cell, marked when Excel would not keep it as text. */
export function textCell(s: string): string {
  return needsMark(s) ? TEXT_MARK + s : s;
}

/** An extra column's value: empty for null, TRUE/FALSE, a number with a decimal comma, or text. */
export function extraCell(v: ExtraValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v).replace('.', ',') : TEXT_MARK + String(v);
  return v === '' || needsMark(v) ? TEXT_MARK + v : v;
}

function csvField(s: string): string {
  return /[;"\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line of the CSV: the cells quoted where they must be, `;` between them. */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvField).join(CSV_SEPARATOR);
}

/**
 * A field without its mark: the zero-width space, or the apostrophe of
 * earlier versions; in a file without a byte order mark (`lostMarks`), also a
 * `?` before text that would need the mark, which is what Excel's plain CSV
 * writes in its place (`needsMark` marks text that really starts so).
 */
export function unmarked(raw: string, lostMarks: boolean): { text: string; marked: boolean } {
  if (raw.startsWith(TEXT_MARK) || raw.startsWith(APOSTROPHE_MARK))
    return { text: raw.slice(1), marked: true };
  // A lone `?` is a lost mark only in an extra column (see registerFromCsv): nowhere else is a lone mark written.
  if (lostMarks && raw.length > 1 && mayBeLostMark(raw)) return { text: raw.slice(1), marked: true };
  return { text: raw, marked: false };
}
