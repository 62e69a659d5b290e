/**
 * Ranges as the types' members take them: a Range argument (a Range object of the request, or an
 * address on a sheet), a rectangle checked to lie on the worksheet, and a range's cells one by
 * one. Defines no type: the Range type is looked up in the registry.
 */
import type { RangeTarget, SheetData } from '../model/cells';
import { invalidArgument } from '../model/errors';
import { MAX_COLS, MAX_ROWS, parseRangeAddress, splitSheetAddress, type Rect } from '../model/rangeAddress';
import type { Execution } from '../richApi/execution';
import type { HostObject } from '../richApi/schema';
import { lookupType } from './registry';

/** `rect`, refused (`InvalidArgument`) unless all of it lies on the worksheet. */
export function checkedRect(rect: Rect, where: string): Rect {
  const ok =
    Number.isInteger(rect.row) &&
    Number.isInteger(rect.col) &&
    rect.row >= 0 &&
    rect.col >= 0 &&
    rect.rows >= 1 &&
    rect.cols >= 1 &&
    rect.row + rect.rows <= MAX_ROWS &&
    rect.col + rect.cols <= MAX_COLS;
  if (!ok) throw invalidArgument('the range is outside the worksheet', where);
  return rect;
}

/** A range argument: a Range object of the request. */
export function rangeOf(arg: unknown, where: string): RangeTarget {
  const obj = arg as HostObject | null;
  if (obj === null || typeof obj !== 'object' || obj.type !== lookupType('Range')) {
    throw invalidArgument('a Range is expected', where);
  }
  return obj.target as RangeTarget;
}

/** An A1 address (`B9`, `A:C`, `2:4`), refused (`InvalidArgument`) when it is none. */
export function parseAddress(address: string, where: string): Rect {
  const rect = parseRangeAddress(address);
  if (!rect) throw invalidArgument(`'${address}' is not a range address`, where);
  return rect;
}

/**
 * A range argument of a sheet's method: a Range object, or an address (`A5`, `$1:$3`, `'Other'!B2`)
 * on `sheet` unless it names another.
 */
export function rangeArgument(x: Execution, sheet: SheetData, arg: unknown, where: string): RangeTarget {
  if (typeof arg !== 'string') return rangeOf(arg, where);
  const { sheet: name, address } = splitSheetAddress(arg);
  const target = name === null ? sheet : x.state.sheet(name);
  if (!target) throw invalidArgument(`'${arg}' names no sheet of the workbook`, where);
  return { sheet: target, rect: parseAddress(address, where) };
}

/** Calls `f` with each cell of `rect`, row by row. */
export function forEachCell(rect: Rect, f: (row: number, col: number) => void): void {
  for (let r = rect.row; r < rect.row + rect.rows; r++)
    for (let c = rect.col; c < rect.col + rect.cols; c++) f(r, c);
}
