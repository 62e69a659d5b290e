/**
 * Splitting the data read into round trips. Excel on the web rejects a
 * response over 5 MB, and reads of over 5 000 000 cells may come back null
 * (OFFICEJS.md), so a large sheet is read in row blocks, as many blocks per
 * round trip as fit under the limit: the number of round trips grows with
 * size ÷ limit, never with the number of rows.
 *
 * Sizes are estimated from the used range's dimensions before anything is
 * read, then from what the first blocks actually weighed; a round trip that
 * is still too large is retried in smaller blocks (readWorkbook.ts).
 */

export type DataProperty = 'values' | 'formulas' | 'valueTypes';

/**
 * JSON bytes per cell assumed before anything is measured. A budget sheet
 * of labels and amounts weighs about 12 bytes a cell in `values` (and as
 * much in `formulas`), a register with many empty cells about 6; 16 leaves
 * room for longer labels without costing a round trip on mid-size plans.
 */
export const CELL_BYTES: Readonly<Record<DataProperty, number>> = {
  values: 16,
  formulas: 16,
  valueTypes: 10,
};
/** `{"format":{"indentLevel":0}},`: fixed size. */
export const INDENT_CELL_BYTES = 30;
/** Brackets and commas per row and property. */
const ROW_BYTES = 3;
/** What a block costs beyond its cells: object ids, property names. */
export const BLOCK_BYTES = 256;
/**
 * Cells one `getCellProperties` call may cover. Its sibling
 * `setCellProperties` fails with an internal error on the web around
 * 90 000 cells (office-js #2564); the financing sheet's label columns are
 * read well below that.
 */
export const CELL_PROPERTIES_MAX_CELLS = 50_000;
/** Measured sizes are raised by this much before planning with them. */
export const MEASURED_MARGIN = 1.1;

/** One sheet to read, and how far the reading has come. */
export interface SheetRead {
  readonly name: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly properties: readonly DataProperty[];
  /** Columns (from the left) whose indent levels are read; 0 for none. */
  readonly indentColumns: number;
  /** Estimated response bytes per row. */
  bytesPerRow: number;
  /** Whether `bytesPerRow` comes from a received block rather than from the dimensions alone. */
  measured: boolean;
  /** Rows received so far (blocks arrive in order). */
  rowsRead: number;
}

/** Rows `[startRow, startRow + rowCount)` of a sheet's used range, read in one go. */
export interface Block {
  readonly sheet: SheetRead;
  readonly startRow: number;
  readonly rowCount: number;
}

export function estimatedBytesPerRow(
  columnCount: number,
  properties: readonly DataProperty[],
  indentColumns: number,
): number {
  let bytes = indentColumns > 0 ? indentColumns * INDENT_CELL_BYTES + ROW_BYTES : 0;
  for (const p of properties) bytes += columnCount * CELL_BYTES[p] + ROW_BYTES;
  return bytes;
}

/**
 * The blocks of the next round trip, estimated to weigh at most `budget`
 * bytes, each block at most `maxCells` cells, and always at least one row so
 * that reading advances. While some sheet has not been measured, the budget
 * is shared among the sheets by their estimated size, so that after one
 * round trip every sheet is measured; then sheets are filled in turn.
 */
export function planRoundTrip(sheets: readonly SheetRead[], budget: number, maxCells: number): Block[] {
  const pending = sheets.filter((s) => s.rowsRead < s.rowCount);
  const remaining = (s: SheetRead) => (s.rowCount - s.rowsRead) * s.bytesPerRow + BLOCK_BYTES;
  const total = pending.reduce((sum, s) => sum + remaining(s), 0);
  const shared = total > budget && pending.some((s) => !s.measured);
  const blocks: Block[] = [];
  let used = 0;
  for (const sheet of pending) {
    let start = sheet.rowsRead;
    const maxRows = Math.max(
      1,
      Math.min(
        Math.floor(maxCells / Math.max(1, sheet.columnCount)),
        sheet.indentColumns > 0 ? Math.floor(CELL_PROPERTIES_MAX_CELLS / sheet.indentColumns) : Infinity,
      ),
    );
    const limit = shared ? used + (budget * remaining(sheet)) / total : budget;
    while (start < sheet.rowCount) {
      const fit = Math.floor((limit - used - BLOCK_BYTES) / sheet.bytesPerRow);
      let rows = Math.min(fit, sheet.rowCount - start, maxRows);
      if (rows < 1) {
        if (blocks.length > 0 && !shared) return blocks;
        // A share too small for a row still gets one, so that the sheet is measured.
        if (blocks.length > 0 && start > sheet.rowsRead) break;
        rows = 1;
      }
      blocks.push({ sheet, startRow: start, rowCount: rows });
      used += rows * sheet.bytesPerRow + BLOCK_BYTES;
      start += rows;
    }
  }
  return blocks;
}

/** UTF-8 bytes of a value's JSON, as it crosses the wire. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 ? 1 : c >= 0xd800 && c <= 0xdfff ? 1 : 2;
  }
  return n;
}

/** Rows sampled per block when measuring what a block weighed. */
const SAMPLE_ROWS = 64;

/**
 * Bytes per row of a received block, from a sample of its rows; the
 * arrays are measured as they came, before conversion.
 */
export function measuredBytesPerRow(
  grids: readonly (readonly unknown[])[],
  rowCount: number,
  indentColumns: number,
): number {
  const step = Math.max(1, Math.floor(rowCount / SAMPLE_ROWS));
  let bytes = 0;
  let rows = 0;
  for (let r = 0; r < rowCount; r += step) {
    for (const grid of grids) bytes += jsonBytes(grid[r]) + 1;
    rows++;
  }
  const indents = indentColumns > 0 ? indentColumns * INDENT_CELL_BYTES + ROW_BYTES : 0;
  return rows === 0 ? indents : bytes / rows + indents;
}

/** The limits a sheet's read works under, and what this Excel can do. */
export interface SheetReadConfig {
  /** Bytes a response may have (Excel on the web: 5 MB). */
  readonly payloadLimit: number;
  /** Cells one range read may cover (OFFICEJS.md: 5 000 000). */
  readonly maxCellsPerRead: number;
  /** ExcelApi 1.9: the financing sheet's indent levels are read. */
  readonly indents: boolean;
  /** How often a round trip rejected as too large is retried in smaller blocks. */
  readonly payloadRetries: number;
}

/** What the blocks of one sheet read brought back, per property, block by block. */
export interface Parts {
  values: unknown[][][];
  formulas: unknown[][][];
  indents: number[][][];
}
