/**
 * An .xlsx file read in the browser by the CLI's own reader (`src/xlsx/read`, no Node built-ins),
 * so the preview sees a file exactly as the CLI does, every worksheet's cells included for the
 * grid. Loaded as its own chunk (`xlsx-reader`) when a file is opened, never by the task pane.
 *
 * Failures are values: the page says what is wrong with the file instead of throwing.
 */
import type { WorkbookSnapshot } from '../../domain/snapshot';
import type { XlsxInputErrorReason } from '../../xlsx/messages';
import { readWorkbookData, XlsxInputError } from '../../xlsx/readWorkbook';

export type XlsxRead =
  | { readonly ok: true; readonly snapshot: WorkbookSnapshot }
  | { readonly ok: false; readonly reason: XlsxInputErrorReason; readonly detail?: string };

/** The CLI's own read (refusals mapped to reasons there, once), every sheet's cells for the grid. */
export async function readXlsx(data: ArrayBuffer): Promise<XlsxRead> {
  try {
    return { ok: true, snapshot: readWorkbookData(new Uint8Array(data), '', { allSheets: true }).snapshot };
  } catch (e) {
    if (e instanceof XlsxInputError) return { ok: false, reason: e.reason, detail: e.detail };
    return { ok: false, reason: 'damaged' };
  }
}
