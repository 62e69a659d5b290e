/**
 * The preview's workbook saved as an .xlsx file, by the CLI's own writer (`workbookBytes`), so
 * that what the pane wrote into it (the register, the review log, the outputs' values) can be
 * downloaded, opened again in the preview, or given to the CLI. Loaded as its own chunk
 * (`xlsx-writer`) when the user saves.
 *
 * What is kept: every sheet in tab order with its visibility (the very hidden register and review
 * log stay very hidden), each cell's value or formula. What is not: formats, widths, charts,
 * protection and the outputs' marker names (the preview's host keeps values, not a package).
 */
import type { CellModel, SheetModel, WorkbookModel } from '../../domain/model';
import { isCellError, type WorkbookSnapshot } from '../../domain/snapshot';
import { workbookBytes } from '../../xlsx/writeWorkbook';

/** The snapshot's sheets as a model the writer takes: values as values (text stays text), formulas as formulas. */
export function snapshotModel(snapshot: WorkbookSnapshot): WorkbookModel {
  return {
    sheets: snapshot.sheets.map((sheet): SheetModel => {
      const cells: CellModel[] = [];
      sheet.values.forEach((row, r) =>
        row.forEach((value, c) => {
          const at = { row: sheet.origin.row + r, col: sheet.origin.col + c };
          const formula = sheet.formulas?.[r]?.[c] ?? null;
          if (formula !== null) cells.push({ ...at, formula });
          else if (isCellError(value)) cells.push({ ...at, formula: `=${value.error}` });
          else if (value !== null && value !== '') cells.push({ ...at, value });
        }),
      );
      return { name: sheet.name, visibility: sheet.visibility ?? 'visible', cells };
    }),
  };
}

export function saveXlsx(snapshot: WorkbookSnapshot): Uint8Array {
  return workbookBytes(snapshotModel(snapshot));
}
