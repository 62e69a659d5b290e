import { cellRef } from '../address';
import { oreToKroner } from '../amount';
import { describe, type Lang } from '../messages';
import type { SheetModel } from '../model';
import type { ReconciliationResult } from '../reconcile/reconcile';
import type { YearFigures } from '../reconcile/figures';
import type { RegisterEntry } from '../register/types';
import { EXCEL_CELL_TEXT_MAX, QUOTE_MAX, shorten } from '../shorten';
import { localSum, sumContent, termOf, type Term } from './amounts';
import { linkOf } from './links';
import { printSettings } from './page';
import { SheetBuilder, type Content, type RowCell } from './sheetBuilder';
import { SEVERITY_COLORS } from './cardStatus';
import { AMOUNT, AMOUNT_FORMAT, BOX, COLORS, HEADER, TOTAL } from './style';
import { amountText, widthFor, words } from './widths';
import { outputText, type OutputText } from './text';

export interface LayoutOptions {
  /** The sheet's name; by default the language's (`Avstemming` / `Reconciliation`). */
  readonly sheetName?: string;
}

/** Column positions of the line table; the earmark columns depend on the sources found. */
interface Columns {
  readonly line: 0;
  readonly project: 1;
  readonly budget: 2;
  /** First earmark column; one per external source. */
  readonly firstSource: 3;
  readonly sources: readonly string[];
  readonly own: number;
  readonly promised: number;
  readonly difference: number;
  readonly status: number;
}

function columns(sources: readonly string[]): Columns {
  const own = 3 + sources.length;
  return {
    line: 0,
    project: 1,
    budget: 2,
    firstSource: 3,
    sources,
    own,
    promised: own + 1,
    difference: own + 2,
    status: own + 3,
  };
}

/** External sources that earmark money for a budget line, in the financing sheet's order. */
export function earmarkSources(result: ReconciliationResult): string[] {
  const seen = new Set<string>();
  for (const item of result.plan.funding) {
    if (item.kind === 'earmark' && !item.own && item.line !== null) seen.add(item.sourceName);
  }
  return [...seen];
}

/** `IF(ABS(E5)<0.005,"OK","Avvik")`: amounts are kroner with at most øre, so half an øre is equality. */
export function statusFormula(diffRef: string, text: OutputText): string {
  return `=IF(ABS(${diffRef})<0.005,"${text.ok}","${text.deviation}")`;
}

/**
 * `1.2 Helsedesign , Arena`; register text, so always a literal. Id and name come from two cells,
 * so together they may exceed what one cell holds: at most `max` characters (a card's title keeps
 * the name whole up to Excel's limit; a table column quotes it shortened).
 */
export function projectLabel(entry: RegisterEntry, max: number = EXCEL_CELL_TEXT_MAX): string {
  return shorten([entry.id, entry.name].filter((s) => s !== '').join(' '), max);
}

/** Bounds of the text columns' widths (characters): long labels wrap rather than widen the page. */
const LINE_WIDTH = { min: 12, max: 28 };
const PROJECT_WIDTH = { min: 14, max: 30 };
const NUMBER_WIDTH = { min: 10, max: 16 };
/** A finding's cells get at most this many link columns. */
const MAX_LINK_COLUMNS = 4;
const LINK_STYLE = { border: BOX, fontColor: '#0563C1', verticalAlignment: 'top' } as const;

