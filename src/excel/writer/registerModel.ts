/**
 * The register sheet as the writer writes it: its model with every text cell under the text
 * format `@`, and the fingerprint `read()` will give the written sheet, computed from the model
 * without reading it back.
 */
import type { CellModel, SheetModel } from '../../domain/model';
import { sheetFingerprint } from '../../domain/register/fingerprint';
import { registerSheetModel } from '../../domain/register/registerSheet';
import type { Register } from '../../domain/register/types';
import { toCellValues } from '../adapter/convert';

/**
 * The register sheet's model as written: every text cell under the text format `@`, not only
 * those that look like formulas (sheetOps does those). A register is data: text Excel would
 * otherwise read as a date, a currency or `1e5` stays the text it is, and the fingerprint
 * computed from the model (writtenFingerprint) is what Excel then holds.
 */
export function registerWriteModel(register: Register): SheetModel {
  const model = registerSheetModel(register);
  const cells = model.cells.map((c): CellModel =>
    typeof c.value === 'string' && c.formula === undefined && c.numberFormat === undefined
      ? { ...c, numberFormat: '@' }
      : c,
  );
  return { ...model, cells };
}

/**
 * The fingerprint `read()` will give the written sheet, without reading it back: its used range
 * (values only) as Excel's `values` shows it, converted as read() converts it.
 */
export function writtenFingerprint(model: SheetModel): string {
  const content = model.cells.filter(
    (c) => c.formula === undefined && c.value !== undefined && c.value !== null && c.value !== '',
  );
  if (model.cells.some((c) => c.formula !== undefined)) {
    // Formula results are not known here; the register model has none.
    throw new Error('The register sheet model holds formulas: its fingerprint cannot be computed.');
  }
  if (content.length === 0)
    return sheetFingerprint({ name: model.name, origin: { row: 0, col: 0 }, values: [] });
  let row0 = Infinity;
  let col0 = Infinity;
  let row1 = -1;
  let col1 = -1;
  for (const c of content) {
    row0 = Math.min(row0, c.row);
    col0 = Math.min(col0, c.col);
    row1 = Math.max(row1, c.row);
    col1 = Math.max(col1, c.col);
  }
  const values: unknown[][] = Array.from({ length: row1 - row0 + 1 }, () =>
    new Array<unknown>(col1 - col0 + 1).fill(''),
  );
  for (const c of content) values[c.row - row0][c.col - col0] = c.value;
  return sheetFingerprint({
    name: model.name,
    origin: { row: row0, col: col0 },
    values: toCellValues(values),
  });
}
