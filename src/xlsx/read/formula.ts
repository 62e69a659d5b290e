/**
 * Formula text as stored in SpreadsheetML, turned into what Excel shows in
 * the formula bar (and Office.js's `Range.formulas` returns): `=` first, the
 * `_xlfn.` prefixes of newer functions taken out, and a shared formula's
 * relative references moved to the cell that shares it.
 */
import { columnLetters, columnNumber, MAX_COLS, MAX_ROWS } from '../../domain/address';

/** Splits on string literals (`"…"`, `""` an escaped quote) and sheet names in quotes (`'…'`). */
const LITERALS = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;

function mapCode(formula: string, f: (code: string) => string): string {
  return formula
    .split(LITERALS)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join('');
}

/** Excel stores newer functions as `_xlfn.XLOOKUP(...)`; Excel shows `XLOOKUP(...)`. */
export function stripFuturePrefixes(formula: string): string {
  if (!formula.includes('_xl')) return formula;
  return mapCode(formula, (code) => code.replace(/_xl(?:fn|ws|pm)\./gi, ''));
}

/**
 * A1 references in code (outside literals): not inside a name (`LOG10(`, `Table1`, `A1B`), not
 * a function call. Groups: column `$`, letters, row `$`, digits.
 */
const CELL_REF = /(?<![A-Za-z0-9_.\\$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(.])/g;

/**
 * The formula of a cell that shares the master's formula `dRows` rows and `dCols` columns away:
 * every relative reference moved by as much (absolute parts stay). A reference moved off the
 * sheet becomes `#REF!`, as in Excel.
 */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  if (dRows === 0 && dCols === 0) return formula;
  return mapCode(formula, (code) =>
    code.replace(CELL_REF, (whole, colAbs: string, col: string, rowAbs: string, row: string) => {
      const c = columnNumber(col);
      if (c >= MAX_COLS) return whole; // not a cell (a name such as ABCD1 would not match; XFE1 does)
      const r = Number(row) - 1;
      const nc = colAbs ? c : c + dCols;
      const nr = rowAbs ? r : r + dRows;
      if (nc < 0 || nc >= MAX_COLS || nr < 0 || nr >= MAX_ROWS) return '#REF!';
      return `${colAbs}${columnLetters(nc)}${rowAbs}${nr + 1}`;
    }),
  );
}
