/**
 * The reconciliation sheet (`Avstemming`): the review at the top (review.ts: findings open and
 * explained, the sign-off), per year the line table (reconciliationYear.ts) and the balance
 * (reconciliationBalance.ts), then every finding with its explanation (findingsTable.ts). This
 * module lays them out one under the other, sizes the columns and sets the sheet up for printing.
 */
import type { Lang } from '../messages';
import type { SheetModel } from '../model';
import type { ReconciliationResult } from '../reconcile/result';
import { findingsTable, linkColumns } from './findingsTable';
import type { LayoutOptions } from './layout';
import { breakKeepsTogether, printSettings } from './page';
import { balanceTable } from './reconciliationBalance';
import {
  columns,
  projectColumnText,
  writeDifferences,
  yearSection,
  type Columns,
  type Pending,
} from './reconciliationYear';
import { reviewBlock, reviewLabels } from './review';
import { SheetBuilder } from './sheetBuilder';
import { COLORS, HEADER } from './style';
import { outputText, type OutputText } from './text';
import { amountText, widthFor, words } from './widths';

export type { LayoutOptions } from './layout';
export { statusFormula } from './reconciliationBalance';

/** External sources that earmark money for a budget line, in the financing sheet's order. */
export function earmarkSources(result: ReconciliationResult): string[] {
  return result.fundingSources.filter((s) => s.earmarksLines).map((s) => s.name);
}

/** Bounds of the text columns' widths (characters): long labels wrap rather than widen the page. */
const LINE_WIDTH = { min: 12, max: 28 };
const PROJECT_WIDTH = { min: 14, max: 30 };
const NUMBER_WIDTH = { min: 10, max: 16 };
/** Points of rows kept in view at most (about a third of a laptop's screen). */
const MAX_FROZEN_HEIGHT = 200;

/**
 * The reconciliation sheet: under the title, how many findings are open and
 * explained and whether the reconciliation is signed off (by whom, when, and
 * what changed since); per year, one row per budget line (budget,
 * earmarked per external source, own-funded, promised, difference, status),
 * a totals row and the year's balance; then every finding, one row each, with
 * a link to each of its cells. Amounts read from the source sheets are formulas
 * on those cells, so the sheet follows edits; promised amounts are values from
 * the register (the register is the master, and it is hidden). Columns are as
 * wide as what they hold, within bounds; every text fits its cell or wraps in a
 * row made tall enough (measure.ts). Printed landscape, one page wide, the
 * column headers on every page.
 */
