/**
 * Failures as the pane shows them: plain data (what went wrong, Office's code and details), made
 * from anything a gateway call or a lazy chunk throws.
 */
import { ExcelFailure, type ExcelFailureKind } from '../excel/gateway';

/** A failure as plain data: what the pane needs to explain it. */
export interface Failure {
  readonly kind: ExcelFailureKind;
  /** Office's error code, when there is one. */
  readonly code?: string;
  /** Office's debug info or the error's message, for the details line. */
  readonly detail?: string;
}

/** Turns anything thrown into a Failure: an ExcelFailure keeps its kind, anything else is a bug. */
export function toFailure(error: unknown): Failure {
  if (isExcelFailure(error)) {
    return { kind: error.kind, code: error.code, detail: error.detail ?? error.message };
  }
  if (error instanceof Error) {
    // A lazy chunk that could not be fetched: the connection, not a bug; trying again may work.
    if (error.name === 'ChunkLoadError') return { kind: 'busy', detail: error.message };
    // An Office error that did not pass through the gateway (e.g. Office.addin.showAsTaskpane).
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return { kind: 'office', code, detail: error.message };
    return { kind: 'unexpected', detail: error.message };
  }
  return { kind: 'unexpected', detail: String(error) };
}

/** instanceof, or the same shape (two copies of gateway.ts in one page must not turn into bugs). */
function isExcelFailure(error: unknown): error is ExcelFailure {
  return (
    error instanceof ExcelFailure ||
    (error instanceof Error &&
      error.name === 'ExcelFailure' &&
      typeof (error as ExcelFailure).kind === 'string')
  );
}
