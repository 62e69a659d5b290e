/**
 * Reading the review sheet back (the format: reviewSheet.ts and
 * docs/REGISTER.md), robust to what a person or another program may have done
 * to it. Nothing here throws on the sheet's content, and nothing read is lost:
 *
 * - a row that cannot be read (a missing reason, a time that is no time, a
 *   broken JSON cell) is a problem naming its cell, and is kept as it was, to
 *   be written back unchanged, after the others;
 * - a table that lacks a required column: every row of it is kept that way;
 * - columns this version does not know are kept, and so are their cells;
 * - empty rows are skipped; text is taken exactly as it is (a reason
 *   `=SUM(A1)` stays that text);
 * - a newer format version, content outside the tables or a header named
 *   twice make the sheet read-only: it is shown as a problem and never
 *   written, so that what this version does not understand is not lost.
 */
import { columnLetters } from '../address';
import { COLUMNS, OPTIONAL_COLUMNS, readExplanation, readSignOff, type CellIssue } from './records';
import { FORMAT_VERSION_KEY, REVIEW_SHEET } from './reviewSheet';
import {
  REVIEW_FORMAT_VERSION,
  emptyReviewState,
  type Explanation,
  type RawCell,
  type RawRow,
  type ReviewState,
  type ReviewTable,
  type SignOff,
} from './types';

/** A cell as an adapter reads it (the domain's `CellValue`, or less). */
export type ReviewCellIn = string | number | boolean | { readonly error: string } | null | undefined;

/** Something wrong with the review sheet, at `cell` (`Avstemmingslogg!C5`). */
export type ReviewProblem =
  | { readonly kind: 'newerVersion'; readonly cell: string; readonly version: number }
  | { readonly kind: 'badVersion'; readonly cell: string; readonly text: string }
  | {
      readonly kind: 'duplicateColumn';
      readonly cell: string;
      readonly table: ReviewTable;
      readonly column: string;
    }
  | {
      readonly kind: 'missingColumn';
      readonly cell: string;
      readonly table: ReviewTable;
      readonly column: string;
    }
  | {
      readonly kind: 'badCell';
      readonly cell: string;
      readonly table: ReviewTable;
      readonly column: string;
      readonly issue: CellIssue;
    }
  | { readonly kind: 'strayContent'; readonly cell: string; readonly count: number };

export interface ReviewSheetReading {
  readonly state: ReviewState;
  readonly problems: readonly ReviewProblem[];
}

/** Headers that tell each table's header row from any other row. */
const IDENTIFIED_BY: Readonly<Record<ReviewTable, readonly string[]>> = {
  explanations: ['key', 'reason', 'at'],
  signOffs: ['fingerprint', 'at'],
};

/**
 * A sheet's values (a grid whose first cell is at `origin`, 0-based, as snapshots and Office.js
 * ranges give them) as the rows from A1 that decodeReviewSheet reads.
 */
export function rowsFromA1(
  origin: { readonly row: number; readonly col: number },
  values: readonly (readonly ReviewCellIn[])[],
): ReviewCellIn[][] {
  const rows: ReviewCellIn[][] = Array.from({ length: origin.row }, () => []);
  for (const row of values) rows.push([...new Array<ReviewCellIn>(origin.col).fill(null), ...row]);
  return rows;
}

function rawCell(v: ReviewCellIn): RawCell | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  return v;
}

