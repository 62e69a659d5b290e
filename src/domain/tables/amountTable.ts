import { readAmount, wholeKronerOre, type AmountReading, type Ore } from '../amount';
import { finding, type Finding } from '../findings';
import { Grid } from '../grid';
import { normalizeLabel } from '../match';
import type { SheetSnapshot } from '../snapshot';
import type { SheetRole } from './findSheet';
import { locateAmountHeader, locateHeader, type YearColumn } from './yearHeader';

export { yearOfHeader, type YearColumn } from './yearHeader';

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

/** A label has a letter in it; an amount stored as text rarely stands left of the amounts. */
const LETTER = /\p{L}/u;
const SUM_LABEL = /^(sum|summer|totalt?|i alt|sum totalt|totalsum|grand total)( |$)/;

/** The letters a sum label can start with (before normalising). */
const SUM_START = /^\W*[stigSTIG]/;

export function isSumLabel(label: string): boolean {
  // Most labels are not sums: reject them before normalising. (A regular expression literal
  // here would be a new object on every call.)
  if (!SUM_START.test(label)) return false;
  return SUM_LABEL.test(normalizeLabel(label));
}

/**
 * Reads the table of a budget or financing sheet; TABLE_NOT_FOUND when there
 * is none. With `entries`, each row's label is looked up in the register as
 * it is read (no object per row to tie them later).
 */
export function readAmountTable(
  sheet: SheetSnapshot,
  role: SheetRole,
  entries: EntryLookup | null = null,
): { table: AmountTable; findings: Finding[] } | { table: null; findings: Finding[] } {
  const grid = new Grid(sheet);
  let header = locateHeader(grid);
  if (!header) {
    // No year header: a single year's column headed `Beløp` (or the like), its year from the title.
    const amount = locateAmountHeader(grid);
    if (amount?.area) header = amount.area;
    else if (amount) {
      return {
        table: null,
        findings: [
          finding({
            code: 'TABLE_NOT_FOUND',
            cells: [grid.ref(amount.row, amount.col)],
            params: { sheet: sheet.name, role, reason: 'amountWithoutYear', label: amount.header },
          }),
        ],
      };
    }
  }
  if (!header) {
    return {
      table: null,
      findings: [
        finding({
          code: 'TABLE_NOT_FOUND',
          cells: [grid.ref(grid.firstRow, grid.firstCol)],
          params: { sheet: sheet.name, role },
        }),
      ],
    };
  }
  const { headerRow, firstDataRow, years } = header;
  const labelCol = locateLabelColumn(grid, firstDataRow, years[0].col);
  if (labelCol === null) {
    return {
      table: null,
      findings: [
        finding({
          code: 'TABLE_NOT_FOUND',
          cells: [grid.ref(headerRow, years[0].col)],
          params: { sheet: sheet.name, role, reason: 'noLabelColumn' },
        }),
      ],
    };
  }

  const findings: Finding[] = [];
  // Sized once, trimmed after: growing an array of 100 000 rows copies it over and over.
  const rows = new Array<TableRow>(Math.max(grid.endRow - firstDataRow, 0));
  let n = 0;
  const after: TableRow[] = [];
  let sumRow: TableRow | null = null;
  const columns = new AmountColumns(grid, years, labelCol, grid.endRow - firstDataRow, entries !== null);
  for (let r = firstDataRow; r < grid.endRow; r++) {
    const label = grid.display(r, labelCol);
    const slot = columns.rows;
    let size = 0;
    for (let i = 0; i < years.length; i++) {
      const y = years[i];
      const whole = wholeKronerOre(grid.value(r, y.col));
      if (whole !== null) {
        columns.set(slot, i, whole, 'number');
      } else {
        if (grid.isBlank(r, y.col) && grid.formula(r, y.col) === null) continue;
        const read = readAmountCell(grid, r, y.col, y.year, label, findings);
        columns.set(slot, i, read.ore, read.kind);
      }
      size++;
    }
    if (label === '' && size === 0) continue;
    const row: TableRow = columns.addRow(r, entries === null ? null : entries.entryFor(label));
    if (sumRow) after.push(row);
    else if ((label !== '' && isSumLabel(label)) || (label === '' && n > 0)) sumRow = row;
    else rows[n++] = row;
  }
  rows.length = n;
  return {
    table: {
      sheet: sheet.name,
      sheets: [sheet.name],
      headerRow,
      labelCol,
      years,
      rows,
      sumRow,
      after,
      entries,
    },
    findings,
  };
}

