/**
 * The budget and financing sheets a plan's tables make, laid out as the
 * sample is: a label column and one amount column per year under a bold
 * header (`Post` / `Kilde`, `Budsjett 2010`), earmarked rows indented, the
 * sum row bold, memo rows italic, the note under the table. Amounts the
 * reader could not read are written as the text they were, so the
 * reconciliation names the cell; text is always text, never a formula.
 */
import { oreToKroner } from '../amount';
import type { CellModel, SheetModel, WorkbookModel } from '../model';
import { registerSheetModel } from '../register/registerSheet';
import type { Register } from '../register/types';
import type { PlanReading, PlanTable } from './types';

const AMOUNT = '#,##0';

/** Sheet and header words in the plan's language (the reconciliation finds both). */
const WORDS = {
  nb: { budget: 'Budsjett', financing: 'Finansiering', line: 'Post', source: 'Kilde', year: 'Budsjett' },
  en: { budget: 'Budget', financing: 'Financing', line: 'Item', source: 'Source', year: 'Budget' },
} as const;

function tableCells(table: PlanTable, first: string, yearWord: string): CellModel[] {
  const cells: CellModel[] = [{ row: 0, col: 0, value: first, bold: true }];
  table.years.forEach((y, k) =>
    cells.push({
      row: 0,
      col: 1 + k,
      value: y === null ? yearWord : `${yearWord} ${y}`,
      bold: true,
      horizontalAlignment: 'right',
    }),
  );
  table.rows.forEach((r, i) => {
    const bold = r.role === 'sum' ? true : undefined;
    const italic = r.role === 'memo' ? true : undefined;
    const indent = r.role === 'earmark' ? 1 : undefined;
    cells.push({ row: 1 + i, col: 0, value: r.label, indent, bold, italic });
    r.texts.forEach((text, k) => {
      if (text === '') return;
      const ore = r.amounts[k];
      const value = ore === null ? text : oreToKroner(ore);
      cells.push({
        row: 1 + i,
        col: 1 + k,
        value,
        numberFormat: ore === null ? undefined : AMOUNT,
        bold,
        italic,
      });
    });
  });
  table.notes.forEach((n, k) =>
    cells.push({ row: table.rows.length + 2 + k, col: 0, value: n.text, italic: true }),
  );
  return cells;
}

function sheet(name: string, cells: CellModel[], years: number): SheetModel {
  return {
    name,
    cells,
    columnWidths: [
      { col: 0, width: 32 },
      ...Array.from({ length: years }, (_, k) => ({ col: 1 + k, width: 16 })),
    ],
  };
}

/** The budget and financing sheets of a reading (those of its tables it found). */
export function planSheets(reading: PlanReading): {
  budget: SheetModel | null;
  financing: SheetModel | null;
} {
  const w = WORDS[reading.lang];
  return {
    budget: reading.budget
      ? sheet(w.budget, tableCells(reading.budget, w.line, w.year), reading.budget.years.length)
      : null,
    financing: reading.financing
      ? sheet(w.financing, tableCells(reading.financing, w.source, w.year), reading.financing.years.length)
      : null,
  };
}

/** A whole workbook from a reading: budget, financing, and the hidden register (`register` when edited). */
export function planWorkbookModel(
  reading: PlanReading,
  register: Register = reading.register,
): WorkbookModel {
  const { budget, financing } = planSheets(reading);
  return {
    sheets: [...(budget ? [budget] : []), ...(financing ? [financing] : []), registerSheetModel(register)],
  };
}
