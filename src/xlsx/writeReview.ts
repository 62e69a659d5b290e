/**
 * The review log (issue 17) in a workbook file: explanations and sign-offs appended to the very
 * hidden sheet `Avstemmingslogg` of a copy of the package. The sheet is read from the package as it
 * is now, the entries merged in (`mergeReview`: nothing on the sheet is rewritten or lost, the same
 * entry is never written twice), and the whole sheet written back in place of the old one, or added
 * at the end. Every other part of the file is copied as it is (`write/addToPackage.ts`).
 *
 * Every cell is written as text (an inline string) under the Text format, numbers included, so
 * that a reason `=SUM(A1)` stays that text when Excel or LibreOffice opens the file. Bytes in,
 * bytes out: no Node built-in.
 */
import type { CellModel, SheetModel } from '../domain/model';
import { findReviewSheet } from '../domain/reconcile/chooseSheets';
import {
  REVIEW_SHEET,
  decodeReviewSheet,
  emptyReviewState,
  encodeReviewSheet,
  mergeReview,
  rowsFromA1,
  withEntries,
  type Explanation,
  type ReviewProblem,
  type ReviewState,
  type SignOff,
} from '../domain/review';
import { readIndents, readSharedStrings } from './read/parts';
import type { WorkbookFile } from './read/readPackage';
import { readSheet } from './read/sheet';
import { addToPackage } from './write/addToPackage';
import { XlsxModelError } from './write/errors';

/** Entries to append to the review log, in order (the gateway's `ReviewAppend`, for files). */
export interface ReviewEntries {
  readonly explanations?: readonly Explanation[];
  readonly signOffs?: readonly SignOff[];
}

/** The review log as the file holds it now. */
export interface ReviewLogReading {
  /** The log's sheet as named in the workbook; null when it has none (an empty log). */
  readonly sheet: string | null;
  readonly state: ReviewState;
  readonly problems: readonly ReviewProblem[];
}

export type WrittenReview =
  | {
      readonly ok: true;
      /** The new file's bytes. */
      readonly bytes: Uint8Array;
      /** The log as written: what the sheet held, with the entries appended. */
      readonly state: ReviewState;
      /** The log's sheet name in the new file. */
      readonly sheet: string;
      /** True when the log's sheet was replaced, false when it was added. */
      readonly replaced: boolean;
    }
  /** The log is in a newer format, or holds what this version does not understand: nothing written. */
  | { readonly ok: false; readonly reason: 'readOnly'; readonly problems: readonly ReviewProblem[] };

/** Column widths for a person who unhides the sheet: the key and the reason wide, the rest readable. */
const WIDE: Readonly<Record<string, number>> = { key: 44, reason: 60, totals: 40, values: 40 };
const NARROW = 22;

/** The review log's sheet read from the package itself (not from a snapshot that may have skipped it). */
export function readReviewLog(file: WorkbookFile): ReviewLogReading {
  const name = findReviewSheet(file.workbook.sheets.map((s) => s.name));
  const entry = name === null ? undefined : file.workbook.sheets.find((s) => s.name === name);
  if (name === null || entry === undefined) return { sheet: null, state: emptyReviewState(), problems: [] };
  if (entry.part === null || entry.kind !== 'worksheet') {
    throw new XlsxModelError(`Sheet ${name} is not a worksheet; the review log cannot be kept in it.`);
  }
  const { pkg, workbook } = file;
  const sheet = readSheet(pkg, entry.part, entry.name, entry.state, {
    strings: readSharedStrings(pkg, workbook.part),
    indents: readIndents(pkg, workbook.part),
    date1904: workbook.date1904,
    guard: pkg.guard,
  });
  const reading = decodeReviewSheet(rowsFromA1(sheet.origin, sheet.values), name);
  return { sheet: name, state: reading.state, problems: reading.problems };
}

/**
 * The review log as a sheet to write: every cell text under the Text format, very hidden and
 * protected without a password, as the register. Refuses a read-only state (encodeReviewSheet).
 */
export function reviewSheetModel(state: ReviewState, name: string = REVIEW_SHEET): SheetModel {
  const rows = encodeReviewSheet(state);
  const cells: CellModel[] = [];
  const header = rows.length > 2 ? rows[2] : [];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === '') return;
      cells.push({ row: r, col: c, value: String(v), numberFormat: '@', ...(r === 2 ? { bold: true } : {}) });
    }),
  );
  return {
    name,
    visibility: 'veryHidden',
    protect: true,
    cells,
    columnWidths: header.map((h, col) => ({ col, width: h === null ? 3 : (WIDE[String(h)] ?? NARROW) })),
  };
}

/**
 * A copy of the file with `add` appended to its review log, or `readOnly` (nothing written) when
 * the log is in a newer format or holds content this version does not understand. Throws
 * `XlsxModelError` when the workbook cannot take the sheet.
 */
export function appendReviewEntries(file: WorkbookFile, add: ReviewEntries): WrittenReview {
  const current = readReviewLog(file);
  const merged = mergeReview(current.state, withEntries(current.state, add), current.state);
  if (!merged.ok) return { ok: false, reason: 'readOnly', problems: current.problems };
  const name = current.sheet ?? REVIEW_SHEET;
  const bytes = addToPackage(file, {
    sheets: [{ model: reviewSheetModel(merged.state, name), replaces: current.sheet }],
  });
  return { ok: true, bytes, state: merged.state, sheet: name, replaced: current.sheet !== null };
}