/**
 * The reconciliation sheet: per year, one row per budget line (budget,
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
  setWidths(s, result, text, cols, headers);

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

  const ownCells = new Map<string, string[]>();
  const pending: { row: number; key: string; promisedRef: string }[] = [];
  for (const f of result.figures) {
    row = yearSection(s, result, f, cols, text, row, ownCells, pending);
  }
  // Differences need every year's own-funded cells (a `totalt` promise spans the years).
  for (const p of pending) {
    const own = ownCells.get(p.key) ?? [];
    const sum = own.length === 1 ? own[0] : `SUM(${own.join(',')})`;
    // At the top, as the row's other cells (a row made taller by a wrapped label reads from the top).
    s.set(
      p.row,
      cols.difference,
      { formula: `=${sum}-${p.promisedRef}` },
      { ...AMOUNT, verticalAlignment: 'top' },
    );
    s.set(
      p.row,
      cols.status,
      { formula: statusOrOverfinanced(p.row, cols, text) },
      { border: BOX, verticalAlignment: 'top' },
    );
  }

  findingsTable(s, result, lang, text, row, last);

  s.frozen(headerRow + 1, 1);
  s.printing(printSettings(text, 'landscape', { titleRows: { first: headerRow, last: headerRow } }));
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
  text: OutputText,
  cols: Columns,
  headers: readonly [number, string][],
): void {
  const { plan } = result;
  const bold = { bold: true };
  const headerOf = (c: number) => headers.find(([h]) => h === c)?.[1] ?? '';
  s.width(
    cols.line,
    Math.max(
      widthFor(
        plan.lines.map((l) => l.label),
        LINE_WIDTH,
      ),
      widthFor(
        [...words([text.line]), ...result.findings.map((f) => text.severityName[f.severity])],
        LINE_WIDTH,
        bold,
      ),
    ),
  );
  const projects = plan.lines.map((l) => {
    const e = l.entry !== null && plan.index ? plan.index.entry(l.entry) : null;
    return e ? (e.kind === 'project' ? projectLabel(e, QUOTE_MAX) : text.operations) : '';
  });
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
  const links = linkColumns(result, cols.status);
  for (let k = 0; k < links; k++) {
    const c = cols.status - links + 1 + k;
    const refs = result.findings.map((f) => f.cells[k] ?? '');
    s.width(c, Math.max(s.widthOf(c), widthFor(refs, { min: 0, max: 24 })));
  }
}

/** How many columns a finding's cells take at the table's right end (at least one). */
function linkColumns(result: ReconciliationResult, last: number): number {
  let most = 1;
  for (const f of result.findings) most = Math.max(most, f.cells.length);
  // The message keeps at least two columns (from the third): severity and code hold the first two.
  return Math.min(most, MAX_LINK_COLUMNS, last - 3);
}

function statusOrOverfinanced(row: number, cols: Columns, text: OutputText): string {
  const own = cellRef(row, cols.own);
  const diff = cellRef(row, cols.difference);
  return `=IF(${own}<-0.005,"${text.overfinanced}",IF(ABS(${diff})<0.005,"${text.ok}","${text.deviation}"))`;
}

