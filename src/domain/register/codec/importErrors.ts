/**
 * What an import of a register file reports: each error with its line, field and reason, and the
 * result that is either a whole register or every error found (never a partial register).
 */
import type { Register } from '../types';

export type ImportErrorCode =
  | 'notJson'
  | 'notCsv'
  | 'formatVersion'
  | 'missingColumn'
  | 'unknownKind'
  | 'amount'
  | 'basis'
  | 'required'
  | 'duplicateId'
  | 'badList'
  | 'shape';

/** Where JSON's syntax breaks (code `notJson`). */
export type JsonSyntaxReason =
  | 'empty'
  | 'unexpectedEnd'
  | 'unexpectedSymbol'
  | 'comment'
  | 'trailingComma'
  | 'keyExpected'
  | 'valueExpected'
  | 'colonExpected'
  | 'commaExpected'
  | 'afterEnd'
  | 'badNumber'
  | 'unclosedString'
  | 'badEscape'
  | 'controlCharacter';

export type ImportErrorReason =
  | JsonSyntaxReason
  | 'missing'
  | 'newer'
  | 'invalid'
  | 'negative'
  | 'rangeConflict'
  | 'notString'
  | 'notObject'
  | 'notArray'
  | 'notNumber'
  | 'notValue'
  | 'unknownKey'
  | 'duplicateKey'
  | 'emptyItem'
  | 'separator'
  | 'extraCell'
  | 'emptyHeader'
  | 'duplicateHeader'
  | 'reservedHeader'
  | 'missingSection'
  | 'duplicateSection'
  | 'outsideSection'
  | 'unclosedQuote'
  | 'afterQuote';

export type ImportTable = 'projects' | 'sources';

export interface ImportError {
  /** 1-based line in the file. */
  readonly line: number;
  /** 1-based column, where the error is a point in the text (JSON syntax). */
  readonly column?: number;
  readonly field?: string;
  readonly code: ImportErrorCode;
  /** The offending text, as found. */
  readonly text?: string;
  /** What exactly is wrong, where a code covers several cases (see `importErrorMessage`). */
  readonly reason?: ImportErrorReason;
  /** The table the line belongs to. */
  readonly table?: ImportTable;
}

export type ImportResult =
  | { readonly ok: true; readonly register: Register }
  | { readonly ok: false; readonly errors: readonly ImportError[] };

/** The errors an import has found so far. */
export class ImportErrors {
  readonly list: ImportError[] = [];

  add(e: ImportError): void {
    this.list.push(e);
  }

  /** The register `make` gives when there are no errors; else the errors (see `refused`). */
  result(make: () => Register): ImportResult {
    return this.list.length > 0 ? this.refused() : { ok: true, register: make() };
  }

  /** The errors found, in line order (stable): also what stops an import early (a newer format). */
  refused(): ImportResult & { ok: false } {
    const sorted = this.list.map((e, i) => ({ e, i })).sort((a, b) => a.e.line - b.e.line || a.i - b.i);
    return { ok: false, errors: sorted.map((x) => x.e) };
  }
}
