/**
 * The rows of the chosen sheets their windows did not hold, read in row blocks: one round trip of
 * blocks planned under the payload limit (blocks.ts), then the next, each planned from what the
 * previous ones weighed; all at once first when half the cautious estimate fits; a round trip
 * rejected as too large planned again in smaller blocks.
 */
import { cellRef } from '../../domain/address';
import { isPayloadTooLarge } from '../errors';
import type {
  ExcelClientResult,
  ExcelCellProperties,
  ExcelContext,
  ExcelRange,
  ExcelWorksheet,
} from '../excelApi';
import {
  MEASURED_MARGIN,
  measuredBytesPerRow,
  planRoundTrip,
  type Block,
  type DataProperty,
  type Parts,
  type SheetRead,
  type SheetReadConfig,
} from './blocks';
import { toCellValues, toFormulas, toIndents } from './convert';

/** The share of the payload limit a round trip is planned to fill (estimates are estimates). */
const BUDGET_SHARE = 0.92;

interface QueuedBlock {
  readonly block: Block;
  readonly range: ExcelRange;
  readonly indents: ExcelClientResult<ExcelCellProperties[][]> | null;
}

/** The state of the block reading, passed from round trip to round trip. */
export interface BlockReading {
  readonly config: SheetReadConfig;
  readonly sheets: readonly SheetRead[];
  readonly worksheets: ReadonlyMap<string, ExcelWorksheet>;
  readonly parts: Map<SheetRead, Parts>;
  readonly trips: { count: number };
  retries: number;
  /** Whether the first block round trip may try everything at once (see readBlocks). */
  optimistic: boolean;
}

function address(row: number, col: number, rows: number, cols: number): string {
  return `${cellRef(row, col)}:${cellRef(row + rows - 1, col + cols - 1)}`;
}

function queueBlock(worksheet: ExcelWorksheet, block: Block): QueuedBlock {
  const { sheet, startRow, rowCount } = block;
  const row = sheet.rowIndex + startRow;
  const range = worksheet.getRange(address(row, sheet.columnIndex, rowCount, sheet.columnCount)).untrack();
  range.load(sheet.properties.join(','));
  const indents =
    sheet.indentColumns > 0
      ? worksheet
          .getRange(address(row, sheet.columnIndex, rowCount, sheet.indentColumns))
          .untrack()
          .getCellProperties({ format: { indentLevel: true } })
      : null;
  return { block, range, indents };
}

/** What plans weigh per cell as a share of the cautious estimate (blocks.ts CELL_BYTES). */
const TYPICAL_SHARE = 0.5;

/**
 * One round trip of blocks, then the next, until every sheet is read.
 * Recursion rather than a loop: each round trip's plan depends on what the
 * previous one weighed, and there are size ÷ limit of them, not one per row.
 */
export async function readBlocks(context: ExcelContext, reading: BlockReading): Promise<void> {
  const pending = reading.sheets.filter((s) => s.rowsRead < s.rowCount);
  if (pending.length === 0) return;
  const { config } = reading;
  // Below the limit the whole read should be one round trip (two in all). The cautious estimate
  // is about twice what plans weigh, so when half of it fits, the first data round trip asks
  // for everything; if Excel rejects it after all, the cautious plan follows (one round trip lost).
  const optimistic =
    reading.optimistic &&
    pending.reduce((sum, s) => sum + (s.rowCount - s.rowsRead) * s.bytesPerRow * TYPICAL_SHARE, 0) <=
      config.payloadLimit;
  reading.optimistic = false;
  const blocks = optimistic
    ? planRoundTrip(reading.sheets, Infinity, config.maxCellsPerRead)
    : planRoundTrip(reading.sheets, config.payloadLimit * BUDGET_SHARE, config.maxCellsPerRead);
  const queued = blocks.map((b) => queueBlock(reading.worksheets.get(b.sheet.name)!, b));
  reading.trips.count++;
  try {
    await context.sync();
  } catch (e) {
    if (optimistic && isPayloadTooLarge(e)) return readBlocks(context, reading);
    const single = blocks.length === 1 && blocks[0].rowCount === 1;
    if (!isPayloadTooLarge(e) || single || reading.retries >= config.payloadRetries) throw e;
    // The estimate was too low: plan the same rows again in blocks a quarter the size.
    reading.retries++;
    for (const sheet of new Set(blocks.map((b) => b.sheet))) sheet.bytesPerRow *= 4;
    return readBlocks(context, reading);
  }
  for (const q of queued) accept(q, reading);
  return readBlocks(context, reading);
}

/** A block's data into its sheet's parts, and what it weighed into the sheet's estimate. */
function accept(q: QueuedBlock, reading: BlockReading): void {
  const { sheet, rowCount } = q.block;
  const has = (p: DataProperty) => sheet.properties.includes(p);
  const values = q.range.values;
  const formulas = has('formulas') ? q.range.formulas : null;
  const valueTypes = has('valueTypes') ? q.range.valueTypes : undefined;
  // What this block weighed sets the estimate for the sheet's remaining rows.
  if (q.block.startRow + rowCount < sheet.rowCount) {
    const grids = [values, ...(formulas ? [formulas] : []), ...(valueTypes ? [valueTypes] : [])];
    sheet.bytesPerRow = measuredBytesPerRow(grids, rowCount, sheet.indentColumns) * MEASURED_MARGIN;
    sheet.measured = true;
  }
  const parts = reading.parts.get(sheet)!;
  parts.values.push(toCellValues(values, valueTypes));
  if (formulas) parts.formulas.push(toFormulas(formulas));
  if (q.indents) parts.indents.push(toIndents(q.indents.value, sheet.columnCount));
  sheet.rowsRead += rowCount;
}
