/**
 * The review sheet: where explanations and sign-offs are kept in the
 * workbook, so that they travel with the file and are shared in
 * co-authoring. A very hidden sheet `Avstemmingslogg` beside the register:
 *
 *     A1 formatVersion   B1 1
 *     row 3              explanations header (from A3) │ gap │ sign-offs header
 *     rows 4…            one entry per row, in log order
 *
 * The stored format, and its version rule, is in docs/REGISTER.md. This
 * module writes the sheet as rows of cells (text or numbers, null for empty),
 * which the adapter writes as text, so that a reason starting with `=` stays
 * text; decodeReviewSheet.ts reads it back.
 */
import { COLUMNS, explanationRow, signOffRow } from './records';
import { REVIEW_FORMAT_VERSION, type RawRow, type ReviewState, type ReviewTable } from './types';

import { REVIEW_SHEET } from './sheetName';

export { REVIEW_SHEET };
export const FORMAT_VERSION_KEY = 'formatVersion';
/** Row of both tables' header (0-based): row 3 in Excel. */
export const REVIEW_HEADER_ROW = 2;
export const REVIEW_TABLES: readonly ReviewTable[] = ['explanations', 'signOffs'];

export type ReviewSheetCell = string | number | null;

/** The table's headers: the known ones in order, then every other header its rows have. */
export function tableHeaders(state: ReviewState, table: ReviewTable, rows: readonly RawRow[]): string[] {
  const headers = [...COLUMNS[table]];
  const add = (h: string) => {
    if (!headers.includes(h)) headers.push(h);
  };
  state.extraColumns[table].forEach(add);
  for (const row of rows) Object.keys(row).forEach(add);
  return headers;
}

/** The table's rows: the entries read or made, then the rows that could not be read, as they were. */
export function tableRows(state: ReviewState, table: ReviewTable): RawRow[] {
  const records =
    table === 'explanations' ? state.explanations.map(explanationRow) : state.signOffs.map(signOffRow);
  return [...records, ...state.unread[table]];
}

/**
 * The sheet's cells, row by row from A1, rectangular. Refuses a read-only state (a newer format,
 * or content this version does not understand): such a sheet is never written.
 */
export function encodeReviewSheet(state: ReviewState): ReviewSheetCell[][] {
  if (state.readOnly) throw new Error(`${REVIEW_SHEET} is read-only: it is not written`);
  const tables = REVIEW_TABLES.map((table) => {
    const rows = tableRows(state, table);
    return { headers: tableHeaders(state, table, rows), rows };
  });
  const [explanations, signOffs] = tables;
  const signOffCol = explanations.headers.length + 1;
  const width = signOffCol + signOffs.headers.length;
  const height = REVIEW_HEADER_ROW + 1 + Math.max(explanations.rows.length, signOffs.rows.length);
  const out: ReviewSheetCell[][] = Array.from({ length: height }, () =>
    new Array<ReviewSheetCell>(width).fill(null),
  );
  out[0][0] = FORMAT_VERSION_KEY;
  // The writer writes its own version: what it wrote it understands.
  out[0][1] = REVIEW_FORMAT_VERSION;
  for (const [{ headers, rows }, col] of [
    [explanations, 0],
    [signOffs, signOffCol],
  ] as const) {
    headers.forEach((h, c) => (out[REVIEW_HEADER_ROW][col + c] = h));
    rows.forEach((row, r) =>
      headers.forEach((h, c) => {
        const v = row[h];
        if (v !== undefined && v !== '') out[REVIEW_HEADER_ROW + 1 + r][col + c] = v;
      }),
    );
  }
  return out;
}
