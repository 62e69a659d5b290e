/**
 * A plain, adapter-neutral picture of what a worksheet holds. The Office.js
 * adapter (add-in) and the ExcelJS adapter (CLI) both produce this; the
 * domain core reads nothing else.
 *
 * The arrays are parallel and rectangular: `values[r][c]` is the cell at
 * sheet row `origin.row + r`, column `origin.col + c` (both 0-based, so
 * origin {row: 0, col: 0} is A1). This mirrors `Range.values`,
 * `Range.formulas` and friends in Office.js, so that adapter can hand over
 * what Excel returns without copying cell by cell.
 */

/** An Excel error value such as `#REF!` or `#DIV/0!`. */
export interface CellError {
  readonly error: string;
}

/** What a cell holds: empty cells are `null`. */
export type CellValue = number | string | boolean | CellError | null;

export interface SheetSnapshot {
  readonly name: string;
  /** 0-based sheet position of `values[0][0]`. */
  readonly origin: { readonly row: number; readonly col: number };
  readonly values: readonly (readonly CellValue[])[];
  /** Formula text (with the leading `=`) where the cell holds a formula, else null. Optional. */
  readonly formulas?: readonly (readonly (string | null)[])[];
  /** Displayed text, as Excel formats it. Optional (costly to compute in some adapters). */
  readonly texts?: readonly (readonly string[])[];
  /** Indent level of each cell (0 when none). Optional. */
  readonly indents?: readonly (readonly number[])[];
  /** Sheet visibility, when the adapter knows it. */
  readonly visibility?: 'visible' | 'hidden' | 'veryHidden';
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}