/** Reads the sheet's rows (from A1). An empty sheet, or none (`[]`), is an empty log. */
export function decodeReviewSheet(
  rows: readonly (readonly ReviewCellIn[])[],
  sheetName: string = REVIEW_SHEET,
): ReviewSheetReading {
  const at = (r: number, c: number) => rawCell(rows[r]?.[c]);
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName)
    ? sheetName
    : `'${sheetName.replace(/'/g, "''")}'`;
  const ref = (r: number, c: number) => `${quoted}!${columnLetters(c)}${r + 1}`;
  const problems: ReviewProblem[] = [];
  const used = new Set<string>();
  const use = (r: number, c: number) => used.add(`${r},${c}`);
  if (!rows.some((row) => row.some((v) => rawCell(v) !== null)))
    return { state: emptyReviewState(), problems };

  let readOnly = false;
  if (at(0, 0) === FORMAT_VERSION_KEY) {
    use(0, 0);
    use(0, 1);
    const v = at(0, 1);
    const n = typeof v === 'number' ? v : /^\s*\d+(\.\d+)?\s*$/.test(v ?? '') ? Number(v) : NaN;
    if (n > REVIEW_FORMAT_VERSION) {
      problems.push({ kind: 'newerVersion', cell: ref(0, 1), version: n });
      return { state: { ...emptyReviewState(), formatVersion: n, readOnly: true }, problems };
    }
    if (!Number.isInteger(n) || n < 1)
      problems.push({ kind: 'badVersion', cell: ref(0, 1), text: String(v ?? '') });
  } else problems.push({ kind: 'badVersion', cell: ref(0, 0), text: String(at(0, 0) ?? '') });

  const headerRuns: { row: number; from: number; headers: string[] }[] = [];
  const findHeader = (table: ReviewTable) => {
    for (let r = 0; r < rows.length; r++) {
      for (let c = 0; c < rows[r].length; c++) {
        if (at(r, c) === null || (c > 0 && at(r, c - 1) !== null)) continue;
        const headers: string[] = [];
        for (let k = c; at(r, k) !== null; k++) headers.push(String(at(r, k)));
        if (headerRuns.some((h) => h.row === r && h.from === c)) continue;
        if (IDENTIFIED_BY[table].every((h) => headers.includes(h))) return { row: r, from: c, headers };
      }
    }
    return null;
  };

  const read: { explanations: Explanation[]; signOffs: SignOff[] } = { explanations: [], signOffs: [] };
  const unread: Record<ReviewTable, RawRow[]> = { explanations: [], signOffs: [] };
  const extraColumns: Record<ReviewTable, string[]> = { explanations: [], signOffs: [] };
  for (const table of ['explanations', 'signOffs'] as const) {
    const header = findHeader(table);
    if (!header) continue;
    headerRuns.push(header);
    const { row: hr, from, headers } = header;
    headers.forEach((h, i) => {
      use(hr, from + i);
      if (headers.indexOf(h) !== i) {
        problems.push({ kind: 'duplicateColumn', cell: ref(hr, from + i), table, column: h });
        readOnly = true;
      }
    });
    extraColumns[table] = headers.filter((h, i) => !COLUMNS[table].includes(h) && headers.indexOf(h) === i);
    const missing = COLUMNS[table].filter(
      (c) => !OPTIONAL_COLUMNS[table].includes(c) && !headers.includes(c),
    );
    for (const column of missing)
      problems.push({ kind: 'missingColumn', cell: ref(hr, from), table, column });
    for (let r = hr + 1; r < rows.length; r++) {
      const row: Record<string, RawCell> = {};
      let notText: string | null = null;
      headers.forEach((h, i) => {
        use(r, from + i);
        const v = at(r, from + i);
        if (v === null || h in row) return;
        row[h] = v;
        // TRUE or #REF! typed over an entry: kept as its text, but the entry is not read.
        if (typeof rows[r][from + i] === 'boolean' || typeof rows[r][from + i] === 'object') notText ??= h;
      });
      if (Object.keys(row).length === 0) continue;
      if (missing.length > 0) {
        unread[table].push(row);
        continue;
      }
      const reading =
        notText !== null
          ? ({ ok: false, column: notText, issue: 'notText' } as const)
          : table === 'explanations'
            ? readExplanation(row)
            : readSignOff(row);
      if (reading.ok) {
        if (table === 'explanations') read.explanations.push(reading.record as Explanation);
        else read.signOffs.push(reading.record as SignOff);
        continue;
      }
      unread[table].push(row);
      const col = headers.indexOf(reading.column);
      problems.push({
        kind: 'badCell',
        cell: ref(r, from + Math.max(col, 0)),
        table,
        column: reading.column,
        issue: reading.issue,
      });
    }
  }

  let stray = 0;
  let first = '';
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < rows[r].length; c++) {
      if (rawCell(rows[r][c]) === null || used.has(`${r},${c}`)) continue;
      if (stray++ === 0) first = ref(r, c);
    }
  }
  if (stray > 0) {
    problems.push({ kind: 'strayContent', cell: first, count: stray });
    readOnly = true;
  }
  return {
    state: {
      formatVersion: REVIEW_FORMAT_VERSION,
      readOnly,
      explanations: read.explanations,
      signOffs: read.signOffs,
      unread,
      extraColumns,
    },
    problems,
  };
}
