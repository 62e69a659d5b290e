/**
 * The errors the host answers, as Excel answers them: a code from Microsoft's
 * list of Excel JavaScript API error codes (`docs/testing/application-specific-
 * api-error-handling.md` in office-js-docs-pr) with that list's message, a
 * detail in parentheses, and where it happened (`Worksheet.getRange`).
 * Microsoft's client turns the answer into its own `RichApi.Error`; the add-in
 * only ever sees that.
 */

/** The codes the host answers; Excel has more (see `Excel.ErrorCodes`). */
export type HostErrorCode =
  | 'AccessDenied'
  | 'ApiNotFound'
  | 'BadPassword'
  | 'GeneralException'
  | 'InvalidArgument'
  | 'InvalidObjectPath'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'MergedRangeConflict'
  | 'RangeExceedsLimit'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded';

/** Any other code Excel answers (`ServiceNotAvailable`, `Timeout`, …), for tests that inject it. */
export type AnyErrorCode = HostErrorCode | (string & Record<never, never>);

/** Microsoft's message for each code (the list above). */
const MESSAGES: Readonly<Record<HostErrorCode, string>> = {
  AccessDenied: 'You cannot perform the requested operation.',
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  BadPassword: 'The password you supplied is incorrect.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidObjectPath: "The object path isn't working for what you're trying to do.",
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidOperationInCellEditMode:
    "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.",
  ItemAlreadyExists: 'The resource being created already exists.',
  ItemNotFound: "The requested resource doesn't exist.",
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
};

/** The HTTP status Excel gives with each code (the client shows it in `debugInfo`). */
const STATUS: Readonly<Partial<Record<HostErrorCode, number>>> = {
  AccessDenied: 403,
  ApiNotFound: 404,
  ItemNotFound: 404,
  ItemAlreadyExists: 409,
  RequestPayloadSizeLimitExceeded: 413,
  ResponsePayloadSizeLimitExceeded: 413,
  GeneralException: 500,
};

export class HostError extends Error {
  constructor(
    readonly code: AnyErrorCode,
    /** What in particular (a sheet name, an address), appended to Microsoft's message. */
    readonly detail?: string,
    /** `Type.member` where it happened, as Excel reports it. */
    public location?: string,
  ) {
    const message = MESSAGES[code as HostErrorCode] ?? `Excel answered ${code}.`;
    super(detail ? `${message} (${detail})` : message);
    this.name = 'HostError';
  }

  get httpStatus(): number {
    return STATUS[this.code as HostErrorCode] ?? 400;
  }
}

export const itemNotFound = (detail: string, location?: string) =>
  new HostError('ItemNotFound', detail, location);

export const invalidArgument = (detail: string, location?: string) =>
  new HostError('InvalidArgument', detail, location);

export const invalidOperation = (detail: string, location?: string) =>
  new HostError('InvalidOperation', detail, location);
