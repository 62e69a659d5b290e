/**
 * The findings under the reconciliation sheet's years: one row each (severity, code, message in
 * the sheet's language) with its cells at the table's right end, each a link in a cell of its
 * own.
 */
import type { Finding } from '../findings';
import { describe, type Lang } from '../messages';
import { SEVERITY_COLORS } from './cardStatus';
import { linkOf } from './links';
import type { RowCell, SheetBuilder } from './sheetBuilder';
import { BOX, COLORS, HEADER } from './style';
import type { OutputText } from './text';

/** A finding's cells get at most this many link columns. */
const MAX_LINK_COLUMNS = 4;
const LINK_STYLE = { border: BOX, fontColor: '#0563C1', verticalAlignment: 'top' } as const;

/** How many columns the findings' cells take at the table's right end (at least one); `last` is its last column. */
export function linkColumns(findings: readonly Finding[], last: number): number {
  let most = 1;
  for (const f of findings) most = Math.max(most, f.cells.length);
  // The message keeps at least two columns (from the third): severity and code hold the first two.
  return Math.min(most, MAX_LINK_COLUMNS, last - 3);
}

/**
 * Every finding from `startRow` (after a blank row), across columns 0..`last`. A finding with
 * more cells than there are link columns lists the rest in its last link cell, which links to
 * the first of them. Returns the next free row.
 */
export function findingsTable(
  s: SheetBuilder,
  findings: readonly Finding[],
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
  const links = linkColumns(findings, last);
  const firstLink = last - links + 1;
  const messageLast = firstLink - 1;
  row += s.row(row, [
    { col: 0, content: text.severity, style: HEADER },
    { col: 1, content: text.code, style: HEADER },
    { col: 2, lastCol: messageLast, content: text.message, style: HEADER },
    { col: firstLink, lastCol: last, content: text.cells, style: HEADER },
  ]);
  if (findings.length === 0) {
    s.row(row, [{ col: 0, lastCol: last, content: text.noFindings, style: { italic: true } }]);
    return row + 1;
  }
  for (const f of findings) {
    const colors = SEVERITY_COLORS[f.severity];
    const style = { border: BOX, verticalAlignment: 'top' as const, fill: colors.fill };
    const cells: RowCell[] = [
      { col: 0, content: text.severityName[f.severity], style },
      { col: 1, content: f.code, style },
      { col: 2, lastCol: messageLast, content: describe(f, lang), style },
    ];
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
