/**
 * A budget or financing sheet's table read: the year header (yearHeader.ts), the label column,
 * then every row in one pass, each amount as a whole number of kroner or, rarely, through
 * amountCell.ts, into typed columns (amountColumns.ts); rows up to the sum row, the sum row, and
 * what stands after it. With the register, each row's label is looked up as it is read.
 */
import { wholeKronerOre } from '../amount';
import { finding, type Finding } from '../findings';
import { Grid } from '../grid';
import { normalizeLabel } from '../match';
import type { SheetSnapshot } from '../snapshot';
import { readAmountCell } from './amountCell';
import { AmountColumns } from './amountColumns';
import type { SheetRole } from './findSheet';
import type { AmountTable, EntryLookup, TableRow } from './tableTypes';
import { locateAmountHeader, locateHeader } from './yearHeader';

export { yearOfHeader, type YearColumn } from './yearHeader';
export type { AmountCell, AmountTable, EntryLookup, TableRow, YearAmounts } from './tableTypes';

/** A label has a letter in it; an amount stored as text rarely stands left of the amounts. */
const LETTER = /\p{L}/u;
const SUM_LABEL = /^(sum|summer|totalt?|i alt|sum totalt|totalsum|grand total)( |$)/;

/** The letters a sum label can start with (before normalising). */
const SUM_START = /^\W*[stigSTIG]/;

/** Whether a label ends a table: `Sum`, `Totalt`, `I alt`, `Grand total`. */
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
