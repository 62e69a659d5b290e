/**
 * The .xlsx adapter: the CLI's (and the preview's) way in and out of workbook files' bytes. Reading
 * streams the package into the domain's snapshots; writing adds the add-in's sheets to a copy of
 * the package and copies every other part as it is. Bytes in, bytes out: no Node built-in, so the
 * preview uses it in the browser; files on disk are the CLI's (src/cli/workbookFiles.ts).
 */
export { XlsxInputError, inputErrorMessage, readWorkbookData } from './readWorkbook';
export type { XlsxInputErrorReason, ReadOptions, WorkbookFile } from './readWorkbook';
export { XlsxModelError } from './write/errors';
export { DEFAULT_TABLE_STYLE } from './write/sheetXml';
export { addToPackage, type PackageChanges, type SheetChange } from './write/addToPackage';
export { workbookBytes } from './writeWorkbook';
export { applyOutputs, type AppliedOutputs } from './writeOutputs';
export { writeRegisterSheet, registerSheetModelWithRanges, type WrittenRegister } from './writeRegister';
export {
  appendReviewEntries,
  readReviewLog,
  reviewSheetModel,
  type ReviewEntries,
  type ReviewLogReading,
  type WrittenReview,
} from './writeReview';
