/**
 * Writes the project register into a workbook loaded with ExcelJS: the
 * register sheet is replaced in place (same tab position) or added at the
 * end, hidden and protected, as `registerSheetModel` lays it out. Every other
 * sheet is left as ExcelJS loaded it.
 */
import ExcelJS from 'exceljs';
import { readRegister } from '../domain/register/readRegister';
import { registerSheetModel, sheetRangeText } from '../domain/register/registerSheet';
import {
  PROJECTS_TABLE,
  REGISTER_FORMAT_VERSION,
  REGISTER_SHEET,
  SOURCES_TABLE,
  type Register,
} from '../domain/register/types';
import type { SheetModel } from '../domain/model';
import { snapshotWorksheet } from './readWorkbook';
import { renderSheet, XlsxModelError } from './writeWorkbook';

/** ExcelJS keeps a sheet's tab position in `orderNo`, which its typings leave out. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };

export interface WrittenRegister {
  /** True when a register sheet was replaced, false when one was added. */
  readonly replaced: boolean;
  /** Ranges the sheet cannot hold as text (max ten times min or more): written as their min. */
  readonly rangesAsMin: readonly number[];
}

/** The register sheet of the workbook (by name, regardless of case and spaces), if any. */
function registerWorksheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.name.trim().toLowerCase() === REGISTER_SHEET.toLowerCase());
}

/**
 * The register sheet's model, and the entries whose contribution range the
 * sheet cannot hold as text (it gets their min; the CLI says so).
 */
export function registerSheetModelWithRanges(register: Register): {
  model: SheetModel;
  rangesAsMin: number[];
} {
  const rangesAsMin: number[] = [];
  register.entries.forEach((e, i) => {
    if (e.contributionRange && sheetRangeText(e.contributionRange.min, e.contributionRange.max) === null) {
      rangesAsMin.push(i);
    }
  });
  return { model: registerSheetModel(register), rangesAsMin };
}

/**
 * Replaces (same position) or adds the register sheet. Refuses, with
 * `XlsxModelError`, when the workbook's register has a newer format version
 * than this code writes, or another sheet holds a table named like the
 * register's tables.
 */
export async function writeRegisterSheet(wb: ExcelJS.Workbook, register: Register): Promise<WrittenRegister> {
  const old = registerWorksheet(wb) as Ordered | undefined;
  if (old) {
    const reading = readRegister({ sheets: [snapshotWorksheet(old)] });
    const newer = reading.findings.find(
      (f) => f.code === 'REGISTER_INVALID' && f.params.reason === 'newerVersion',
    );
    if (newer) {
      throw new XlsxModelError(
        `The register in sheet ${old.name} has format version ${newer.params.text ?? '?'}, newer than this version writes (${REGISTER_FORMAT_VERSION}); it is left unchanged.`,
      );
    }
  }
  for (const ws of wb.worksheets) {
    if (ws === old) continue;
    // ExcelJS's typings have `getTables()` return tuples; it returns the tables.
    for (const table of ws.getTables() as unknown as { name?: string; table?: { name?: string } }[]) {
      const name = table.name ?? table.table?.name ?? '';
      if ([PROJECTS_TABLE, SOURCES_TABLE].some((t) => t.toLowerCase() === name.toLowerCase()))
        throw new XlsxModelError(
          `Sheet ${ws.name} already holds a table named ${name}, which the register needs.`,
        );
    }
  }
  const { model, rangesAsMin } = registerSheetModelWithRanges({
    ...register,
    formatVersion: REGISTER_FORMAT_VERSION,
  });
  let orderNo: number | null = null;
  if (old) {
    orderNo = old.orderNo;
    wb.removeWorksheet(old.id);
  }
  const ws = wb.addWorksheet(model.name) as Ordered;
  if (orderNo !== null) ws.orderNo = orderNo;
  await renderSheet(ws, model);
  return { replaced: old !== undefined, rangesAsMin };
}