/** Reading kinds by code; 0 means no cell. */
const KINDS: readonly AmountReading['kind'][] = [
  'empty',
  'empty',
  'number',
  'text',
  'range',
  'error',
  'invalid',
];
const KIND_CODE: Readonly<Record<AmountReading['kind'], number>> = {
  empty: 1,
  number: 2,
  text: 3,
  range: 4,
  error: 5,
  invalid: 6,
};

/**
 * The amounts of a table, one slot per row and one column per year, in
 * typed arrays: a plan may have 100 000 rows, and an object per amount
 * cell costs more in garbage collection than reading it does.
 */
class AmountColumns {
  /** Rows stored so far. */
  rows = 0;
  readonly yearList: readonly number[];
  private readonly ores: Float64Array;
  private readonly kinds: Uint8Array;
  /** Per row: its sheet row and its register entry (-1: none). The label stays in the grid. */
  private readonly sheetRows: Int32Array;
  private readonly entries: Int32Array | null;

  constructor(
    readonly grid: Grid,
    readonly years: readonly YearColumn[],
    readonly labelCol: number,
    capacity: number,
    withEntries: boolean,
  ) {
    capacity = Math.max(capacity, 0);
    this.yearList = years.map((y) => y.year);
    this.ores = new Float64Array(capacity * years.length);
    this.kinds = new Uint8Array(capacity * years.length);
    this.sheetRows = new Int32Array(capacity);
    this.entries = withEntries ? new Int32Array(capacity) : null;
  }

  set(slot: number, yearIndex: number, ore: Ore, kind: AmountReading['kind']): void {
    const k = slot * this.years.length + yearIndex;
    this.ores[k] = ore;
    this.kinds[k] = KIND_CODE[kind];
  }

  /** Stores the row whose amounts were just `set` in the next slot. */
  addRow(sheetRow: number, entry: number | null): Row {
    const slot = this.rows++;
    this.sheetRows[slot] = sheetRow;
    if (this.entries !== null) this.entries[slot] = entry === null ? -1 : entry;
    return new Row(this, slot);
  }

  entry(slot: number): number | null {
    if (this.entries === null) return null;
    const e = this.entries[slot];
    return e < 0 ? null : e;
  }

  sheetRow(slot: number): number {
    return this.sheetRows[slot];
  }

  /** The label as read (`Grid.display` makes nothing for a text cell). */
  label(slot: number): string {
    return this.grid.display(this.sheetRows[slot], this.labelCol);
  }

  /** How many years have a cell in the row. */
  size(slot: number): number {
    let n = 0;
    for (let k = slot * this.years.length, end = k + this.years.length; k < end; k++)
      if (this.kinds[k] !== 0) n++;
    return n;
  }

  ore(slot: number, year: number): Ore {
    const i = this.yearList.indexOf(year);
    return i < 0 ? 0 : this.ores[slot * this.years.length + i];
  }

  /** Whether the row has a cell in the year (no object is made). */
  has(slot: number, year: number): boolean {
    const i = this.yearList.indexOf(year);
    return i >= 0 && this.kinds[slot * this.years.length + i] !== 0;
  }

  cell(slot: number, year: number): AmountCell | undefined {
    const i = this.yearList.indexOf(year);
    if (i < 0) return undefined;
    const k = slot * this.years.length + i;
    const kind = this.kinds[k];
    return kind === 0
      ? undefined
      : new Cell(this.grid, this.sheetRows[slot], this.years[i].col, this.ores[k], KINDS[kind]);
  }
}

