/**
 * What the review log write writes: the cells of the encoded log (`encodeReviewSheet`, rows from
 * A1) that differ from what the sheet holds now, as a sheet model for sheetOps, and the cells to
 * empty. An append differs in its new rows only (and a header, when the log gains a column); a
 * log laid out otherwise than the encoder lays it (a table moved, an empty row, a column missing)
 * is rewritten where it differs. A new sheet is written whole, with its header bold and its
 * columns wide enough to read, for a person who unhides it (as the CLI writes it).
 *
 * Every cell is written as text under the Text format `@`, set before the value, numbers included
 * (the format version, a sign-off's counts), as docs/REGISTER.md says and the CLI's writer
 * (src/xlsx/writeReview.ts) writes it: a reason `=SUM(A1)`, `+47 123` or `1.2` stays that text.
 * A cell is the same when its text is: the number 1 where the encoder has 1 (a log written by an
 * earlier version of this writer, or typed by a person) is left as it is, since the reader takes
 * either, so a log written by either writer is not rewritten for it.
 */
import type { CellModel, SheetModel } from '../../domain/model';
import { REVIEW_HEADER_ROW, type ReviewCellIn, type ReviewSheetCell } from '../../domain/review';
import type { Rect } from './rects';

/** Column widths in characters: the key and the reason wide, the rest readable, the gap narrow. */
const WIDE: Readonly<Record<string, number>> = { key: 44, reason: 60, totals: 40, values: 40 };
const NARROW = 22;
const GAP = 3;

/** A cell's content as the log's reader takes it (decodeReviewSheet): empty is null. */
function content(v: ReviewCellIn | ReviewSheetCell): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') return v.error;
  return v;
}

function same(a: string | number | null, b: string | number | null): boolean {
  return a === null || b === null ? a === b : String(a) === String(b);
}

/** A cell as written: its text (a number's digits) under `@`; the header bold. */
function cell(row: number, col: number, value: string | number): CellModel {
  return {
    row,
    col,
    value: String(value),
    numberFormat: '@',
    ...(row === REVIEW_HEADER_ROW ? { bold: true } : {}),
  };
}

export interface ReviewChanges {
  /** The cells to write, for sheetOps. */
  readonly model: SheetModel;
  /** Cells to empty (what the encoded log leaves empty and the sheet holds), as rectangles. */
  readonly clear: readonly Rect[];
}

/** Whether there is nothing to write. */
export function unchanged(changes: ReviewChanges): boolean {
  return changes.model.cells.length === 0 && changes.clear.length === 0;
}

/** The cells of `wanted` that differ from `now` (both rows from A1), and those to empty. */
export function changedCells(
  name: string,
  now: readonly (readonly ReviewCellIn[])[],
  wanted: readonly (readonly ReviewSheetCell[])[],
): ReviewChanges {
  const cells: CellModel[] = [];
  const clear: Rect[] = [];
  for (let r = 0; r < Math.max(now.length, wanted.length); r++) {
    const have = now[r] ?? [];
    const want = wanted[r] ?? [];
    // Cells to empty, as runs along the row: [first column, count].
    const runs: [number, number][] = [];
    for (let c = 0; c < Math.max(have.length, want.length); c++) {
      const h = content(have[c]);
      const w = content(want[c]);
      if (w === null && h !== null) {
        const last = runs[runs.length - 1];
        if (last && last[0] + last[1] === c) last[1]++;
        else runs.push([c, 1]);
      } else if (w !== null && !same(w, h)) cells.push(cell(r, c, w));
    }
    for (const [col, cols] of runs) clear.push({ row: r, col, rows: 1, cols });
  }
  return { model: { name, cells }, clear };
}

/** A new log's sheet: every cell of `wanted`, the header bold, the columns readable. */
export function wholeSheet(name: string, wanted: readonly (readonly ReviewSheetCell[])[]): ReviewChanges {
  const cells: CellModel[] = [];
  wanted.forEach((row, r) =>
    row.forEach((v, c) => {
      const w = content(v);
      if (w !== null) cells.push(cell(r, c, w));
    }),
  );
  const header = wanted[REVIEW_HEADER_ROW] ?? [];
  const columnWidths = header.map((h, col) => ({
    col,
    width: h === null ? GAP : (WIDE[String(h)] ?? NARROW),
  }));
  return { model: { name, cells, columnWidths }, clear: [] };
}
