/**
 * `read()`: what the engine needs from the workbook in as few round trips
 * as the payload limit allows.
 *
 * Round trip 1 loads every sheet's name and visibility and, walking the tabs
 * (`getFirst`/`getNextOrNullObject`, ExcelApi 1.5), each sheet's used range
 * (`getUsedRangeOrNullObject(true)`: values only, so a sheet formatted down
 * to row 1 048 576 does not count, and a blank sheet is a null object). The
 * budget, financing and register sheets are then chosen by name, exactly as
 * the engine will choose them. Round trip 2 loads their data: `values`, and
 * for the budget and financing sheets `formulas` (a formula without a result
 * is a finding) and `valueTypes` (error values), and the financing sheet's
 * indent levels (`getCellProperties`, ExcelApi 1.9; without it, none: the
 * engine then finds groups by their trailing `:` and the register's
 * sources). Above the payload limit the data comes in row blocks over more
 * round trips (blocks.ts). Without ExcelApi 1.5, or for a sheet beyond the
 * walk, one extra round trip fetches the used ranges.
 */
import { registerFingerprint } from '../../domain/register/fingerprint';
import { findRegisterSheet } from '../../domain/register/readRegister';
import type { DefinedNameSnapshot, SheetSnapshot, WorkbookSnapshot } from '../../domain/snapshot';
import { findSheet, type SheetRole } from '../../domain/tables/findSheet';
import { cellRef } from '../../domain/address';
import { isPayloadTooLarge } from '../errors';
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

export interface ReadConfig {
  /** Bytes a response may have (Excel on the web: 5 MB). */
  readonly payloadLimit: number;
  /** Cells one range read may cover (OFFICEJS.md: 5 000 000). */
  readonly maxCellsPerRead: number;
  /** ExcelApi 1.5: the used ranges come in round trip 1, by walking the tabs. */
  readonly walkSheets: boolean;
  /** How many sheets the walk covers; sheets beyond cost one more round trip. */
  readonly walkLimit: number;
  /** ExcelApi 1.9: the financing sheet's indent levels are read. */
  readonly indents: boolean;
  /** How often a round trip rejected as too large is retried in smaller blocks. */
  readonly payloadRetries: number;
  /** ExcelApi 1.7: names are read by `formula`; before, by `value` (the address). */
  readonly nameFormulas: boolean;
}

/** The share of the payload limit a round trip is planned to fill (estimates are estimates). */
const BUDGET_SHARE = 0.92;
const DIMENSIONS = 'address,rowIndex,columnIndex,rowCount,columnCount';
const TABLE_PROPERTIES: readonly DataProperty[] = ['values', 'formulas', 'valueTypes'];
const REGISTER_PROPERTIES: readonly DataProperty[] = ['values'];

type Visibility = SheetInfo['visibility'];
interface Dimensions {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

interface Wanted {
  readonly name: string;
  readonly roles: ReadonlySet<SheetRole | 'register'>;
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
  readonly config: ReadConfig;
  readonly sheets: readonly SheetRead[];
  readonly worksheets: ReadonlyMap<string, ExcelWorksheet>;
  readonly parts: Map<SheetRead, Parts>;
  readonly trips: { count: number };
  retries: number;
  /** Whether the first data round trip may try everything at once (see readBlocks). */
  optimistic: boolean;
}

export async function readWorkbook(
  context: ExcelContext,
  options: ReadOptions,
  config: ReadConfig,
): Promise<WorkbookRead> {
  const trips = { count: 0 };
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  // The markers of earlier outputs (`PlanReconciler_*`) are workbook-level names: read with the sheet list.
  const names = context.workbook.names;
  names.load(config.nameFormulas ? 'items/name,items/formula' : 'items/name,items/value');
  const walk = config.walkSheets ? walkSheets(worksheets, config.walkLimit) : [];
  trips.count++;
  await context.sync();
  const definedNames = readNames(names.items, config.nameFormulas);

  const sheets: SheetInfo[] = worksheets.items.map(sheetInfo);
  const wanted = chooseSheets(sheets, options);
  const dimensions = new Map<string, Dimensions | null>();
  for (const { sheet, used } of walk) {
    if (!sheet.isNullObject) dimensions.set(sheet.name, used.isNullObject ? null : dimensionsOf(used));
  }
  const missing = wanted.filter((w) => !dimensions.has(w.name));
  if (missing.length > 0) await readDimensions(context, worksheets, missing, dimensions, trips);

  const reads: SheetRead[] = [];
  for (const w of wanted) {
    const d = dimensions.get(w.name);
    if (d) reads.push(sheetRead(w, d, config));
  }
  const reading: BlockReading = {
    config,
    sheets: reads,
    worksheets: new Map(reads.map((r) => [r.name, worksheets.getItem(r.name)])),
    parts: new Map(reads.map((r) => [r, { values: [], formulas: [], indents: [] }])),
    trips,
    retries: 0,
    optimistic: true,
  };
  await readBlocks(context, reading);

  const byName = new Map(reads.map((r) => [r.name, r]));
  const snapshot: WorkbookSnapshot = {
    sheets: sheets.map((info) => {
      const read = byName.get(info.name);
      return read ? sheetSnapshot(read, reading.parts.get(read)!, info.visibility) : placeholder(info);
    }),
    names: definedNames,
  };
  return { snapshot, sheets, syncs: trips.count, registerFingerprint: registerFingerprint(snapshot) };
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

const NAME_REFERENCE =
  /^=?(?:'((?:[^']|'')+)'|([^'!=]+))!(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?)$/;

