/**
 * Where a table's amounts are kept: one slot per row and one column per year in typed arrays,
 * and the row and cell objects (`TableRow`, `AmountCell`) as views over them that make an address
 * or a label only when asked. A plan may have 100 000 rows; an object per amount costs more in
 * garbage collection than reading it does.
 */
import type { AmountReading, Ore } from '../amount';
import type { Grid } from '../grid';
import type { AmountCell, TableRow, YearAmounts } from './tableTypes';
import type { YearColumn } from './yearHeader';

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
export class AmountColumns {
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
