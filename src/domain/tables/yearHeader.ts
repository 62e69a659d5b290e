/**
 * Where a budget or financing table's year headers are.
 *
 * A year header is a header: it stands above the data, in a header row (or the
 * table's title) and has amounts under it. So
 * - a row that holds an amount is a data row, whatever years it holds too
 *   (`Diverse | 2000 | 150 000`);
 * - a number such as 2000 or 1975 with amounts above it in its column, or in a
 *   labelled row right under a header row with a label heading (`Post | Beløp`
 *   over `Drift | 2000`), is an amount;
 * - a title above the header (`Revidert mars 2011`, `Budsjett 2012` over
 *   `Post | 2012`) is not the header: the first thing under a header is data
 *   (an amount, an error or a dash for nothing), not another header;
 * - rows of words between the header and the data (`kr`, `Beløp | Andel`
 *   under a merged `2013 Plan`) belong to the header;
 * - a column of shares (0.1, 0.25, `12 %`) is not an amount column: the year
 *   goes to the amount column under the same merged header, or is dropped.
 *
 * A single year may also stand apart from its amount column: a column headed
 * `Beløp`, `Kr`, `NOK` or `Amount` takes its year from the label column's
 * header (`Budsjett 2014 | Beløp`), else from the title above the header
 * (`Budsjett 2014` over `Post | Beløp`), else from the sheet's name
 * (`Budsjett 2014`). That is looked for only where no year header is found.
 */
import { readAmount } from '../amount';
import type { Grid } from '../grid';
import { isCellError, type CellValue } from '../snapshot';

export interface YearColumn {
  readonly year: number;
  readonly col: number;
  readonly header: string;
}

/** The header found: the row of year headers, the first row after the header area, the year columns. */
export interface HeaderArea {
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly years: YearColumn[];
}

const YEAR_IN_TEXT = /(?:^|[^\d])((?:19|20)\d{2})(?![\d])/;
const LETTER = /\p{L}/u;
/** A dash standing for "nothing" in an amount column. */
const PLACEHOLDER = /^[-–—−]+$/;
/** How far below a header row the locator looks for amounts. */
const LOOKAHEAD_ROWS = 200;

/** A header cell naming a year: `Budsjett 2010`, `2011`, `Finansiering 2012`, or the number 2010. */
export function yearOfHeader(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1900 && value <= 2099 ? value : null;
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length > 40) return null;
  const m = YEAR_IN_TEXT.exec(text);
  if (!m) return null;
  const rest = text.replace(m[1], ' ');
  // A sentence with other numbers in it is a note, not a header.
  if (/\d/.test(rest) || rest.trim().split(/\s+/).filter(Boolean).length > 3) return null;
  return Number(m[1]);
}

/** A number, or text that reads as an amount (`2 000`, `kr 100.000`, `2-300.000`): something that can be data. */
function isNumberLike(v: CellValue): boolean {
  if (typeof v === 'number') return true;
  if (typeof v !== 'string') return false;
  const k = readAmount(v).kind;
  return k === 'text' || k === 'range';
}

/**
 * A share: a fraction such as 0.25 (how Excel holds 25 %), or text or a shown
 * value with `%`. (1, as in a 100 % sum, is also one krone: it decides nothing.)
 */
function isShare(grid: Grid, row: number, col: number, v: CellValue): boolean {
  if (typeof v === 'number') {
    if (v !== 0 && Math.abs(v) < 1) return true;
  } else if (typeof v === 'string' && v.includes('%')) {
    return true;
  }
  const shown = grid.sheet.texts?.[row - grid.firstRow]?.[col - grid.firstCol];
  return typeof shown === 'string' && shown.trim().endsWith('%');
}

/** A row that holds an amount (a number or amount text that is not a year) is a data row, not a header row. */
function isHeaderRow(grid: Grid, row: number): boolean {
  const values = grid.rowValues(row);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isNumberLike(v) && yearOfHeader(v) === null) return false;
  }
  return true;
}

/** Whether the row has a label (text with a letter) left of `col`. */
function hasTextLeftOf(grid: Grid, row: number, col: number): boolean {
  for (let c = grid.firstCol; c < col; c++) {
    const v = grid.value(row, c);
    if (typeof v === 'string' && LETTER.test(v)) return true;
  }
  return false;
}

/**
 * Whether a year written as a number (2012, or the text `2012`) stands where a
 * header can: no amount (or error) above it in its column, and not in a
 * labelled row right under a labelled header over its column (that row is
 * the table's first data row: `Post | Beløp` over `Drift | 2000`).
 */
