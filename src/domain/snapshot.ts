/**
 * A plain, adapter-neutral picture of what a worksheet holds. The Office.js
 * adapter (add-in) and the .xlsx adapter (CLI) both produce this; the
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

/** A workbook-level defined name that refers to one cell or range of one sheet. */
export interface DefinedNameSnapshot {
  readonly name: string;
  /** The sheet's name, unquoted. */
  readonly sheet: string;
  /** `$A$1` or `$A$1:$B$2`. */
  readonly ref: string;
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  /** Workbook-level names, when the adapter reads them (the outputs' markers live there). */
  readonly names?: readonly DefinedNameSnapshot[];
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** Sheets by name only, no cells: for finding sheets by name (findSheet, findRegisterSheet). */
export function sheetsNamed(names: readonly string[]): SheetSnapshot[] {
  return names.map((name) => ({ name, origin: { row: 0, col: 0 }, values: [] }));
}
