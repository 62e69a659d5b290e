/**
 * Errors shaped like Office.js's: an `OfficeExtension.Error` carries `code`,
 * `message` and `debugInfo`; Excel on the web rejects an oversized payload
 * with a `RichApi.Error`. The adapter classifies errors by these fields only,
 * so the fake must reproduce them, not its own exception types.
 */

/** The codes the fake raises; Office.js has more (see `Excel.ErrorCodes`). */
export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'ValueNotLoaded'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'RequestPayloadSizeLimitExceeded'
  | 'AccessDenied'
  | 'ApiNotFound'
  | 'GeneralException';

export interface FakeDebugInfo {
  readonly code: string;
  readonly message: string;
  readonly errorLocation?: string;
}

export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: FakeErrorCode, message: string, errorLocation?: string, name = 'OfficeExtension.Error') {
    super(message);
    this.name = name;
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export function propertyNotLoaded(property: string, type: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${property}`,
  );
}

export function payloadTooLarge(
  which: 'request' | 'response',
  bytes: number,
  limit: number,
): FakeOfficeError {
  return new FakeOfficeError(
    'RequestPayloadSizeLimitExceeded',
    `The request payload size has exceeded the limit. (${which}: ${bytes} bytes, limit ${limit})`,
    undefined,
    'RichApi.Error',
  );
}

export function cellEditMode(): FakeOfficeError {
  return new FakeOfficeError(
    'InvalidOperationInCellEditMode',
    'The operation is not allowed while Excel is in cell edit mode. Exit edit mode by pressing Enter or Tab, or by selecting another cell, and then try again.',
  );
}

export function itemNotFound(what: string, location: string): FakeOfficeError {
  return new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. (${what})`, location);
}

export function invalidArgument(message: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(
    'InvalidArgument',
    `The argument is invalid or missing or has an incorrect format. ${message}`,
    location,
  );
}