/** One year: a heading row, the lines, the totals row and the balance. Returns the next free row. */
function yearSection(
  s: SheetBuilder,
  result: ReconciliationResult,
  f: YearFigures,
  cols: Columns,
  text: OutputText,
  startRow: number,
  ownCells: Map<string, string[]>,
  pending: { row: number; key: string; promisedRef: string }[],
): number {
  const { plan } = result;
  const year = f.year;
  let row = startRow;
  for (let c = 0; c <= cols.status; c++) s.blank(row, c, { fill: COLORS.sectionFill, bold: true });
  s.row(row, [
    { col: 0, content: text.year(year), style: { fill: COLORS.sectionFill, bold: true, fontSize: 12 } },
  ]);
  row++;

  const first = row;
  plan.lines.forEach((line, i) => {
    const entry = line.entry !== null && plan.index ? plan.index.entry(line.entry) : null;
    const cells: RowCell[] = [
      { col: cols.line, content: line.label, style: { border: BOX } },
      {
        col: cols.project,
        content: entry ? (entry.kind === 'project' ? projectLabel(entry, QUOTE_MAX) : text.operations) : null,
        style: { border: BOX, ...(entry ? {} : { italic: true }) },
      },
      {
        col: cols.budget,
        content: sumContent([termOf(line.amounts.get(year))], f.lineBudget(i)),
        style: AMOUNT,
      },
    ];
    const lf = f.line(i);
    cols.sources.forEach((src, k) => {
      const terms: Term[] = [];
      let ore = 0;
      for (const e of lf.earmarks) {
        const item = plan.funding[e.item];
        if (item.sourceName !== src) continue;
        const t = termOf(item.amounts.get(year));
        if (t) terms.push(t);
        ore += e.amount;
      }
      cells.push({ col: cols.firstSource + k, content: sumContent(terms, ore), style: AMOUNT });
    });
    if (!result.registerFigures) {
      // Own-funded, promised, difference and status need the register: said in words, once per line.
      cells.push({ col: cols.own, content: text.notComputed, style: { border: BOX, italic: true } });
      for (let c = cols.own + 1; c <= cols.status; c++)
        cells.push({ col: c, content: null, style: { border: BOX } });
      row += s.row(row, cells);
      return;
    }
    const budgetRef = cellRef(row, cols.budget);
    const n = cols.sources.length;
    const firstSrc = cellRef(row, cols.firstSource);
    const earmarked =
      n === 1 ? `-${firstSrc}` : n > 1 ? `-SUM(${firstSrc}:${cellRef(row, cols.own - 1)})` : '';
    cells.push({ col: cols.own, content: { formula: `=${budgetRef}${earmarked}` }, style: AMOUNT });

    if (entry && entry.kind === 'project' && entry.contribution !== null && line.entry !== null) {
      cells.push({ col: cols.promised, content: { value: oreToKroner(entry.contribution) }, style: AMOUNT });
      // Filled in once every year's own-funded cells are known (see reconciliationSheet).
      cells.push({ col: cols.difference, content: null, style: AMOUNT });
      cells.push({ col: cols.status, content: null, style: { border: BOX } });
      // Per year: this year's lines of the project; in total: every year's.
      const key = entry.basis === 'totalt' ? `${line.entry}` : `${line.entry}@${year}`;
      const list = ownCells.get(key) ?? [];
      list.push(cellRef(row, cols.own));
      ownCells.set(key, list);
      pending.push({ row, key, promisedRef: cellRef(row, cols.promised) });
    } else {
      cells.push({ col: cols.promised, content: null, style: AMOUNT });
      cells.push({ col: cols.difference, content: null, style: AMOUNT });
      cells.push(
        entry === null && plan.index
          ? { col: cols.status, content: text.unknownLine, style: { border: BOX, italic: true } }
          : {
              col: cols.status,
              content: {
                formula: `=IF(${cellRef(row, cols.own)}<-0.005,"${text.overfinanced}","${text.ok}")`,
              },
              style: { border: BOX },
            },
      );
    }
    row += s.row(row, cells);
  });
  const lastLine = row - 1;

  const totalRow = row;
  const summed = [cols.budget, ...cols.sources.map((_, k) => cols.firstSource + k)];
  const sums = result.registerFigures ? [...summed, cols.own] : summed;
  const totals: RowCell[] = [
    { col: cols.line, content: `${text.total} ${year}`, style: TOTAL },
    { col: cols.project, content: null, style: TOTAL },
    ...sums.map((c) => ({
      col: c,
      content: { formula: `=${localSum(c, first, lastLine)}` },
      style: { ...TOTAL, numberFormat: AMOUNT_FORMAT },
    })),
    ...(result.registerFigures
      ? []
      : [{ col: cols.own, content: text.notComputed, style: { ...TOTAL, italic: true } }]),
    ...[cols.promised, cols.difference, cols.status].map((c) => ({ col: c, content: null, style: TOTAL })),
  ];
  row += s.row(totalRow, totals);
  if (lastLine >= first) lineFormats(s, cols, first, lastLine, text);
  row++;

  return balance(s, result, f, cols, text, row, totalRow);
}

function lineFormats(s: SheetBuilder, cols: Columns, first: number, last: number, text: OutputText): void {
  const diff = cellRef(first, cols.difference);
  const status = cellRef(first, cols.status);
  s.conditional({
    range: `${diff}:${cellRef(last, cols.difference)}`,
    formula: `AND(ISNUMBER(${diff}),ABS(${diff})>=0.005)`,
    fill: COLORS.badFill,
    fontColor: COLORS.badFont,
  });
  statusFormats(s, `${status}:${cellRef(last, cols.status)}`, status, text);
}

function statusFormats(s: SheetBuilder, range: string, topLeft: string, text: OutputText): void {
  s.conditional({
    range,
    formula: `${topLeft}="${text.ok}"`,
    fill: COLORS.goodFill,
    fontColor: COLORS.goodFont,
  });
  s.conditional({
    range,
    formula: `OR(${topLeft}="${text.deviation}",${topLeft}="${text.overfinanced}")`,
    fill: COLORS.badFill,
    fontColor: COLORS.badFont,
    bold: true,
  });
}

/**
 * The year's balance: budget against financing and the stated sums, own-funded
 * against own sources, and each memo row against what it restates.
 */
