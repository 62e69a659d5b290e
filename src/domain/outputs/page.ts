/**
 * The printed page every output sheet is laid out for: A4, its margins, and the footer (the
 * workbook's file name, the date, `Side x av y`). The layouts size their columns and place their
 * page breaks against the room this leaves.
 */
import type { MarginsModel, PrintSettings } from '../model';
import { columnPoints } from './measure';
import type { OutputText } from './text';

/** A4 in points. */
const A4 = { short: 595.3, long: 841.9 } as const;

/** Half an inch at the sides, three quarters at top and bottom (with the footer inside). */
export const MARGINS: MarginsModel = { left: 36, right: 36, top: 54, bottom: 54, header: 22, footer: 22 };

export type Orientation = PrintSettings['orientation'];

/** Points across the page between the margins. */
export function printableWidth(orientation: Orientation): number {
  return (orientation === 'portrait' ? A4.short : A4.long) - MARGINS.left - MARGINS.right;
}

/** Points down the page between the margins. */
export function printableHeight(orientation: Orientation): number {
  return (orientation === 'portrait' ? A4.long : A4.short) - MARGINS.top - MARGINS.bottom;
}

/** The print settings of an output sheet: A4, one page wide, its margins and footer. */
export function printSettings(
  text: OutputText,
  orientation: Orientation,
  more: Pick<PrintSettings, 'titleRows' | 'rowBreaks'> = {},
): PrintSettings {
  return {
    paperSize: 'A4',
    orientation,
    fitToWidth: true,
    ...more,
    margins: MARGINS,
    footer: { left: '{file}', center: '{date}', right: text.pageOf },
  };
}

/** A sheet as far as its printed pages go: its rows' heights and its columns' width. */
export interface PrintedRows {
  /** Points of rows `first`..`last`. */
  heightOf(first: number, last?: number): number;
  /** Characters across all its columns. */
  readonly widthChars: number;
}

/**
 * Whether rows `first`..`last` (a table's title, header and first row) would be cut from each other
 * by a page break if printed where they are, one page wide (`fitToWidth`, so a sheet wider than the
 * page prints smaller and more rows fit), with `titleRows` repeated at the top of every page after
 * the first: then a manual break above `first` keeps them together. Pages fill row by row, each
 * row on the page it fits; a block taller than a page is never moved.
 */
export function breakKeepsTogether(
  rows: PrintedRows,
  orientation: Orientation,
  first: number,
  last: number,
  titleRows?: { readonly first: number; readonly last: number },
): boolean {
  const scale = Math.min(1, printableWidth(orientation) / columnPoints(rows.widthChars));
  const room = printableHeight(orientation) / scale;
  const repeated = titleRows ? rows.heightOf(titleRows.first, titleRows.last) : 0;
  const top = (r: number) => (titleRows && r > titleRows.last ? repeated : 0);
  let used = 0;
  for (let r = 0; r < first; r++) {
    const h = rows.heightOf(r);
    // A row that does not fit starts the next page, under the repeated rows.
    used = used > 0 && used + h > room ? top(r) + h : used + h;
  }
  // Cut inside: its first row fits on the page, the whole does not; and on a page of its own it would.
  const block = rows.heightOf(first, last);
  return used + rows.heightOf(first) <= room && used + block > room && top(first) + block <= room;
}
