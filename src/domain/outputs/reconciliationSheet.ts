import { cellRef } from '../address';
import { oreToKroner } from '../amount';
import { describe, type Lang } from '../messages';
import type { SheetModel } from '../model';
import type { ReconciliationResult } from '../reconcile/reconcile';
import type { YearFigures } from '../reconcile/figures';
import type { RegisterEntry } from '../register/types';
import { EXCEL_CELL_TEXT_MAX, QUOTE_MAX, shorten } from '../shorten';
import { localSum, sumContent, termOf, type Term } from './amounts';
import { linkOf, wrappedHeight } from './links';
import { SheetBuilder, type Content } from './sheetBuilder';
import { AMOUNT, AMOUNT_FORMAT, BOX, COLORS, HEADER, TOTAL } from './style';
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

/**
 * The reconciliation sheet: per year, one row per budget line (budget,
 * earmarked per external source, own-funded, promised, difference, status),
 * a totals row and the year's balance; then every finding with a link to
 * its cells. Amounts read from the source sheets are formulas on those
 * cells, so the sheet follows edits; promised amounts are values from the
 * register (the register is the master, and it is hidden).
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

  s.text(0, 0, text.reconciliationTitle, { bold: true, fontSize: 14, fontColor: COLORS.title });
  s.text(1, 0, text.generated(result.sources.budgetSheet, result.sources.financingSheet), {
    italic: true,
    wrapText: true,
    verticalAlignment: 'top',
  });
  s.merge(1, 0, last);
  s.height(1, 32);

  const headerRow = 3;
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
  for (const [c, h] of headers) {
    s.text(headerRow, c, h, { ...HEADER, horizontalAlignment: c >= cols.budget ? 'right' : 'left' });
  }
  s.width(cols.line, 30);
  s.width(cols.project, 34);
  for (let c = cols.budget; c <= last; c++) s.width(c, c === cols.status ? 14 : 15);
  // Tall enough for the longest wrapped header (`Øremerket fra Akershus fylkeskommune` takes three lines).
  s.height(headerRow, Math.max(32, ...headers.map(([c, h]) => wrappedHeight(h, c >= cols.budget ? 14 : 30))));

  let row = headerRow + 1;
  const ownCells = new Map<string, string[]>();
  const pending: { row: number; key: string; promisedRef: string }[] = [];
  for (const f of result.figures) {
    row = yearSection(s, result, f, cols, text, row, ownCells, pending);
  }
  // Differences need every year's own-funded cells (a `totalt` promise spans the years).
  for (const p of pending) {
    const own = ownCells.get(p.key) ?? [];
    const sum = own.length === 1 ? own[0] : `SUM(${own.join(',')})`;
    s.set(p.row, cols.difference, { formula: `=${sum}-${p.promisedRef}` }, AMOUNT);
    s.set(p.row, cols.status, { formula: statusOrOverfinanced(p.row, cols, text) }, { border: BOX });
  }

  findingsTable(s, result, lang, text, row, last);

  s.frozen(headerRow + 1, 1);
  s.printing({
    paperSize: 'A4',
    orientation: 'landscape',
    fitToWidth: true,
    titleRows: { first: headerRow, last: headerRow },
  });
  return s.build();
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
  s.text(row, 0, text.year(year), { fill: COLORS.sectionFill, bold: true, fontSize: 12 });
  row++;

  const first = row;
  plan.lines.forEach((line, i) => {
    const entry = line.entry !== null && plan.index ? plan.index.entry(line.entry) : null;
    s.text(row, cols.line, line.label, { border: BOX });
    s.text(
      row,
      cols.project,
      entry ? (entry.kind === 'project' ? projectLabel(entry, QUOTE_MAX) : text.operations) : null,
      {
        border: BOX,
        ...(entry ? {} : { italic: true }),
      },
    );
    const budget = sumContent([termOf(line.amounts.get(year))], f.lineBudget(i));
    if (budget) s.set(row, cols.budget, budget, AMOUNT);
    else s.blank(row, cols.budget, AMOUNT);

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
      const content = sumContent(terms, ore);
      if (content) s.set(row, cols.firstSource + k, content, AMOUNT);
      else s.blank(row, cols.firstSource + k, AMOUNT);
    });
    if (!result.registerFigures) {
      // Own-funded, promised, difference and status need the register: said in words, once per line.
      s.text(row, cols.own, text.notComputed, { border: BOX, italic: true });
      for (let c = cols.own + 1; c <= cols.status; c++) s.blank(row, c, { border: BOX });
      row++;
      return;
    }
    const budgetRef = cellRef(row, cols.budget);
    const n = cols.sources.length;
    const firstSrc = cellRef(row, cols.firstSource);
    const earmarked =
      n === 1 ? `-${firstSrc}` : n > 1 ? `-SUM(${firstSrc}:${cellRef(row, cols.own - 1)})` : '';
    s.set(row, cols.own, { formula: `=${budgetRef}${earmarked}` }, AMOUNT);

    if (entry && entry.kind === 'project' && entry.contribution !== null && line.entry !== null) {
      s.set(row, cols.promised, { value: oreToKroner(entry.contribution) }, AMOUNT);
      // Per year: this year's lines of the project; in total: every year's.
      const key = entry.basis === 'totalt' ? `${line.entry}` : `${line.entry}@${year}`;
      const list = ownCells.get(key) ?? [];
      list.push(cellRef(row, cols.own));
      ownCells.set(key, list);
      pending.push({ row, key, promisedRef: cellRef(row, cols.promised) });
    } else {
      s.blank(row, cols.promised, AMOUNT);
      s.blank(row, cols.difference, AMOUNT);
      if (entry === null && plan.index)
        s.text(row, cols.status, text.unknownLine, { border: BOX, italic: true });
      else
        s.set(
          row,
          cols.status,
          { formula: `=IF(${cellRef(row, cols.own)}<-0.005,"${text.overfinanced}","${text.ok}")` },
          { border: BOX },
        );
    }
    row++;
  });
  const lastLine = row - 1;

  const totalRow = row;
  s.text(totalRow, cols.line, `${text.total} ${year}`, TOTAL);
  s.blank(totalRow, cols.project, TOTAL);
  if (!result.registerFigures) s.text(totalRow, cols.own, text.notComputed, { ...TOTAL, italic: true });
  const summed = [cols.budget, ...cols.sources.map((_, k) => cols.firstSource + k)];
  for (const c of result.registerFigures ? [...summed, cols.own] : summed) {
    s.set(
      totalRow,
      c,
      { formula: `=${localSum(c, first, lastLine)}` },
      { ...TOTAL, numberFormat: AMOUNT_FORMAT },
    );
  }
  for (const c of [cols.promised, cols.difference, cols.status]) s.blank(totalRow, c, TOTAL);
  if (lastLine >= first) lineFormats(s, cols, first, lastLine, text);
  row = totalRow + 2;

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
  ];
  headers.forEach((h, c) => s.text(row, c, h, { ...HEADER, horizontalAlignment: c >= 2 ? 'right' : 'left' }));
  s.text(row, B.status, text.status, HEADER);
  row++;
  const first = row;

  const addRow = (label: string, against: string, amount: Content | null, other: Content | null) => {
    s.text(row, B.label, label, { border: BOX });
    s.text(row, B.against, against, { border: BOX });
    s.set(row, B.amount, amount ?? { value: 0 }, AMOUNT);
    s.set(row, B.other, other ?? { value: 0 }, AMOUNT);
    const diff = cellRef(row, B.diff);
    s.set(row, B.diff, { formula: `=${cellRef(row, B.amount)}-${cellRef(row, B.other)}` }, AMOUNT);
    s.set(row, B.status, { formula: statusFormula(diff, text) }, { border: BOX });
    return row++;
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
    s.text(row, B.label, text.ownFundedVsOwnSources, { border: BOX });
    s.text(row, B.against, text.ownSources, { border: BOX });
    s.text(row, B.amount, text.notComputed, { border: BOX, italic: true });
    for (let c = B.other; c <= B.status; c++) s.blank(row, c, { border: BOX });
    row++;
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

const SEVERITY_FILL = { error: COLORS.badFill, warning: '#FFEB9C', info: undefined } as const;

/** Every finding: severity, code, message, and a link to each of its cells (one row per cell). */
function findingsTable(
  s: SheetBuilder,
  result: ReconciliationResult,
  lang: Lang,
  text: OutputText,
  startRow: number,
  last: number,
): number {
  let row = startRow + 1;
  s.text(row, 0, text.findingsTitle, { bold: true, fontSize: 12, fontColor: COLORS.title });
  row++;
  const messageLast = Math.max(2, last - 1);
  const cellCol = messageLast + 1;
  s.text(row, 0, text.severity, HEADER);
  s.text(row, 1, text.code, HEADER);
  s.text(row, 2, text.message, HEADER);
  for (let c = 3; c <= messageLast; c++) s.blank(row, c, HEADER);
  s.merge(row, 2, messageLast);
  s.text(row, cellCol, text.cell, HEADER);
  row++;
  if (result.findings.length === 0) {
    s.text(row, 0, text.noFindings, { italic: true });
    return row + 1;
  }
  // Width of the merged message block in characters (columns of 15, the sheet's amount width).
  const messageWidth = (messageLast - 1) * 15;
  for (const f of result.findings) {
    const fill = SEVERITY_FILL[f.severity];
    const style = { border: BOX, verticalAlignment: 'top' as const, ...(fill ? { fill } : {}) };
    const message = describe(f, lang);
    s.text(row, 0, text.severityName[f.severity], style);
    s.text(row, 1, f.code, style);
    s.text(row, 2, message, { ...style, wrapText: true });
    for (let c = 3; c <= messageLast; c++) s.blank(row, c, style);
    s.merge(row, 2, messageLast);
    s.height(row, wrappedHeight(message, messageWidth));
    const cells = f.cells.length > 0 ? f.cells : [''];
    cells.forEach((ref, k) => {
      const link = ref ? linkOf(ref) : null;
      const r = row + k;
      if (k > 0) for (let c = 0; c <= messageLast; c++) s.blank(r, c, { border: BOX });
      if (link)
        s.set(
          r,
          cellCol,
          { value: ref, link },
          { border: BOX, fontColor: '#0563C1', verticalAlignment: 'top' },
        );
      else s.text(r, cellCol, ref || null, { border: BOX, verticalAlignment: 'top' });
    });
    row += cells.length;
  }
  return row;
}
