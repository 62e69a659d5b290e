/**
 * Amounts in the outputs as formulas on the cells they were read from (`=Budsjett!B9`,
 * `=SUM(Budsjett!B2:B7)`), or as the amount read where a cell holds text a formula cannot add.
 */
import { cellRef, columnLetters, quoteSheetName } from '../address';
import { oreToKroner, type Ore } from '../amount';
import type { SourceCell } from '../reconcile/result';
import type { Content } from './sheetBuilder';

/**
 * One addend of an amount: a cell of a source sheet, or (when the engine had
 * to read that cell's text, e.g. `1. 500.000`) the amount it read. A text
 * cell cannot take part in a formula (`=Budsjett!B9-…` would be #VALUE!),
 * so its reading is written as a number; AMOUNT_AS_TEXT already names the cell.
 */
export type Term =
  { readonly sheet: string; readonly row: number; readonly col: number } | { readonly ore: Ore };

/** Excel's limit is 8 192 characters; above this a sum is written as its value. */
const MAX_FORMULA = 8_000;

/**
 * The term for a source cell: a reference when it holds a number, else the
 * engine's reading. The reference is on the cell's own sheet (a plan kept one
 * sheet per year has its amounts on several).
 */
export function termOf(cell: SourceCell | null): Term | null {
  if (!cell || cell.reading === 'empty') return null;
  if (cell.reading === 'number') return { sheet: cell.sheet, row: cell.row, col: cell.col };
  return { ore: cell.ore };
}

/**
 * A cell holding the sum of the terms: `=Budsjett!B9`, `=Finansiering!B5+Finansiering!B6`,
 * `=SUM(Budsjett!B2:B7)` for a run of cells in one column. Null when there is nothing to add.
 */
export function sumContent(terms: readonly (Term | null)[], ore: Ore): Content | null {
  const refs: { sheet: string; row: number; col: number }[] = [];
  let constant = 0;
  let any = false;
  for (const t of terms) {
    if (!t) continue;
    any = true;
    if ('ore' in t) constant += t.ore;
    else refs.push(t);
  }
  if (!any) return null;
  if (refs.length === 0) return { value: oreToKroner(constant) };
  const parts = runs(refs);
  if (constant !== 0) parts.push(String(oreToKroner(constant)));
  const formula =
    parts.length === 1 && !parts[0].includes(':')
      ? `=${parts[0]}`
      : parts.length <= 3 && !parts.some((p) => p.includes(':'))
        ? `=${parts.join('+')}`
        : `=SUM(${parts.join(',')})`;
  if (formula.length > MAX_FORMULA) return { value: oreToKroner(ore) };
  return { formula };
}

/** Refs grouped into ranges where they follow each other down one column of one sheet. */
function runs(refs: readonly { sheet: string; row: number; col: number }[]): string[] {
  const sorted = [...refs].sort((a, b) =>
    a.sheet === b.sheet ? a.col - b.col || a.row - b.row : a.sheet < b.sheet ? -1 : 1,
  );
  const out: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (
      j + 1 < sorted.length &&
      sorted[j + 1].sheet === sorted[i].sheet &&
      sorted[j + 1].col === sorted[i].col &&
      sorted[j + 1].row === sorted[j].row + 1
    )
      j++;
    const a = sorted[i];
    const prefix = `${quoteSheetName(a.sheet)}!`;
    out.push(
      j === i
        ? prefix + cellRef(a.row, a.col)
        : `${prefix}${cellRef(a.row, a.col)}:${columnLetters(a.col)}${sorted[j].row + 1}`,
    );
    i = j + 1;
  }
  return out;
}

/** `SUM(C5:C13)` on the sheet itself. */
export function localSum(col: number, firstRow: number, lastRow: number): string {
  return lastRow < firstRow ? '0' : `SUM(${cellRef(firstRow, col)}:${cellRef(lastRow, col)})`;
}