export function parseNameReference(text: unknown): { sheet: string; ref: string } | null {
  if (typeof text !== 'string') return null;
  const m = NAME_REFERENCE.exec(text.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  if (sheet.includes('#REF!')) return null;
  return { sheet, ref: m[3].toUpperCase() };
}

/** Round trip 1's walk over the tabs: each sheet and its used range (null objects past the last). */
function walkSheets(
  worksheets: ExcelWorksheetCollection,
  limit: number,
): { sheet: ExcelWorksheet; used: ExcelRange }[] {
  const walk: { sheet: ExcelWorksheet; used: ExcelRange }[] = [];
  let sheet = worksheets.getFirst(false);
  for (let i = 0; i < limit; i++) {
    sheet.load('name');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(DIMENSIONS);
    walk.push({ sheet, used });
    sheet = sheet.getNextOrNullObject(false);
  }
  return walk;
}

/** The sheets the engine will use, found by name as reconcile() finds them. */
function chooseSheets(sheets: readonly SheetInfo[], options: ReadOptions): Wanted[] {
  const names: WorkbookSnapshot = {
    sheets: sheets.map((s) => ({ name: s.name, origin: { row: 0, col: 0 }, values: [] })),
  };
  const roles = new Map<string, Set<SheetRole | 'register'>>();
  const want = (name: string | undefined, role: SheetRole | 'register') => {
    if (name === undefined) return;
    if (!roles.has(name)) roles.set(name, new Set());
    roles.get(name)!.add(role);
  };
  for (const [role, explicit] of [
    ['budget', options.budgetSheet],
    ['financing', options.financingSheet],
  ] as const) {
    const found = findSheet(names, role, explicit);
    if ('sheet' in found) want(found.sheet.name, role);
  }
  want(findRegisterSheet(names)?.name, 'register');
  return [...roles].map(([name, r]) => ({ name, roles: r }));
}

function dimensionsOf(used: ExcelRange): Dimensions {
  return {
    rowIndex: used.rowIndex,
    columnIndex: used.columnIndex,
    rowCount: used.rowCount,
    columnCount: used.columnCount,
  };
}

/**
 * The used ranges the walk did not reach (or all of them, without ExcelApi
 * 1.5): one round trip. A sheet a co-author deleted meanwhile reads as blank.
 */
async function readDimensions(
  context: ExcelContext,
  worksheets: ExcelWorksheetCollection,
  missing: readonly Wanted[],
  dimensions: Map<string, Dimensions | null>,
  trips: { count: number },
): Promise<void> {
  const used = missing.map((w) => {
    const range = worksheets.getItemOrNullObject(w.name).getUsedRangeOrNullObject(true);
    range.load(DIMENSIONS);
    return { name: w.name, range };
  });
  trips.count++;
  await context.sync();
  for (const u of used) dimensions.set(u.name, u.range.isNullObject ? null : dimensionsOf(u.range));
}

function sheetRead(w: Wanted, d: Dimensions, config: ReadConfig): SheetRead {
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
  const range = worksheet.getRange(address(row, sheet.columnIndex, rowCount, sheet.columnCount));
  range.load(sheet.properties.join(','));
  const indents =
    sheet.indentColumns > 0
      ? worksheet
          .getRange(address(row, sheet.columnIndex, rowCount, sheet.indentColumns))
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
    // The estimate was too low: plan the same rows again in half-size blocks.
    reading.retries++;
    for (const sheet of new Set(blocks.map((b) => b.sheet))) sheet.bytesPerRow *= 2;
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
function sheetSnapshot(read: SheetRead, parts: Parts, visibility: Visibility): SheetSnapshot {
  const join = <T>(blocks: T[][][]): T[][] => (blocks.length === 1 ? blocks[0] : blocks.flat());
  return {
    name: read.name,
    origin: { row: read.rowIndex, col: read.columnIndex },
    values: join(parts.values) as SheetSnapshot['values'],
    ...(parts.formulas.length > 0 ? { formulas: join(parts.formulas) as SheetSnapshot['formulas'] } : {}),
    ...(parts.indents.length > 0 ? { indents: join(parts.indents) } : {}),
    visibility,
  };
}

/**
 * A sheet that was not read (or is blank): its name only, so that findings
 * listing the workbook's sheets (SHEET_MISSING) name them all.
 */
function placeholder(info: SheetInfo): SheetSnapshot {
  return { name: info.name, origin: { row: 0, col: 0 }, values: [], visibility: info.visibility };
}
