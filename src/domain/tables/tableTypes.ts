/**
 * What reading a budget or financing table gives: the table (its sheet, header, year columns,
 * rows up to the sum row, the sum row and what stands after it), each row with its label, its
 * register entry and its amounts by year, and each amount cell with its address and reading.
 */
import type { AmountReading, Ore } from '../amount';
import type { YearColumn } from './yearHeader';

/** One amount cell of a table row, read and checked. */
export interface AmountCell {
  /** The sheet the cell is on (a plan kept one sheet per year reads several). */
  readonly sheet: string;
  readonly ref: string;
  readonly row: number;
  readonly col: number;
  /** The amount in øre; 0 when empty or unreadable (then a finding says so). */
  readonly ore: Ore;
  readonly reading: AmountReading['kind'];
}

/**
 * A row's amount cells by year; a year is absent when its cell is empty.
 * The read-only part of a `Map`, without a `Map` per row: a plan may have
 * 100 000 rows, and most hold one amount.
 */
export interface YearAmounts {
  /** The year's cell, made on each call (keep it if you need it twice). */
  get(year: number): AmountCell | undefined;
  /** The year's amount in øre; 0 when the cell is empty. No object is made. */
  ore(year: number): Ore;
  /** Whether the year has a cell. No object is made. */
  has(year: number): boolean;
  /** Years with a cell. */
  readonly size: number;
  /** [year, cell] pairs in column order. */
  entries(): IterableIterator<[number, AmountCell]>;
}

export interface TableRow {
  /** The sheet of the row's label (`labelRef`). */
  readonly sheet: string;
  readonly row: number;
  readonly label: string;
  readonly labelRef: string;
  readonly indent: number;
  readonly amounts: YearAmounts;
  /**
   * The register entry whose name, budget line or alias the label is, when
   * the table was read with a register (`readAmountTable`'s `entries`); else null.
   */
  readonly entry: number | null;
}

/** Finds the register entry a label names (the reconciliation's RegisterIndex). */
export interface EntryLookup {
  entryFor(label: string): number | null;
}

/**
 * A label column with one amount column per year, found by its labels:
 * data rows up to the sum row, the sum row, and what stands after it.
 */
export interface AmountTable {
  /** The sheet's name; the names joined with `, ` for a plan kept one sheet per year (`sheets`). */
  readonly sheet: string;
  /** Every sheet the table was read from, in year order. */
  readonly sheets: readonly string[];
  readonly headerRow: number;
  readonly labelCol: number;
  readonly years: readonly YearColumn[];
  readonly rows: readonly TableRow[];
  readonly sumRow: TableRow | null;
  /** The register the rows' `entry` was looked up in; null when read without one. */
  readonly entries: EntryLookup | null;
  /** Rows after the sum row: memo rows (with amounts) and notes (text only). */
  readonly after: readonly TableRow[];
}
