/**
 * What the Office.js writer writes with: a write operation (its request bytes, as Microsoft's
 * client serialises it, and what it queues on its round trip's worksheet), a sheet's operations
 * with what this Excel cannot do, the features each Excel has, and the sizes of a band of cells.
 */
import { cellRef } from '../../domain/address';
import type { ExcelRange, ExcelWorksheet } from '../excelApi';
import type { LeftOut } from '../gateway';
import type { Rect } from './rects';

/** What this Excel can do beyond ExcelApi 1.4 (each feature's set in parentheses). */
export interface Features {
  /** `setCellProperties`, `RangeFormat.indentLevel`, page layout, page breaks (1.9). */
  readonly api19: boolean;
  /** `Range.hyperlink`, frozen panes, chart series methods, protection's `allowEditObjects` (1.7). */
  readonly api17: boolean;
  /** Conditional formats, `suspendApiCalculationUntilNextSync` (1.6). */
  readonly api16: boolean;
}

/** Where an operation writes: the sheet being written (under its temporary name), and any other sheet. */
export interface OpTarget {
  readonly sheet: ExcelWorksheet;
  /** A sheet by its name after writing (an output being written resolves to its temporary sheet). */
  readonly sheetFor: (name: string) => ExcelWorksheet;
}

export interface WriteOp {
  /** Request bytes, as Microsoft's client serialises what `queue` does (requestBytes.ts). */
  readonly bytes: number;
  /** Writes formulas: the round trip suspends calculation. */
  readonly formulas?: boolean;
  readonly queue: (target: OpTarget) => void;
}

export interface SheetPlan {
  readonly ops: WriteOp[];
  /** Features of the model this Excel lacks, left out (`chart`, `conditionalFormat`, ...). */
  readonly leftOut: LeftOut[];
  /** Tables are created under temporary names (table names are unique in the workbook); renamed at the swap. */
  readonly tableNames: readonly { readonly temporary: string; readonly name: string }[];
}

export interface BandLimits {
  /** Request bytes a band of cells may take (as cut, from its cells' sizes). */
  readonly bandBytes: number;
  /** Request bytes one operation may take: a band with a larger one is cut in two. */
  readonly opBytes: number;
  /** Cells a band may cover (`setCellProperties` fails on the web around 90 000: office-js #2564). */
  readonly bandCells: number;
}

/** A small operation on the sheet: costed at a flat, generous size (a few of them a sheet). */
export const SMALL_OP = 2_048;

/** `A1` or `A1:C3`. */
export function address(rect: Rect): string {
  const first = cellRef(rect.row, rect.col);
  return rect.rows === 1 && rect.cols === 1
    ? first
    : `${first}:${cellRef(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

/** A range of the sheet being written, untracked (used in its round trip only: see excelApi.ts). */
export const range = (t: OpTarget, r: Rect): ExcelRange => t.sheet.getRange(address(r)).untrack();

/** A rows × cols array of `v`. */
export const filled = <T>(rows: number, cols: number, v: T): T[][] =>
  Array.from({ length: rows }, () => new Array<T>(cols).fill(v));
