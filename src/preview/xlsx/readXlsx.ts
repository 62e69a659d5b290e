/**
 * An .xlsx file read in the browser: ExcelJS's browser build (webpack aliases `exceljs` to it)
 * and the CLI's own snapshotWorkbook(), so the preview sees a file exactly as the CLI does.
 * Loaded as its own chunk (`xlsx-reader`) when a file is opened, never by the task pane.
 *
 * Failures are values: the page says what is wrong with the file instead of throwing.
 */
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../domain/snapshot';
import { snapshotWorkbook } from '../../xlsx/readWorkbook';
import type { LoadErrorReason } from '../strings';

export type XlsxRead =
  | { readonly ok: true; readonly snapshot: WorkbookSnapshot }
  | { readonly ok: false; readonly reason: LoadErrorReason; readonly detail?: string };

/** Every .xlsx is a zip file, which starts with a local file header (as loadWorkbook checks). */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function readXlsx(data: ArrayBuffer): Promise<XlsxRead> {
  const head = new Uint8Array(data, 0, Math.min(ZIP_MAGIC.length, data.byteLength));
  if (head.length < ZIP_MAGIC.length || ZIP_MAGIC.some((b, i) => head[i] !== b)) {
    return { ok: false, reason: 'not-xlsx' };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data);
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: oneLine(e instanceof Error ? e.message : String(e)) };
  }
  // ExcelJS accepts any zip and returns an empty workbook; a real one has a sheet.
  if (wb.worksheets.length === 0) return { ok: false, reason: 'not-xlsx' };
  try {
    return { ok: true, snapshot: snapshotWorkbook(wb) };
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: oneLine(e instanceof Error ? e.message : String(e)) };
  }
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