/**
 * Addresses are made only when asked for: a large plan has hundreds of
 * thousands of cells, and only the few in findings need one.
 */
class Cell implements AmountCell {
  constructor(
    private readonly grid: Grid,
    readonly row: number,
    readonly col: number,
    readonly ore: Ore,
    readonly reading: AmountReading['kind'],
  ) {}

  get sheet(): string {
    return this.grid.name;
  }

  get ref(): string {
    return this.grid.ref(this.row, this.col);
  }
}

/**
 * A table row that is also its own `YearAmounts`: two fields, the rest stays
 * in the table's columns (a plan may have 100 000 rows).
 */
class Row implements TableRow, YearAmounts {
  constructor(
    private readonly columns: AmountColumns,
    private readonly slot: number,
  ) {}

  get sheet(): string {
    return this.columns.grid.name;
  }

  get row(): number {
    return this.columns.sheetRow(this.slot);
  }

  get label(): string {
    return this.columns.label(this.slot);
  }

  get entry(): number | null {
    return this.columns.entry(this.slot);
  }

  get size(): number {
    return this.columns.size(this.slot);
  }

  get indent(): number {
    return this.columns.grid.indent(this.row, this.columns.labelCol);
  }

  get labelRef(): string {
    return this.columns.grid.ref(this.row, this.columns.labelCol);
  }

  get amounts(): YearAmounts {
    return this;
  }

  get(year: number): AmountCell | undefined {
    return this.columns.cell(this.slot, year);
  }

  ore(year: number): Ore {
    return this.columns.ore(this.slot, year); // 0 where the row has no cell
  }

  has(year: number): boolean {
    return this.columns.has(this.slot, year);
  }

  *entries(): IterableIterator<[number, AmountCell]> {
    for (const year of this.columns.yearList) {
      const c = this.get(year);
      if (c !== undefined) yield [year, c];
    }
  }
}

function readAmountCell(
  grid: Grid,
  row: number,
  col: number,
  year: number,
  label: string,
  findings: Finding[],
): { readonly ore: Ore; readonly kind: AmountReading['kind'] } {
  const reading = readAmount(grid.value(row, col));
  if (reading.kind === 'number') return reading;
  const ref = grid.ref(row, col);
  // Everything below is rare: build the finding's facts only when needed.
  const params = () => ({ sheet: grid.name, label, text: grid.display(row, col) });
  let ore = 0;
  switch (reading.kind) {
    case 'empty': {
      const formula = grid.formula(row, col);
      if (formula !== null) {
        findings.push(
          finding({
            code: 'AMOUNT_INVALID',
            cells: [ref],
            year,
            params: { ...params(), reason: 'noResult', text: formula },
          }),
        );
      }
      break;
    }
    case 'text':
      findings.push(
        finding({ code: 'AMOUNT_AS_TEXT', cells: [ref], year, actual: reading.ore, params: params() }),
      );
      ore = reading.ore;
      break;
    case 'range':
      findings.push(
        finding({ code: 'AMOUNT_INVALID', cells: [ref], year, params: { ...params(), reason: 'range' } }),
      );
      break;
    case 'error':
      findings.push(
        finding({
          code: 'AMOUNT_INVALID',
          cells: [ref],
          year,
          params: { ...params(), reason: 'error', text: reading.error },
        }),
      );
      break;
    case 'invalid':
      findings.push(
        finding({ code: 'AMOUNT_INVALID', cells: [ref], year, params: { ...params(), reason: 'text' } }),
      );
      break;
  }
  return { ore, kind: reading.kind };
}

/** The column left of the amounts that holds the most text in the data rows (nearest wins ties). */
function locateLabelColumn(grid: Grid, firstDataRow: number, firstAmountCol: number): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (let c = firstAmountCol - 1; c >= grid.firstCol; c--) {
    let count = 0;
    for (let r = firstDataRow; r < grid.endRow; r++) {
      const v = grid.value(r, c);
      if (typeof v === 'string' && LETTER.test(v)) count++;
    }
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}
