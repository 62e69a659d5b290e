/**
 * The findings under the reconciliation sheet's years: one row each (severity, code, message in
 * the sheet's language) with its cells at the table's right end, each a link in a cell of its
 * own. Once a finding is explained (the review, issue 17), an explanation column between the
 * message and the cells says so: `Forklart: <reason> (who, when)`, or for a finding whose figures
 * changed since, `Endret etter forklaringen: <the old reason> (…)`; the open findings come first,
 * the explained ones after them, no longer in the colour of their severity.
 */
import type { Finding } from '../findings';
import { describe, type Lang } from '../messages';
import type { CellStyle } from '../model';
import type { ReviewedFinding } from '../review';
import { SEVERITY_COLORS } from './cardStatus';
import { linkOf } from './links';
import { EXPLAINED, explanationText } from './review';
import type { RowCell, SheetBuilder } from './sheetBuilder';
import { BOX, COLORS, HEADER } from './style';
import type { OutputText } from './text';

/** A finding's cells get at most this many link columns. */
const MAX_LINK_COLUMNS = 4;
const LINK_STYLE = { border: BOX, fontColor: '#0563C1', verticalAlignment: 'top' } as const;
/** The share of the columns between code and cells the message keeps when explanations share them. */
const MESSAGE_SHARE = 0.55;

/** How many columns the findings' cells take at the table's right end (at least one); `last` is its last column. */
export function linkColumns(findings: readonly Finding[], last: number): number {
  let most = 1;
  for (const f of findings) most = Math.max(most, f.cells.length);
  // The message keeps at least two columns (from the third): severity and code hold the first two.
  return Math.min(most, MAX_LINK_COLUMNS, last - 3);
}

/**
 * The first column of the explanations, among the message's columns `first`..`last` (at least
 * two): the message keeps about MESSAGE_SHARE of their width, and each at least one column.
 */
function explanationColumn(s: SheetBuilder, first: number, last: number): number {
  let total = 0;
  for (let c = first; c <= last; c++) total += s.widthOf(c);
  let best = last;
  let bestOff = Infinity;
  let message = 0;
  for (let k = first + 1; k <= last; k++) {
    message += s.widthOf(k - 1);
    const off = Math.abs(message - MESSAGE_SHARE * total);
    if (off < bestOff) {
      best = k;
      bestOff = off;
    }
  }
  return best;
}

/** The open findings (stale ones included) in the result's order, then the explained ones. */
function openFirst(reviewed: readonly ReviewedFinding[]): ReviewedFinding[] {
  const open: ReviewedFinding[] = [];
  const explained: ReviewedFinding[] = [];
  for (const r of reviewed) (r.status === 'explained' ? explained : open).push(r);
  return open.concat(explained);
}

/**
 * Every finding from `startRow` (after a blank row), across columns 0..`last`, with its review
 * (`reviewed[i]` is the review of the result's `findings[i]`). A finding with more cells than
 * there are link columns lists the rest in its last link cell, which links to the first of them.
 * Returns the next free row.
 */
export function findingsTable(
  s: SheetBuilder,
  reviewed: readonly ReviewedFinding[],
  lang: Lang,
  text: OutputText,
  startRow: number,
  last: number,
): number {
  let row = startRow + 1;
  s.row(row, [
    {
      col: 0,
      lastCol: last,
      content: text.findingsTitle,
      style: { bold: true, fontSize: 12, fontColor: COLORS.title },
    },
  ]);
  row++;
  const links = linkColumns(
    reviewed.map((r) => r.finding),
    last,
  );
  const firstLink = last - links + 1;
  const messageLast = firstLink - 1;
  // An explanation column only once something is explained: until then the message keeps its width.
  const explains = reviewed.some((r) => r.status !== 'open');
  const explanation = explains ? explanationColumn(s, 2, messageLast) : messageLast + 1;
  row += s.row(row, [
    { col: 0, content: text.severity, style: HEADER },
    { col: 1, content: text.code, style: HEADER },
    { col: 2, lastCol: explanation - 1, content: text.message, style: HEADER },
    ...(explains
      ? [{ col: explanation, lastCol: messageLast, content: text.explanation, style: HEADER }]
      : []),
    { col: firstLink, lastCol: last, content: text.cells, style: HEADER },
  ]);
  if (reviewed.length === 0) {
    s.row(row, [{ col: 0, lastCol: last, content: text.noFindings, style: { italic: true } }]);
    return row + 1;
  }
  for (const r of explains ? openFirst(reviewed) : reviewed) {
    const f = r.finding;
    const settled = r.status === 'explained';
    const style: CellStyle = {
      border: BOX,
      verticalAlignment: 'top',
      ...(settled ? {} : { fill: SEVERITY_COLORS[f.severity].fill }),
    };
    const cells: RowCell[] = [
      { col: 0, content: text.severityName[f.severity], style },
      { col: 1, content: f.code, style },
      { col: 2, lastCol: explanation - 1, content: describe(f, lang), style },
    ];
    if (explains) {
      cells.push({
        col: explanation,
        lastCol: messageLast,
        content: explanationText(r, lang),
        style: settled
          ? { ...style, ...EXPLAINED }
          : r.status === 'stale'
            ? { ...style, italic: true }
            : style,
      });
    }
    for (let k = 0; k < links; k++) {
      const ref = f.cells[k];
      const rest = f.cells.length - links;
      const shown =
        k === links - 1 && rest > 0
          ? `${ref} (${text.moreCells(rest)}: ${f.cells.slice(k + 1).join(', ')})`
          : ref;
      const link = ref ? linkOf(ref) : null;
      cells.push({
        col: firstLink + k,
        content: link ? { value: shown, link } : (shown ?? null),
        style: link ? LINK_STYLE : { border: BOX, verticalAlignment: 'top' },
      });
    }
    row += s.row(row, cells);
  }
  return row;
}
