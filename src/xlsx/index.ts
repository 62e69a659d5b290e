/**
 * The .xlsx adapter: the CLI's (and the preview's) way in and out of workbook files. Reading
 * streams the package into the domain's snapshots; writing adds the add-in's sheets to a copy of
 * the package and copies every other part as it is. This index is Node's (files.ts reads and writes
 * paths); the browser imports the modules it needs directly.
 */
export { XlsxInputError, inputErrorMessage, readWorkbookData } from './readWorkbook';
export { loadWorkbook, writeWorkbookBuffer, writeWorkbookFile } from './files';
export type { XlsxInputErrorReason, ReadOptions, WorkbookFile } from './readWorkbook';
export { XlsxModelError } from './write/errors';
export { DEFAULT_TABLE_STYLE } from './write/sheetXml';
export { addToPackage, type PackageChanges, type SheetChange } from './write/addToPackage';
export { workbookBytes } from './writeWorkbook';
export { applyOutputs, type AppliedOutputs } from './writeOutputs';
export { writeRegisterSheet, registerSheetModelWithRanges, type WrittenRegister } from './writeRegister';
