/**
 * The review log write's read, before the write and again after it (writeReview.ts): the sheet
 * list and the review sheet (`Avstemmingslogg`) as it is now, a co-author's entries included: its
 * id, protection, and every cell of its used range (values only, so a sheet formatted further
 * down does not count) with their value types (text `#N/A` is text, not an error), in one round
 * trip, whatever the log's size.
 *
 * The sheet is asked for by its name (`getItem`: Excel finds it in any case), or by its id when
 * the caller knows it (the check after a write). When there is none, the round trip fails
 * (`ItemNotFound`) and is made again for the list alone: creating the log costs one round trip
 * more than appending to it. A sheet named otherwise (` avstemmingslogg`, found trimmed as the
 * engine finds it) is read by its id in one more. A log whose answer is too large for one
 * response (megabytes of reasons) is read as read() reads a large sheet: its used range with its
 * top-left window, which measures its rows, then row blocks (sheetReads.ts), in as many round
 * trips as that takes (values and value types, as read() reads the log).
 */
import { findReviewSheet } from '../../domain/reconcile/chooseSheets';
import { REVIEW_SHEET, rowsFromA1, type ReviewCellIn } from '../../domain/review';
import type { SheetReadConfig } from '../adapter/blocks';
import { toCellValues } from '../adapter/convert';
import { completeSheetReads, queueSheetRead, type QueuedSheet } from '../adapter/sheetReads';
import { isNotFound, isOfficeError, isPayloadTooLarge } from '../errors';
import type { ExcelContext, ExcelProtectionOptions, ExcelRange, ExcelWorksheet } from '../excelApi';
import { ExcelFailure } from '../gateway';
import type { SheetState } from './registerNow';

/** The review sheet as round trip 1 found it. */
export interface ReviewSheetNow extends SheetState {
  readonly protected: boolean;
  readonly options: ExcelProtectionOptions;
  /** Its cells as rows from A1 (what decodeReviewSheet reads); `[]` for a blank sheet. */
  readonly rows: ReviewCellIn[][];
}

export interface ReviewNow {
  /** Every worksheet, in tab order. */
  readonly sheets: readonly SheetState[];
  /** Null when the workbook has no review sheet. */
  readonly review: ReviewSheetNow | null;
}

const DIMENSIONS = 'rowIndex,columnIndex,rowCount,columnCount';

/**
 * How much of the sheet a round trip asks for: every cell of its used range; else (that answer
 * was too large) read()'s top-left window, which measures the rows for the blocks that follow;
 * else the used range's size alone, then blocks.
 */
type Level = 'all' | 'window' | 'none';
const NEXT: Readonly<Record<Level, Level | null>> = { all: 'window', window: 'none', none: null };

interface Queued {
  readonly sheet: ExcelWorksheet;
  /** At level `all`: the used range, with its values and their types. */
  readonly used: ExcelRange | null;
  /** At the other levels: the used range and window, queued as read() queues them. */
  readonly read: QueuedSheet | null;
}

/** Loads the sheet's id, protection and cells (as much as `level` says). */
function queueSheet(sheet: ExcelWorksheet, name: string, level: Level, config: SheetReadConfig): Queued {
  sheet.load('id');
  sheet.protection.load('protected,options');
  if (level !== 'all') {
    const wanted = { name, roles: new Set(['review'] as const) };
    return { sheet, used: null, read: queueSheetRead(sheet, wanted, config, level === 'window') };
  }
  const used = sheet.getUsedRange(true).untrack();
  used.load(`${DIMENSIONS},values,valueTypes`);
  return { sheet, used, read: null };
}

/** An answer too large for one response, or a range of more cells than one read may cover. */
function tooLarge(e: unknown): boolean {
  return isPayloadTooLarge(e) || (isOfficeError(e) && e.code === 'RangeExceedsLimit');
}

/** The cells as rows from A1, read with the used range, or in blocks as read() reads them. */
async function rowsOf(
  context: ExcelContext,
  queued: Queued,
  name: string,
  config: SheetReadConfig,
  trips: { count: number },
): Promise<ReviewCellIn[][]> {
  const { used } = queued;
  let read = queued.read;
  if (used !== null) {
    if (used.rowCount * used.columnCount <= config.maxCellsPerRead && Array.isArray(used.values))
      return rowsFromA1(
        { row: used.rowIndex, col: used.columnIndex },
        toCellValues(used.values, used.valueTypes),
      );
    // More cells than one read may cover (values null): in blocks.
    const wanted = { name, roles: new Set(['review'] as const) };
    read = { wanted, used, window: null, properties: ['values', 'valueTypes'], indents: null };
  }
  const [data] = await completeSheetReads(context, config, trips, [read!]);
  return data ? rowsFromA1(data.origin, data.values) : [];
}

export interface ReadNowOptions {
  /** The sheet asked for first, by name or id (default: by the log's name). */
  readonly at?: string;
  /** Once more from the start when the log vanished between two round trips (a co-author). */
  readonly again?: boolean;
  /**
   * The log is known to be too large for one response (just written): read as read() reads a
   * large sheet from the first round trip on, without the round trip refused for asking it whole.
   */
  readonly large?: boolean;
}

/** Reads the sheet list and the review sheet; see above. `trips` counts the round trips. */
export async function readReviewNow(
  context: ExcelContext,
  limits: Omit<SheetReadConfig, 'indents'>,
  trips: { count: number },
  options: ReadNowOptions = {},
): Promise<ReviewNow> {
  const { at = REVIEW_SHEET, again = true, large = false } = options;
  const level: Level = large ? 'window' : 'all';
  const config: SheetReadConfig = { ...limits, indents: false };
  const worksheets = context.workbook.worksheets;
  /** One round trip: the list, and the sheet `at` names (by name or id) when given. */
  const round = async (at: string | null, level: Level): Promise<Queued | null> => {
    worksheets.load('items/name,items/id,items/position,items/visibility');
    const queued = at === null ? null : queueSheet(worksheets.getItem(at), at, level, config);
    trips.count++;
    try {
      await context.sync();
    } catch (e) {
      // No sheet of that name (any more): the list alone; the log, if any, is found in it.
      if (at !== null && isNotFound(e)) return round(null, level);
      const next = NEXT[level];
      if (at !== null && next !== null && tooLarge(e)) return round(at, next);
      throw e;
    }
    return queued;
  };
  let queued = await round(at, level);

  const sheets: SheetState[] = worksheets.items.map((ws) => ({
    name: ws.name,
    id: ws.id,
    position: ws.position,
    visibility: ws.visibility,
  }));
  // The log is the sheet read() takes for it: found by name, trimmed, in any case.
  const name = findReviewSheet(sheets.map((s) => s.name));
  const state = name === null ? undefined : sheets.find((s) => s.name === name);
  if (state === undefined) return { sheets, review: null };
  if (queued === null || queued.sheet.id !== state.id) {
    queued = await round(state.id, level);
    if (queued === null) {
      if (again) return readReviewNow(context, limits, trips, { again: false, large });
      throw new ExcelFailure('notFound', 'The review log vanished while it was read.', undefined, state.name);
    }
  }
  const rows = await rowsOf(context, queued, state.name, config, trips);
  const { protection } = queued.sheet;
  return { sheets, review: { ...state, protected: protection.protected, options: protection.options, rows } };
}
