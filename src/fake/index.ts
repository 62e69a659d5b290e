/**
 * The in-memory Excel fake: what tests and the local preview page use in
 * place of Excel. See workbook.ts.
 */
export {
  DEFAULT_PAYLOAD_LIMIT,
  FakeWorkbook,
  MAX_READ_CELLS,
  utf8Length,
  type FakeCellView,
  type FakeChange,
  type FakeSheetInfo,
  type FakeSheetView,
  type FakeStats,
  type FakeWorkbookOptions,
  type SyncRecord,
  type Visibility,
} from './workbook';
export { FakeRequestContext } from './context';
export { FakeOfficeError, type FakeErrorCode } from './errors';
export { FakeClientResult } from './clientObject';
export {
  FakeWorkbookObject,
  FakeWorksheet,
  FakeWorksheetCollection,
  FakeWorkbookTableCollection,
  FakeWorksheetProtection,
} from './worksheets';
export {
  FakeRange,
  FakeRangeFill,
  FakeRangeFont,
  FakeRangeFormat,
  type FakeCellProperties,
  type FakeCellPropertiesLoadOptions,
} from './ranges';
export { FakeNamedItem, FakeNamedItemCollection } from './names';
export {
  FakeChart,
  FakeFreezePanes,
  FakePageBreakCollection,
  FakePageLayout,
  FakeTable,
  FakeTableCollection,
} from './sheetParts';
export type {
  CellHyperlink,
  FakeChartData,
  FakeConditionalFormatData,
  FakePageLayoutData,
  FakeProtectionOptions,
  FakeTableData,
} from './cells';
export { DEFAULT_PROTECTION_OPTIONS } from './cells';
export type { LoadSpec } from './loadSpec';
