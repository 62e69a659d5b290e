/**
 * Turns whatever an Excel call threw into an `ExcelFailure` the pane can
 * explain. Office.js rejects with `OfficeExtension.Error` (Excel on the web
 * sometimes with `RichApi.Error`), both carrying a string `code`, a
 * `message` and `debugInfo`; errors are told apart by `code`, never by
 * message text (it is localised) or class.
 */
import { ExcelFailure, type ExcelFailureKind } from './gateway';

const KIND_BY_CODE: Readonly<Record<string, ExcelFailureKind>> = {
  InvalidOperationInCellEditMode: 'cellEditMode',
  RequestPayloadSizeLimitExceeded: 'payloadTooLarge',
  ResponsePayloadSizeLimitExceeded: 'payloadTooLarge',
  ItemNotFound: 'notFound',
  AccessDenied: 'accessDenied',
  BadPassword: 'password',
  MergedRangeConflict: 'conflict',
  // Excel on the web answers these when it is busy, throttled or the connection dropped;
  // GeneralException is also Excel's "internal error".
  GeneralException: 'busy',
  ServiceNotAvailable: 'busy',
  Timeout: 'busy',
  RequestAborted: 'busy',
  ActivityLimitReached: 'busy',
  ConnectionFailure: 'busy',
  // The host lacks the API (an old Excel the requirement check did not catch).
  ApiNotFound: 'unsupported',
};

const MESSAGES: Readonly<Record<ExcelFailureKind, string>> = {
  cellEditMode: 'Excel is editing a cell. Finish the edit (Enter or Esc) and try again.',
  payloadTooLarge: 'The data is too large for Excel to send in one request.',
  unsupported: 'This version of Excel lacks an API the add-in needs.',
  notFound: 'The sheet or cell is not in the workbook.',
  hiddenSheet: 'The cell is on a hidden sheet.',
  accessDenied: 'The workbook or sheet is protected against this change.',
  password: 'The sheet is protected with a password.',
  conflict: 'A table would cover merged cells or another table.',
  changed: 'The register changed in the workbook since it was read; nothing was written.',
  logChanged: 'The review log kept changing while it was written; nothing is lost, try again.',
  readOnly:
    'The review log is in a newer format or holds what this version does not understand; nothing was written.',
  busy: 'Excel is busy or the connection was lost. Try again.',
  office: 'Excel reported an error.',
  unexpected: 'Something went wrong in the add-in.',
};

/** An error object with an Office error code: `OfficeExtension.Error` (named `RichApi.Error` on the web). */
export interface OfficeErrorLike {
  readonly code: string;
  readonly message: string;
  readonly debugInfo?: { readonly code?: string; readonly message?: string; readonly errorLocation?: string };
}

/** Office codes are PascalCase words (`ItemNotFound`); Node's are capitals (`ENOENT`), not Office's. */
export function isOfficeError(e: unknown): e is OfficeErrorLike {
  if (typeof e !== 'object' || e === null) return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  return typeof code === 'string' && /^[A-Z][a-z][A-Za-z]*$/.test(code) && typeof message === 'string';
}

export function failureKindOf(code: string): ExcelFailureKind {
  return KIND_BY_CODE[code] ?? (/Timeout|Throttl/i.test(code) ? 'busy' : 'office');
}

/** Classifies any thrown value; an ExcelFailure passes through unchanged. */
export function toExcelFailure(e: unknown): ExcelFailure {
  if (e instanceof ExcelFailure) return e;
  if (isOfficeError(e)) {
    const kind = failureKindOf(e.code);
    const where = e.debugInfo?.errorLocation;
    const detail = where ? `${where}: ${e.message}` : e.message;
    return new ExcelFailure(kind, MESSAGES[kind], e.code, detail);
  }
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new ExcelFailure('unexpected', MESSAGES.unexpected, undefined, detail);
}

/** The failure for a missing requirement set, naming it (`ExcelApi 1.4`). */
export function unsupported(set: string, version: string): ExcelFailure {
  return new ExcelFailure(
    'unsupported',
    `This version of Excel lacks ${set} ${version}, which the add-in needs.`,
    undefined,
    `${set} ${version}`,
  );
}

export function isPayloadTooLarge(e: unknown): boolean {
  return isOfficeError(e) && failureKindOf(e.code) === 'payloadTooLarge';
}

/** `ItemNotFound`: a sheet (or other item) asked for by name or id is not there (any more). */
export function isNotFound(e: unknown): boolean {
  return isOfficeError(e) && e.code === 'ItemNotFound';
}