function balance(
  s: SheetBuilder,
  result: ReconciliationResult,
  f: YearFigures,
  cols: Columns,
  text: OutputText,
  startRow: number,
  totalRow: number,
): number {
  const { plan } = result;
  const B = { label: 0, against: 1, amount: 2, other: 3, diff: 4, status: 5 };
  let row = startRow;
  const headers = [
    text.balanceTitle(f.year),
    text.comparedWith,
    text.amount,
    text.comparedWith,
    text.difference,
    text.status,
  ];
  row += s.row(
    row,
    headers.map((h, c) => ({
      col: c,
      content: h,
      style: { ...HEADER, horizontalAlignment: c >= 2 && c < B.status ? 'right' : 'left' },
    })),
  );
  const first = row;

  const addRow = (label: string, against: string, amount: Content | null, other: Content | null) => {
    const at = row;
    const diff = cellRef(at, B.diff);
    row += s.row(at, [
      { col: B.label, content: label, style: { border: BOX } },
      { col: B.against, content: against, style: { border: BOX } },
      { col: B.amount, content: amount ?? { value: 0 }, style: AMOUNT },
      { col: B.other, content: other ?? { value: 0 }, style: AMOUNT },
      {
        col: B.diff,
        content: { formula: `=${cellRef(at, B.amount)}-${cellRef(at, B.other)}` },
        style: AMOUNT,
      },
      { col: B.status, content: { formula: statusFormula(diff, text) }, style: { border: BOX } },
    ]);
    return at;
  };

  const year = f.year;
  const fundingTerms = plan.funding.map((item) => termOf(item.amounts.get(year)));
  const budgetTotal = { formula: `=${cellRef(totalRow, cols.budget)}` };
  const financingRow = addRow(
    text.budgetVsFinancing,
    text.financingRows,
    budgetTotal,
    sumContent(fundingTerms, f.financing),
  );
  if (f.statedBudget) {
    addRow(text.budgetVsStated, text.statedSum, budgetTotal, sumContent([termOf(f.statedBudget)], 0));
  }
  if (f.statedFinancing) {
    addRow(
      text.financingVsStated,
      text.statedSum,
      { formula: `=${cellRef(financingRow, B.other)}` },
      sumContent([termOf(f.statedFinancing)], 0),
    );
  }
  if (!result.registerFigures) {
    // Own sources need the register: the comparison is named, and said not to be computed.
    row += s.row(row, [
      { col: B.label, content: text.ownFundedVsOwnSources, style: { border: BOX } },
      { col: B.against, content: text.ownSources, style: { border: BOX } },
      { col: B.amount, content: text.notComputed, style: { border: BOX, italic: true } },
      ...[B.other, B.diff, B.status].map((c) => ({ col: c, content: null, style: { border: BOX } })),
    ]);
  } else {
    const ownTerms = plan.funding.map((item) => (item.own ? termOf(item.amounts.get(year)) : null));
    const ownRow = addRow(
      text.ownFundedVsOwnSources,
      text.ownSources,
      { formula: `=${cellRef(totalRow, cols.own)}` },
      sumContent(ownTerms, f.ownSources),
    );
    for (const memo of plan.memos) {
      const cell = memo.amounts.get(year);
      if (memo.source?.kind !== 'memo' || !cell) continue;
      addRow(text.memoVsOwnSources(memo.label), text.ownSources, sumContent([termOf(cell)], cell.ore), {
        formula: `=${cellRef(ownRow, B.other)}`,
      });
    }
  }
  const last = row - 1;
  const diff = cellRef(first, B.diff);
  s.conditional({
    range: `${diff}:${cellRef(last, B.diff)}`,
    formula: `ABS(${diff})>=0.005`,
    fill: COLORS.badFill,
    fontColor: COLORS.badFont,
  });
  statusFormats(s, `${cellRef(first, B.status)}:${cellRef(last, B.status)}`, cellRef(first, B.status), text);
  return row + 1;
}

/**
 * Every finding, one row each: severity, code, message, and its cells at the right end, each a
 * link in a cell of its own (a finding with more cells than there are link columns lists the
 * rest in its last link cell, which links to the first of them).
 */
function findingsTable(
  s: SheetBuilder,
  result: ReconciliationResult,
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
  const links = linkColumns(result, last);
  const firstLink = last - links + 1;
  const messageLast = firstLink - 1;
  row += s.row(row, [
    { col: 0, content: text.severity, style: HEADER },
    { col: 1, content: text.code, style: HEADER },
    { col: 2, lastCol: messageLast, content: text.message, style: HEADER },
    { col: firstLink, lastCol: last, content: text.cells, style: HEADER },
  ]);
  if (result.findings.length === 0) {
    s.row(row, [{ col: 0, lastCol: last, content: text.noFindings, style: { italic: true } }]);
    return row + 1;
  }
  for (const f of result.findings) {
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
