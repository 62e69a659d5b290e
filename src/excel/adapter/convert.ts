/**
 * Office.js range data to the domain's snapshot arrays. The arrays Excel
 * returns are fresh per read, so they are converted in place: no second
 * copy of a large sheet.
 */
import type { CellValue } from '../../domain/snapshot';
import type { ExcelCellProperties, ExcelWorksheet } from '../excelApi';
import type { SheetInfo } from '../gateway';
import { EXCEL_ERROR_VALUES as ERROR_VALUES } from '../../domain/errorValues';

const VISIBILITY: Readonly<Record<string, SheetInfo['visibility']>> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

/** A loaded worksheet's name and visibility (`VeryHidden` → `veryHidden`). */
export function sheetInfo(ws: Pick<ExcelWorksheet, 'name' | 'visibility'>): SheetInfo {
  return { name: ws.name, visibility: VISIBILITY[ws.visibility] ?? 'visible' };
}

/**
 * `values` to snapshot values, in place: `""` → null, errors → `{ error }`.
 * With `valueTypes` an error is known exactly; without (the register, read
 * with values only) a string that is exactly an error value is taken as one,
 * which only misreads text typed as `'#N/A`.
 */
export function toCellValues(
  values: unknown[][],
  valueTypes?: readonly (readonly string[])[],
): CellValue[][] {
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    const types = valueTypes?.[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string') {
        if (v === '') row[c] = null;
        else if (types ? types[c] === 'Error' : ERROR_VALUES.has(v)) row[c] = { error: v };
      } else if (typeof v !== 'number' && typeof v !== 'boolean') {
        // null (an oversized read) or an entity value: nothing the engine can use.
        row[c] = null;
      }
    }
  }
  return values as CellValue[][];
}

/** `formulas` to snapshot formulas, in place: formula text where the cell has one, else null. */
export function toFormulas(formulas: unknown[][]): (string | null)[][] {
  for (const row of formulas) {
    for (let c = 0; c < row.length; c++) {
      const f = row[c];
      if (typeof f !== 'string' || f.length < 2 || f[0] !== '=') row[c] = null;
    }
  }
  return formulas as (string | null)[][];
}

/**
 * `getCellProperties` indent levels to a grid as wide as the sheet: the
 * properties cover every column but the last (see blocks.ts), which reads 0.
 */
export function toIndents(props: readonly (readonly ExcelCellProperties[])[], width: number): number[][] {
  return props.map((row) => {
    const out = new Array<number>(width).fill(0);
    for (let c = 0; c < row.length && c < width; c++) out[c] = row[c].format?.indentLevel ?? 0;
    return out;
  });
}
