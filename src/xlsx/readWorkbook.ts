/**
 * Reading side of the .xlsx adapter: a workbook file opened as a package
 * (`read/readPackage.ts`) and turned into the domain's `WorkbookSnapshot`.
 * A file that cannot be read is refused with one line in the user's
 * language naming the file and why; never a library's message.
 */
import type { Lang } from '../domain/messages';
import { inputErrorMessage, type XlsxInputErrorReason } from './messages';
import { PackageError } from './package/guard';
import { readWorkbookBytes, type ReadOptions, type WorkbookFile } from './read/readPackage';

export type { ReadOptions, WorkbookFile };

export type { XlsxInputErrorReason };
export { inputErrorMessage };

/** The input file cannot be used as a workbook. `message` is one line (English); `messageIn(lang)` in the user's. */
export class XlsxInputError extends Error {
  readonly reason: XlsxInputErrorReason;
  readonly path: string;
  readonly detail: string | undefined;

  constructor(reason: XlsxInputErrorReason, path: string, detail?: string) {
    super(inputErrorMessage(reason, path, 'en', detail));
    this.name = 'XlsxInputError';
    this.reason = reason;
    this.path = path;
    this.detail = detail;
  }

  messageIn(lang: Lang): string {
    return inputErrorMessage(this.reason, this.path, lang, this.detail);
  }
}

/** A workbook read from its bytes; `path` names the file in messages. Throws `XlsxInputError`. */
export function readWorkbookData(bytes: Uint8Array, path: string, options: ReadOptions = {}): WorkbookFile {
  try {
    return readWorkbookBytes(bytes, options);
  } catch (e) {
    if (e instanceof PackageError) throw new XlsxInputError(e.reason, path, e.detail);
    // Anything else is a part this reader did not expect: the file is refused all the same.
    const error = new XlsxInputError('damaged', path);
    (error as { cause?: unknown }).cause = e;
    throw error;
  }
}
