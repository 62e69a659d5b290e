/** The .xlsx adapter (ExcelJS): the CLI's way in and out of workbook files. */
export {
  XlsxInputError,
  loadWorkbook,
  snapshotWorkbook,
  snapshotWorksheet,
  toCellValue,
  dateToSerial,
  definedNames,
} from './readWorkbook';
export type { XlsxInputErrorReason } from './readWorkbook';
export {
  XlsxModelError,
  DEFAULT_TABLE_STYLE,
  buildWorkbook,
  writeWorkbookBuffer,
  writeWorkbookFile,
  renderSheet,
  addDefinedNames,
} from './writeWorkbook';
export { applyOutputs, type AppliedOutputs } from './writeOutputs';
export { writeRegisterSheet, registerSheetModelWithRanges, type WrittenRegister } from './writeRegister';
