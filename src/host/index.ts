/**
 * The in-memory Excel host: a workbook model that answers Microsoft's own
 * Office.js client (`@microsoft/office-js`) as Excel does, for tests, the
 * bench and the local preview page. See host.ts; Node code gets the client
 * from client/node.ts, the preview from client/browser.ts.
 */
export {
  ExcelHost,
  MAX_READ_CELLS,
  type HostChange,
  type HostOptions,
  type HostStats,
  type SyncRecord,
} from './host';
export type { HostCellView, HostSheetInfo, HostSheetView, Visibility } from './views';
export { DEFAULT_PAYLOAD_LIMIT, utf8Length } from './wire';
export { ExcelClient, type OfficeJsLibrary } from './client/client';
export { PROFILES, supportsApi, versionAtMost, type HostProfile, type ProfileName } from './client/profiles';
export { HostError, type AnyErrorCode, type HostErrorCode } from './model/errors';
export type {
  CellHyperlink,
  ChartData,
  ConditionalFormatData,
  PageLayoutData,
  ProtectionOptions,
  TableData,
} from './model/cells';
export { DEFAULT_PROTECTION_OPTIONS } from './model/cells';
