/**
 * `read()`: what the engine needs from the workbook in as few round trips
 * as the payload limit allows, 2 for a plan of ordinary size.
 *
 * Round trip 1 loads every sheet's name and visibility and the workbook's
 * names; the budget, financing and register sheets are then chosen by name,
 * exactly as the engine will choose them. Round trip 2 asks, per chosen
 * sheet, for its used range (`getUsedRange(true)`: values only, so a sheet
 * formatted down to row 1 048 576 does not count; A1 for a blank sheet) and,
 * in the same round trip, for the data of its top-left window (A1 to the used
 * range's end, cut at `WINDOW`): `values`, for the budget and financing sheets
 * `formulas` (a formula without a result is a finding) and `valueTypes`
 * (error values), and the financing sheet's indent levels
 * (`getCellProperties`, ExcelApi 1.9; without it, none: the engine then finds
 * groups by their trailing `:` and the register's sources). A sheet whose
 * used range lies inside its window is then read; a larger one is read in
 * row blocks over more round trips, as many as the payload limit needs
 * (blocks.ts). Nothing is called on an object that may be a null object
 * (docs/EXCEL-BEHAVIOUR.md): the window always holds A1, so it never is.
 * Round trip 2 also reads the two cells where a project cards sheet the
 * add-in wrote says which projects' cards it holds, if it holds only some
 * (domain/outputs/cardSelection.ts): the pane's "one project's card" adds to them.
 */
import { parseSelection, SELECTION_RANGE } from '../../domain/outputs/cardSelection';
import { MARKER_NAMES } from '../../domain/outputs/placement';
import { registerFingerprint } from '../../domain/register/fingerprint';
import { type DefinedNameSnapshot, type SheetSnapshot, type WorkbookSnapshot } from '../../domain/snapshot';
import { sheetsToRead, type SheetToRead } from '../../domain/reconcile/sheetsToRead';
import { cellRef, splitSheetRef } from '../../domain/address';
import { isNotFound, isPayloadTooLarge } from '../errors';
import type {
  ExcelClientResult,
  ExcelCellProperties,
  ExcelContext,
  ExcelNamedItem,
  ExcelRange,
  ExcelWorksheet,
  ExcelWorksheetCollection,
} from '../excelApi';
import type { ReadOptions, SheetInfo, WorkbookRead } from '../gateway';
import {
  estimatedBytesPerRow,
  MEASURED_MARGIN,
  measuredBytesPerRow,
  planRoundTrip,
  type Block,
  type DataProperty,
  type SheetRead,
} from './blocks';
import { sheetInfo, toCellValues, toFormulas, toIndents } from './convert';

export interface ReadConfig extends SheetReadConfig {
  /** ExcelApi 1.7: names are read by `formula`; before, by `value` (the address). */
  readonly nameFormulas: boolean;
}

/** What reading one sheet's data needs (read() and the register write's re-read). */
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

