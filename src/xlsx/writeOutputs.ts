/**
 * Writes the reconciliation outputs into an existing workbook loaded with
 * ExcelJS: each output replaces its marked sheet in place or is added at the
 * end, and the marker names are rewritten. Every other sheet is left as
 * ExcelJS loaded it. Where each output goes is decided by the domain
 * (`buildOutputs`); this file only carries it out.
 */
import ExcelJS from 'exceljs';
import type { Outputs } from '../domain/outputs';
import { addDefinedNames, renderSheet, XlsxModelError } from './writeWorkbook';

export interface AppliedOutputs {
  /** Sheets written, in the outputs' order. */
  readonly sheets: readonly string[];
  /** Charts described by the outputs that ExcelJS cannot write, by sheet. */
  readonly chartsLeftOut: readonly { readonly sheet: string; readonly count: number }[];
}

/** ExcelJS keeps a sheet's tab position in `orderNo`, which its typings leave out. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };

export async function applyOutputs(wb: ExcelJS.Workbook, outputs: Outputs): Promise<AppliedOutputs> {
  const chartsLeftOut: { sheet: string; count: number }[] = [];
  for (const { placement, sheet } of outputs.sheets) {
    let orderNo: number | null = null;
    if (placement.replaces !== null) {
      const old = wb.getWorksheet(placement.replaces) as Ordered | undefined;
      if (!old) throw new XlsxModelError(`Sheet ${placement.replaces} to replace is not in the workbook.`);
      orderNo = old.orderNo;
      wb.removeWorksheet(old.id);
    } else if (wb.getWorksheet(sheet.name)) {
      throw new XlsxModelError(`Sheet ${sheet.name} already exists and is not the output's to replace.`);
    }
    const ws = wb.addWorksheet(sheet.name) as Ordered;
    // Same tab position as the sheet it replaces.
    if (orderNo !== null) ws.orderNo = orderNo;
    const { chartsLeftOut: count } = await renderSheet(ws, sheet);
    if (count > 0) chartsLeftOut.push({ sheet: sheet.name, count });
  }
  addDefinedNames(wb, outputs.names);
  // Formulas are written without cached results: make Excel compute them on open.
  wb.calcProperties.fullCalcOnLoad = true;
  return { sheets: outputs.sheets.map((o) => o.sheet.name), chartsLeftOut };
}