function numberInHeaderPlace(grid: Grid, row: number, col: number): boolean {
  for (let r = row - 1; r >= grid.firstRow; r--) {
    if (grid.isBlank(r, col)) continue;
    const above = grid.value(r, col);
    if (isNumberLike(above) || isCellError(above)) return false;
    break;
  }
  return !(
    row > grid.firstRow &&
    !grid.isBlank(row - 1, col) &&
    hasTextLeftOf(grid, row - 1, col) &&
    hasTextLeftOf(grid, row, col)
  );
}

/** A cell that is a year header where it stands (not just a year-like value). */
function isYearHeaderCell(grid: Grid, row: number, col: number): boolean {
  const v = grid.value(row, col);
  if (yearOfHeader(v) === null || !isHeaderRow(grid, row)) return false;
  return !isNumberLike(v) || numberInHeaderPlace(grid, row, col);
}

/**
 * A row of words under the header (`kr | kr`, `Beløp | Andel`): nothing left
 * of the year columns, no amount, no year, only text with a letter or `%`.
 */
function isSubHeaderRow(grid: Grid, row: number, firstYearCol: number): boolean {
  let words = 0;
  for (let c = grid.firstCol; c < grid.endCol; c++) {
    if (grid.isBlank(row, c)) continue;
    const v = grid.value(row, c);
    if (c < firstYearCol || typeof v !== 'string') return false;
    if (isNumberLike(v) || yearOfHeader(v) !== null || !(LETTER.test(v) || v.includes('%'))) return false;
    words++;
  }
  return words > 0;
}

/**
 * What stands under a year header in `col`, from the first data row:
 * - `amounts`: the first filled cell (after dashes) is an amount or an error;
 * - `shares`: as `amounts`, but the column holds shares (0.1, `25 %`) and no
 *   amount of more than a krone: not kroner;
 * - `title`: another year header comes first: the cell above is a title;
 * - `none`: nothing, or a word comes first.
 */
function columnUnder(grid: Grid, firstDataRow: number, col: number): 'amounts' | 'shares' | 'title' | 'none' {
  let found = false;
  let shares = 0;
  let amounts = 0;
  const end = Math.min(grid.endRow, firstDataRow + LOOKAHEAD_ROWS);
  for (let r = firstDataRow; r < end; r++) {
    if (grid.isBlank(r, col)) continue;
    const v = grid.value(r, col);
    const share = isShare(grid, r, col, v);
    if (!found) {
      if (!share && isYearHeaderCell(grid, r, col)) return 'title';
      if (share || isNumberLike(v) || isCellError(v)) found = true;
      else if (typeof v === 'string' && PLACEHOLDER.test(v.trim())) continue;
      else return 'none';
    }
    if (share) shares++;
    else if (typeof v === 'number' ? Math.abs(v) > 1 : isNumberLike(v)) amounts++;
  }
  if (!found) return 'none';
  // One amount of more than a krone makes it an amount column: a share column holds none.
  return shares > 0 && amounts === 0 ? 'shares' : 'amounts';
}

/**
 * The header: the first header row with a year header under which amounts
 * stand. One column per year (the first, when a year repeats).
 */
export function locateHeader(grid: Grid): HeaderArea | null {
  for (let r = grid.firstRow; r < grid.endRow; r++) {
    const found = headerAt(grid, r);
    if (found) return found;
  }
  return null;
}

function headerAt(grid: Grid, row: number): HeaderArea | null {
  const cells: number[] = [];
  const values = grid.rowValues(row);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (yearOfHeader(v) !== null) cells.push(grid.firstCol + i);
    else if (isNumberLike(v)) return null; // an amount: a data row
  }
  // A year in the first column is a title (`Handlingsplan 2012`), with the labels under it.
  if (cells.length === 0 || cells[0] === grid.firstCol) return null;
  const placed = cells.filter((c) => !isNumberLike(grid.value(row, c)) || numberInHeaderPlace(grid, row, c));
  if (placed.length === 0) return null;

  let firstDataRow = row + 1;
  for (let r = row + 1; r < grid.endRow; r++) {
    if (grid.isRowBlank(r)) continue;
    if (!isSubHeaderRow(grid, r, placed[0])) break;
    firstDataRow = r + 1;
  }

  const years: YearColumn[] = [];
  const seen = new Set<number>();
  let hasAmounts = false;
  for (let i = 0; i < placed.length; i++) {
    const headerCol = placed[i];
    const year = yearOfHeader(grid.value(row, headerCol))!;
    if (seen.has(year)) continue;
    let col = headerCol;
    let under = columnUnder(grid, firstDataRow, col);
    if (under === 'shares') {
      // A merged (or centred) header spans the blank header cells right of it; its amounts may be there.
      const spanEnd = i + 1 < placed.length ? placed[i + 1] : grid.endCol;
      for (let c = headerCol + 1; c < spanEnd && grid.isBlank(row, c); c++) {
        if (columnUnder(grid, firstDataRow, c) === 'amounts') {
          col = c;
          under = 'amounts';
          break;
        }
      }
      if (under === 'shares') continue;
    }
    seen.add(year);
    years.push({ year, col, header: grid.display(row, headerCol) });
    if (under === 'amounts') hasAmounts = true;
  }
  return hasAmounts ? { headerRow: row, firstDataRow, years } : null;
}

