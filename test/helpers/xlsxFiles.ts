/**
 * Reading written .xlsx files in tests: with the CLI's own reader (every sheet's cells), and
 * with ExcelJS as an independent second reader of what was written.
 */
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { loadWorkbook } from '../../src/cli/workbookFiles';

/** Every sheet of the file as the CLI reads it (all worksheets' cells, not only reconciling's). */
export async function snapshotFile(file: string): Promise<WorkbookSnapshot> {
  return (await loadWorkbook(file, { allSheets: true })).snapshot;
}

/** The file (or bytes) as ExcelJS reads it. */
export async function excelJsWorkbook(file: string | Uint8Array): Promise<ExcelJS.Workbook> {
  const data = typeof file === 'string' ? await fs.readFile(file) : Buffer.from(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb;
}
