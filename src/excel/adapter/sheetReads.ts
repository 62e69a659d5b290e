/**
 * One chosen sheet read, as read() reads it (and the register write re-reads the register): its
 * used range (values only, so a sheet formatted down to row 1 048 576 does not count) and, in the
 * same round trip, the data of its top-left window (A1 to the used range's end, cut at the
 * window); after that round trip, the rows the window did not hold in row blocks
 * (blockReads.ts), and the sheet's snapshot. The window always holds A1, so it is never a null
 * object.
 *
 * What is read of each cell depends on the sheet's role: the budget and financing tables'
 * values, formulas and value types; the review log's values and value types (a reason typed as
 * `#N/A` is text there, not an error value: convert.ts); the register's values.
 */
import { cellRef } from '../../domain/address';
import type { SheetToRead } from '../../domain/reconcile/sheetsToRead';
import type { SheetSnapshot } from '../../domain/snapshot';
import type {
  ExcelClientResult,
  ExcelCellProperties,
  ExcelContext,
  ExcelRange,
  ExcelWorksheet,
} from '../excelApi';
import { readBlocks } from './blockReads';
import {
  estimatedBytesPerRow,
  MEASURED_MARGIN,
  measuredBytesPerRow,
  type DataProperty,
  type Parts,
  type SheetRead,
  type SheetReadConfig,
} from './blocks';
import { toCellValues, toFormulas, toIndents } from './convert';

/** What reading one sheet's data needs (read() and the register write's re-read). */
const DIMENSIONS = 'rowIndex,columnIndex,rowCount,columnCount';
const TABLE_PROPERTIES: readonly DataProperty[] = ['values', 'formulas', 'valueTypes'];
const REVIEW_PROPERTIES: readonly DataProperty[] = ['values', 'valueTypes'];
const REGISTER_PROPERTIES: readonly DataProperty[] = ['values'];

/** What a sheet of these roles is read with (see above). */
function propertiesFor(wanted: SheetToRead): readonly DataProperty[] {
  if (wanted.roles.has('budget') || wanted.roles.has('financing')) return TABLE_PROPERTIES;
  return wanted.roles.has('review') ? REVIEW_PROPERTIES : REGISTER_PROPERTIES;
}
/** The top-left window read with the used range in round trip 2: columns A to Z, and up to 1 200 rows. */
const WINDOW_COLUMNS = 26;
const WINDOW_MAX_ROWS = 1_200;
/** What a window cell costs in the answer, with values, formulas and value types, for plans' sheets. */
const WINDOW_CELL_BYTES = 30;

/**
 * The window's rows: an action plan's sheets fit in it (the sample's have 14 rows at most); full
 * windows of the three sheets stay under the payload limit, and each under the cell limit. A
 * window whose answer is too large all the same costs one round trip (then the used ranges alone).
 */
function windowRows(config: Pick<SheetReadConfig, 'payloadLimit' | 'maxCellsPerRead'>): number {
  const byBytes = Math.floor((config.payloadLimit * 0.6) / (3 * WINDOW_COLUMNS * WINDOW_CELL_BYTES));
  const byCells = Math.floor(config.maxCellsPerRead / WINDOW_COLUMNS);
  return Math.max(1, Math.min(WINDOW_MAX_ROWS, byBytes, byCells));
}

