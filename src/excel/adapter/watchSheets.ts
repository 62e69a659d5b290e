/**
 * Live re-check (issue 17): `worksheet.onChanged` (ExcelApi 1.7) on the sheets a reconciliation
 * reads. TO BE IMPLEMENTED.
 */
import type { ExcelRun } from '../excelApi';
import type { SheetChange, Unwatch } from '../gateway';

export async function watchSheets(
  run: ExcelRun,
  sheets: readonly string[],
  onChange: (change: SheetChange) => void,
): Promise<Unwatch> {
  void run;
  void sheets;
  void onChange;
  throw new Error('watchSheets: not implemented yet');
}