export function reconciliationSheet(
  result: ReconciliationResult,
  lang: Lang,
  options: LayoutOptions = {},
): SheetModel {
  const text = outputText(lang);
  const s = new SheetBuilder(options.sheetName ?? text.sheets.reconciliation);
  // Without a register no source is known to be external: no earmark columns (notComputed.ts).
  const cols = columns(result.registerFigures ? earmarkSources(result) : []);
  const last = cols.status;

  const headers: [number, string][] = [
    [cols.line, text.line],
    [cols.project, text.project],
    [cols.budget, text.budget],
    ...cols.sources.map((src, i): [number, string] => [cols.firstSource + i, text.earmarkedBy(src)]),
    [cols.own, text.ownFunded],
    [cols.promised, text.promised],
    [cols.difference, text.difference],
    [cols.status, text.status],
  ];
  setWidths(s, result, lang, text, cols, headers);

  let row = 0;
  row += s.row(row, [
    {
      col: 0,
      lastCol: last,
      content: text.reconciliationTitle,
      style: { bold: true, fontSize: 14, fontColor: COLORS.title },
    },
  ]);
  row += s.row(row, [
    {
      col: 0,
      lastCol: last,
      content: text.generated(result.sources.budgetSheet, result.sources.financingSheet),
      style: { italic: true, verticalAlignment: 'top' },
    },
  ]);
  // The review: the findings open and explained, and whether (and by whom) it is signed off.
  row = reviewBlock(s, result.review, lang, row, last);
  const headerRow = row + 1;
  row = headerRow;
  row += s.row(
    row,
    headers.map(([c, h]) => ({
      col: c,
      content: h,
      style: { ...HEADER, horizontalAlignment: c >= cols.budget ? 'right' : 'left' },
    })),
  );

  const pending: Pending = { ownCells: new Map(), rows: [] };
  for (let y = 0; y < result.years.length; y++) {
    const section = yearSection(s, result, y, cols, text, row, pending);
    row = balanceTable(s, result, y, cols, text, section.next, section.totalRow);
  }
  // Differences need every year's own-funded cells (a `totalt` promise spans the years).
  writeDifferences(s, cols, pending, text);

  const findings = row + 1;
  const end = findingsTable(s, result.review.findings, lang, text, row, last);

  const titleRows = { first: headerRow, last: headerRow };
  let across = 0;
  for (let c = 0; c <= last; c++) across += s.widthOf(c);
  // The findings' title, header and first finding on one page: never a title alone at a page's foot.
  const keep = breakKeepsTogether(
    { heightOf: (a, b) => s.heightOf(a, b), widthChars: across },
    'landscape',
    findings,
    Math.min(end - 1, findings + 2),
    titleRows,
  );

  // The rows above the table stay in view, unless a long sign-off block would fill the screen.
  s.frozen(s.heightOf(0, headerRow) <= MAX_FROZEN_HEIGHT ? headerRow + 1 : 0, 1);
  s.printing(printSettings(text, 'landscape', { titleRows, ...(keep ? { rowBreaks: [findings] } : {}) }));
  return s.build();
}

/**
 * Each column as wide as it needs: the line and project columns for their labels (and the
 * findings' severities and codes, which they also hold), within bounds; each amount column for
 * its widest word of header and the largest amount; the last columns also for the findings'
 * cell addresses, which they hold as links.
 */
function setWidths(
  s: SheetBuilder,
  result: ReconciliationResult,
  lang: Lang,
  text: OutputText,
  cols: Columns,
  headers: readonly [number, string][],
): void {
  const bold = { bold: true };
  const headerOf = (c: number) => headers.find(([h]) => h === c)?.[1] ?? '';
  s.width(
    cols.line,
    Math.max(
      widthFor(
        result.lines.map((l) => l.label),
        LINE_WIDTH,
      ),
      widthFor(
        [
          ...words([text.line]),
          ...reviewLabels(lang),
          ...result.findings.map((f) => text.severityName[f.severity]),
        ],
        LINE_WIDTH,
        bold,
      ),
    ),
  );
  const projects = result.lines.map((l) => projectColumnText(result, l.entry, text) ?? '');
  s.width(
    cols.project,
    Math.max(
      widthFor(projects, PROJECT_WIDTH),
      widthFor([...words([text.project]), ...result.findings.map((f) => f.code)], PROJECT_WIDTH, bold),
    ),
  );
  let largest = 0;
  for (const y of Object.values(result.totals))
    largest = Math.max(largest, Math.abs(y.budget), Math.abs(y.financing));
  const amount = amountText(largest);
  for (let c = cols.budget; c < cols.status; c++) {
    s.width(
      c,
      Math.max(widthFor([amount], NUMBER_WIDTH), widthFor(words([headerOf(c)]), NUMBER_WIDTH, bold)),
    );
  }
  s.width(
    cols.status,
    widthFor([...words([text.status]), text.ok, text.deviation, text.overfinanced], NUMBER_WIDTH, bold),
  );
  // The findings' cells: as wide as their addresses, in the columns that hold them.
  const links = linkColumns(result.findings, cols.status);
  for (let k = 0; k < links; k++) {
    const c = cols.status - links + 1 + k;
    const refs = result.findings.map((f) => f.cells[k] ?? '');
    s.width(c, Math.max(s.widthOf(c), widthFor(refs, { min: 0, max: 24 })));
  }
}