interface Dimensions {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** What arrived for one sheet, block by block. */
/** One sheet's read, queued in a round trip: its used range, and its top-left window with data. */
export interface QueuedSheet {
  readonly wanted: SheetToRead;
  readonly used: ExcelRange;
  /** Null when the window was left out (an answer too large with it): every row in blocks. */
  readonly window: ExcelRange | null;
  readonly properties: readonly DataProperty[];
  readonly indents: ExcelClientResult<ExcelCellProperties[][]> | null;
}

/**
 * Queues one sheet's read (round trip 2 of read(); the register write's first round trip): its
 * used range and, `withWindow`, its top-left window with the data. Complete it after the sync
 * with completeSheetReads().
 */
export function queueSheetRead(
  worksheet: ExcelWorksheet,
  wanted: SheetToRead,
  config: SheetReadConfig,
  withWindow = true,
): QueuedSheet {
  const properties = propertiesFor(wanted);
  // Every range untracked: each is used in this round trip only (excelApi.ts).
  const used = worksheet.getUsedRange(true).untrack();
  used.load(DIMENSIONS);
  if (!withWindow) return { wanted, used, window: null, properties, indents: null };
  // A1 to the used range's end, cut at the window: it holds A1, so it is never a null object.
  const address = `A1:${cellRef(windowRows(config) - 1, WINDOW_COLUMNS - 1)}`;
  const window = used
    .getBoundingRect(worksheet.getRange('A1').untrack())
    .untrack()
    .getIntersectionOrNullObject(worksheet.getRange(address).untrack())
    .untrack();
  window.load(`${DIMENSIONS},${properties.join(',')}`);
  const indents =
    config.indents && wanted.roles.has('financing')
      ? window.getCellProperties({ format: { indentLevel: true } })
      : null;
  return { wanted, used, window, properties, indents };
}

/**
 * A blank sheet's used range is A1, and A1 is empty. Without a window, A1's emptiness is not
 * known: the sheet is read (one cell) and comes out as a blank snapshot all the same.
 */
function isBlank(d: Dimensions, q: QueuedSheet): boolean {
  if (d.rowCount !== 1 || d.columnCount !== 1 || d.rowIndex !== 0 || d.columnIndex !== 0) return false;
  if (q.window === null) return false;
  const v = q.window.values?.[0]?.[0];
  return v === '' || v === null || v === undefined;
}

interface WindowData {
  /** Rows of the used range it holds, from its first. */
  rows: number;
  values: unknown[][];
  formulas: unknown[][] | null;
  valueTypes: string[][] | undefined;
  indents: ExcelCellProperties[][] | null;
}

/**
 * The used range's rows the window holds, cut from it: all of them for a sheet inside the window,
 * its first rows for a longer one (its columns inside the window); else null.
 */
function windowData(q: QueuedSheet, d: Dimensions): WindowData | null {
  const w = q.window;
  if (w === null) return null;
  const columnsInside = d.columnIndex + d.columnCount <= w.columnIndex + w.columnCount;
  const rows = Math.min(d.rowCount, w.rowIndex + w.rowCount - d.rowIndex);
  if (!columnsInside || rows < 1 || !Array.isArray(w.values)) return null;
  const r0 = d.rowIndex - w.rowIndex;
  const c0 = d.columnIndex - w.columnIndex;
  const cut = <T>(grid: T[][]): T[][] =>
    grid.slice(r0, r0 + rows).map((row) => row.slice(c0, c0 + d.columnCount));
  const has = (p: DataProperty) => q.properties.includes(p);
  return {
    rows,
    values: cut(w.values),
    formulas: has('formulas') ? cut(w.formulas) : null,
    valueTypes: has('valueTypes') ? cut(w.valueTypes) : undefined,
    indents: q.indents ? cut(q.indents.value) : null,
  };
}

/**
 * After the round trip that queued them: each sheet's data (null for a blank sheet), the rows its
 * window did not hold read in row blocks over as many round trips as the payload limit needs.
 */
export async function completeSheetReads(
  context: ExcelContext,
  config: SheetReadConfig,
  trips: { count: number },
  queued: readonly QueuedSheet[],
): Promise<(Omit<SheetSnapshot, 'visibility'> | null)[]> {
  const reads: (SheetRead | null)[] = [];
  const parts = new Map<SheetRead, Parts>();
  for (const q of queued) {
    const d = dimensionsOf(q.used);
    if (isBlank(d, q)) {
      reads.push(null);
      continue;
    }
    const read = sheetRead(q.wanted, d, config);
    reads.push(read);
    const p: Parts = { values: [], formulas: [], indents: [] };
    parts.set(read, p);
    const data = windowData(q, d);
    if (data) {
      if (data.rows < read.rowCount) {
        // What these rows weighed sets the estimate for the rest.
        const grids = [
          data.values,
          ...(data.formulas ? [data.formulas] : []),
          ...(data.valueTypes ? [data.valueTypes] : []),
        ];
        read.bytesPerRow = measuredBytesPerRow(grids, data.rows, read.indentColumns) * MEASURED_MARGIN;
        read.measured = true;
      }
      p.values.push(toCellValues(data.values, data.valueTypes));
      if (data.formulas) p.formulas.push(toFormulas(data.formulas));
      if (data.indents) p.indents.push(toIndents(data.indents, read.columnCount));
      read.rowsRead = data.rows;
    }
  }
  const rest = [...parts.keys()];
  const worksheets = context.workbook.worksheets;
  await readBlocks(context, {
    config,
    sheets: rest,
    worksheets: new Map(
      rest.filter((r) => r.rowsRead < r.rowCount).map((r) => [r.name, worksheets.getItem(r.name)]),
    ),
    parts,
    trips,
    retries: 0,
    // A sheet measured with the window has a good estimate; only unmeasured ones warrant a try.
    optimistic: rest.some((r) => r.rowsRead < r.rowCount && !r.measured),
  });
  return reads.map((r) => (r ? sheetSnapshot(r, parts.get(r)!) : null));
}

function dimensionsOf(used: ExcelRange): Dimensions {
  return {
    rowIndex: used.rowIndex,
    columnIndex: used.columnIndex,
    rowCount: used.rowCount,
    columnCount: used.columnCount,
  };
}

function sheetRead(w: SheetToRead, d: Dimensions, config: SheetReadConfig): SheetRead {
  const properties = propertiesFor(w);
  // Labels stand left of at least one amount column: the last column never holds one.
  const indentColumns =
    config.indents && w.roles.has('financing') && d.columnCount > 1 ? d.columnCount - 1 : 0;
  return {
    name: w.name,
    ...d,
    properties,
    indentColumns,
    bytesPerRow: estimatedBytesPerRow(d.columnCount, properties, indentColumns),
    measured: false,
    rowsRead: 0,
  };
}

/** Blocks joined (row arrays, not cells, are copied) into the sheet's snapshot. */
function sheetSnapshot(read: SheetRead, parts: Parts): Omit<SheetSnapshot, 'visibility'> {
  const join = <T>(blocks: T[][][]): T[][] => (blocks.length === 1 ? blocks[0] : blocks.flat());
  return {
    name: read.name,
    origin: { row: read.rowIndex, col: read.columnIndex },
    values: join(parts.values) as SheetSnapshot['values'],
    ...(parts.formulas.length > 0 ? { formulas: join(parts.formulas) as SheetSnapshot['formulas'] } : {}),
    ...(parts.indents.length > 0 ? { indents: join(parts.indents) } : {}),
  };
}