/** The share of the payload limit a round trip is planned to fill (estimates are estimates). */
const BUDGET_SHARE = 0.92;
const DIMENSIONS = 'rowIndex,columnIndex,rowCount,columnCount';
const TABLE_PROPERTIES: readonly DataProperty[] = ['values', 'formulas', 'valueTypes'];
const REGISTER_PROPERTIES: readonly DataProperty[] = ['values'];
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
function windowRows(config: Pick<ReadConfig, 'payloadLimit' | 'maxCellsPerRead'>): number {
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
interface Parts {
  values: unknown[][][];
  formulas: unknown[][][];
  indents: number[][][];
}

interface QueuedBlock {
  readonly block: Block;
  readonly range: ExcelRange;
  readonly indents: ExcelClientResult<ExcelCellProperties[][]> | null;
}

/** The state of the block reading, passed from round trip to round trip. */
interface BlockReading {
  readonly config: SheetReadConfig;
  readonly sheets: readonly SheetRead[];
  readonly worksheets: ReadonlyMap<string, ExcelWorksheet>;
  readonly parts: Map<SheetRead, Parts>;
  readonly trips: { count: number };
  retries: number;
  /** Whether the first block round trip may try everything at once (see readBlocks). */
  optimistic: boolean;
}

/** One sheet's read, queued in a round trip: its used range, and its top-left window with data. */
export interface QueuedSheet {
  readonly wanted: SheetToRead;
  readonly used: ExcelRange;
  /** Null when the window was left out (an answer too large with it): every row in blocks. */
  readonly window: ExcelRange | null;
  readonly properties: readonly DataProperty[];
  readonly indents: ExcelClientResult<ExcelCellProperties[][]> | null;
}

export async function readWorkbook(
  context: ExcelContext,
  options: ReadOptions,
  config: ReadConfig,
  /** Once more from the start when a chosen sheet vanished between round trips 1 and 2 (a co-author). */
  again = true,
): Promise<WorkbookRead> {
  const trips = { count: 0 };
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  // The markers of earlier outputs (`PlanReconciler_*`) are workbook-level names: read with the sheet list.
  const names = context.workbook.names;
  names.load(config.nameFormulas ? 'items/name,items/formula' : 'items/name,items/value');
  trips.count++;
  await context.sync();
  const definedNames = readNames(names.items, config.nameFormulas);
  const sheets: SheetInfo[] = worksheets.items.map(sheetInfo);
  // The sheets the engine will use, found by name as reconcile() finds them.
  const wanted = sheetsToRead(
    sheets.map((s) => s.name),
    options,
  );

  const queued = wanted.map((w) => queueSheetRead(worksheets.getItem(w.name), w, config));
  // Which cards the project cards sheet holds, in the same round trip (cardSelection.ts).
  let selection = queueCardSelection(worksheets, sheets, definedNames);
  trips.count++;
  try {
    await context.sync();
  } catch (e) {
    if (again && isNotFound(e)) {
      const retry = await readWorkbook(context, options, config, false);
      return { ...retry, syncs: retry.syncs + trips.count };
    }
    if (!isPayloadTooLarge(e)) throw e;
    // Windows too large together (wide sheets): the used ranges alone, then blocks.
    const usedOnly = wanted.map((w) => queueSheetRead(worksheets.getItem(w.name), w, config, false));
    selection = queueCardSelection(worksheets, sheets, definedNames);
    trips.count++;
    await context.sync();
    return finish(context, config, trips, sheets, definedNames, usedOnly, selection);
  }
  return finish(context, config, trips, sheets, definedNames, queued, selection);
}

/**
 * Queues the read of the record a project cards sheet keeps when it holds only some projects'
 * cards (two cells), when a marker names a cards sheet that is in the workbook; else null.
 */
function queueCardSelection(
  worksheets: ExcelWorksheetCollection,
  sheets: readonly SheetInfo[],
  names: readonly DefinedNameSnapshot[],
): ExcelRange | null {
  const lower = (s: string) => s.toLowerCase();
  const marker = names.find((n) => lower(n.name) === lower(MARKER_NAMES.cards));
  const sheet = marker && sheets.find((s) => lower(s.name) === lower(marker.sheet));
  if (!sheet) return null;
  const range = worksheets.getItem(sheet.name).getRange(SELECTION_RANGE).untrack();
  range.load('values');
  return range;
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
  const table = wanted.roles.has('budget') || wanted.roles.has('financing');
  const properties = table ? TABLE_PROPERTIES : REGISTER_PROPERTIES;
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

/** The chosen sheets' data, then the snapshot: the other sheets by name only. */
async function finish(
  context: ExcelContext,
  config: ReadConfig,
  trips: { count: number },
  sheets: readonly SheetInfo[],
  definedNames: DefinedNameSnapshot[],
  queued: readonly QueuedSheet[],
  selection: ExcelRange | null,
): Promise<WorkbookRead> {
  const data = await completeSheetReads(context, config, trips, queued);
  const byName = new Map(queued.map((q, i) => [q.wanted.name, data[i]]));
  const snapshot: WorkbookSnapshot = {
    sheets: sheets.map((info) => {
      const read = byName.get(info.name);
      return read ? { ...read, visibility: info.visibility } : placeholder(info);
    }),
    names: definedNames,
  };
  return {
    snapshot,
    sheets,
    syncs: trips.count,
    registerFingerprint: registerFingerprint(snapshot),
    cardSelection: parseSelection(selection?.values?.[0]),
  };
}

/**
 * The names that refer to one range of one sheet (`='Avstemming'!$A$1`),
 * as sheet and reference; constants, formulas and broken references
 * (`=#REF!$A$1`) are left out.
 */
export function readNames(
  items: readonly Pick<ExcelNamedItem, 'name' | 'formula' | 'value'>[],
  byFormula: boolean,
): DefinedNameSnapshot[] {
  const out: DefinedNameSnapshot[] = [];
  for (const item of items) {
    const parsed = parseNameReference(byFormula ? item.formula : item.value);
    if (parsed) out.push({ name: item.name, ...parsed });
  }
  return out;
}

const RANGE = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;

export function parseNameReference(text: unknown): { sheet: string; ref: string } | null {
  if (typeof text !== 'string') return null;
  const split = splitSheetRef(text);
  if (!split || !RANGE.test(split.address) || split.sheet.includes('#REF!')) return null;
  return { sheet: split.sheet, ref: split.address.toUpperCase() };
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
  const table = w.roles.has('budget') || w.roles.has('financing');
  const properties = table ? TABLE_PROPERTIES : REGISTER_PROPERTIES;
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
async function readBlocks(context: ExcelContext, reading: BlockReading): Promise<void> {
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

/**
 * A sheet that was not read (or is blank): its name only, so that findings
 * listing the workbook's sheets (SHEET_MISSING) name them all.
 */
function placeholder(info: SheetInfo): SheetSnapshot {
  return { name: info.name, origin: { row: 0, col: 0 }, values: [], visibility: info.visibility };
}
