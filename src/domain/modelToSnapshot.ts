import type { SheetModel, WorkbookModel } from './model';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './snapshot';

/**
 * What a sheet model would read back as, without a spreadsheet in between:
 * literal values as values, formulas with no calculated value (null). Used
 * by tests and by in-memory workbooks.
 */
export function sheetModelToSnapshot(sheet: SheetModel): SheetSnapshot {
  let rows = 0;
  let cols = 0;
  for (const c of sheet.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: rows }, () =>
    new Array<string | null>(cols).fill(null),
  );
  const indents: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (const c of sheet.cells) {
    if (c.formula !== undefined) formulas[c.row][c.col] = c.formula;
    else values[c.row][c.col] = c.value ?? null;
    indents[c.row][c.col] = c.indent ?? 0;
  }
  return {
    name: sheet.name,
    origin: { row: 0, col: 0 },
    values,
    formulas,
    indents,
    visibility: sheet.visibility ?? 'visible',
  };
}

export function modelToSnapshot(model: WorkbookModel): WorkbookSnapshot {
  return { sheets: model.sheets.map(sheetModelToSnapshot) };
}
