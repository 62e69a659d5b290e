import { cellRef, quoteSheetName } from './address';
import { isCellError, type CellValue, type SheetSnapshot } from './snapshot';

/**
 * Read access to a sheet snapshot in sheet coordinates (0-based rows and
 * columns, wherever the snapshot's origin is).
 */
export class Grid {
  readonly name: string;
  readonly firstRow: number;
  readonly firstCol: number;
  /** One past the last row / column. */
  readonly endRow: number;
  readonly endCol: number;
  /** `Budsjett!` or `'Finansiering 2012'!`, made once. */
  private readonly refPrefix: string;

  constructor(readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.firstRow = sheet.origin.row;
    this.firstCol = sheet.origin.col;
    this.endRow = this.firstRow + sheet.values.length;
    let width = 0;
    // Indexed, not for-of: this loop runs once per grid, too few times to be optimised, and an
    // unoptimised for-of makes an iterator result per row.
    for (let r = 0; r < sheet.values.length; r++) width = Math.max(width, sheet.values[r].length);
    this.endCol = this.firstCol + width;
    this.refPrefix = `${quoteSheetName(this.name)}!`;
  }

  value(row: number, col: number): CellValue {
    const r = this.sheet.values[row - this.firstRow];
    if (!r) return null;
    const v = r[col - this.firstCol];
    return v === undefined ? null : v;
  }

  /** The row's values from firstCol on (empty for rows outside the snapshot). */
  rowValues(row: number): readonly CellValue[] {
    return this.sheet.values[row - this.firstRow] ?? [];
  }

  formula(row: number, col: number): string | null {
    return this.sheet.formulas?.[row - this.firstRow]?.[col - this.firstCol] ?? null;
  }

  indent(row: number, col: number): number {
    return this.sheet.indents?.[row - this.firstRow]?.[col - this.firstCol] ?? 0;
  }

  /** Trimmed text of a text cell; '' for anything else. */
  text(row: number, col: number): string {
    const v = this.value(row, col);
    return typeof v === 'string' ? v.trim() : '';
  }

  /** What the cell shows, roughly, for messages and labels. */
  display(row: number, col: number): string {
    const v = this.value(row, col);
    if (v === null) return '';
    if (isCellError(v)) return v.error;
    return String(v).trim();
  }

  isBlank(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === 'string' && v.trim() === '');
  }

  isRowBlank(row: number, fromCol = this.firstCol, toCol = this.endCol): boolean {
    for (let c = fromCol; c < toCol; c++) if (!this.isBlank(row, c)) return false;
    return true;
  }

  ref(row: number, col: number): string {
    return this.refPrefix + cellRef(row, col);
  }
}