/** A column header that names an amount but no year: `Beløp`, `Kr`, `NOK`, `Amount` (`Beløp (kr)`, `Beløp i kr`). */
const AMOUNT_HEADER =
  /^(?:beløp|belop|kr\.?|kroner|nok|amount)(?:\s*\((?:kr|nok)\.?\)|\s+i\s+(?:kr|nok)\.?|\s+(?:kr|nok)\.?)?$/;

export function isAmountHeader(value: unknown): boolean {
  return (
    typeof value === 'string' && AMOUNT_HEADER.test(value.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb'))
  );
}

/** Words that say a title is the table's own (`Budsjett 2014`), not a note (`Revidert mars 2011`). */
const TABLE_WORDS = /budsjett|budget|finansiering|financing|funding|handlingsplan/i;
/** How far above the header a title is looked for. */
const TITLE_ROWS = 10;

/** Where the year of an amount column headed without one was found. */
export type YearSource = 'labelHeader' | 'title' | 'sheetName';

/** An amount column headed `Beløp` (or the like): the header area with its year, or where the year is missing. */
export type AmountHeader =
  | { readonly area: HeaderArea; readonly from: YearSource }
  | { readonly area: null; readonly row: number; readonly col: number; readonly header: string };

/**
 * The first amount column headed without a year (`Beløp`, `Kr`, `NOK`,
 * `Amount`) in a header row, right of a label column, with amounts under it;
 * its year from the label column's header, the title above, or the sheet's
 * name (in that order: the nearest to the data first). Null when there is no
 * such column; `area: null` when there is one but no year for it.
 */
export function locateAmountHeader(grid: Grid): AmountHeader | null {
  for (let row = grid.firstRow; row < grid.endRow; row++) {
    if (!isHeaderRow(grid, row)) continue;
    for (let col = grid.firstCol + 1; col < grid.endCol; col++) {
      if (!isAmountHeader(grid.value(row, col))) continue;
      let firstDataRow = row + 1;
      for (let r = row + 1; r < grid.endRow; r++) {
        if (grid.isRowBlank(r)) continue;
        if (!isSubHeaderRow(grid, r, col)) break;
        firstDataRow = r + 1;
      }
      if (columnUnder(grid, firstDataRow, col) !== 'amounts') continue;
      const header = grid.display(row, col);
      const found = yearForAmountColumn(grid, row, col);
      if (found === null) return { area: null, row, col, header };
      return {
        area: { headerRow: row, firstDataRow, years: [{ year: found.year, col, header }] },
        from: found.from,
      };
    }
  }
  return null;
}

function yearForAmountColumn(
  grid: Grid,
  row: number,
  col: number,
): { year: number; from: YearSource } | null {
  // The label column's header, left of the amount column: `Budsjett 2014 | Beløp`.
  for (let c = col - 1; c >= grid.firstCol; c--) {
    const year = yearOfHeader(grid.value(row, c));
    if (year !== null) return { year, from: 'labelHeader' };
  }
  // A title above: the years of the rows above the header that hold no amount. One year, or one
  // among those of titles that name the table (`Budsjett 2014` over a note `Revidert mars 2011`).
  const titles: { year: number; named: boolean }[] = [];
  for (let r = row - 1; r >= Math.max(grid.firstRow, row - TITLE_ROWS); r--) {
    if (!isHeaderRow(grid, r)) break;
    for (let c = grid.firstCol; c < grid.endCol; c++) {
      const v = grid.value(r, c);
      const year = yearOfHeader(v);
      if (year !== null) titles.push({ year, named: typeof v === 'string' && TABLE_WORDS.test(v) });
    }
  }
  const one = (list: readonly { year: number }[]) =>
    list.length > 0 && list.every((t) => t.year === list[0].year) ? list[0].year : null;
  const title = one(titles) ?? one(titles.filter((t) => t.named));
  if (title !== null) return { year: title, from: 'title' };
  if (titles.length > 0) return null; // titles with different years: which one is not for us to guess
  const named = yearOfHeader(grid.name);
  return named === null ? null : { year: named, from: 'sheetName' };
}
