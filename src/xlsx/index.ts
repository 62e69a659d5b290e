/** The .xlsx adapter (ExcelJS): the CLI's way in and out of workbook files. */
export {
  XlsxInputError,
  loadWorkbook,
  snapshotWorkbook,
  snapshotWorksheet,
  toCellValue,
  dateToSerial,
} from './readWorkbook';
export type { XlsxInputErrorReason } from './readWorkbook';
export {
  XlsxModelError,
  DEFAULT_TABLE_STYLE,
  buildWorkbook,
  writeWorkbookBuffer,
  writeWorkbookFile,
} from './writeWorkbook';
