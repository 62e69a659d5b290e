/**
 * One year's section of the reconciliation sheet: a heading row, a row per budget line (budget,
 * earmarked per external source, own-funded, promised, difference, status) and the totals row.
 * Amounts read from the source sheets are formulas on their cells; the promise is a value from
 * the register. Differences wait until every year's own-funded cells are known (a `totalt`
 * promise spans the years): the section records them in `Pending`.
 */
import { cellRef } from '../address';
import { oreToKroner } from '../amount';
import type { ReconciliationResult } from '../reconcile/result';
import { QUOTE_MAX } from '../shorten';
import { localSum, sumContent, termOf, type Term } from './amounts';
import { projectLabel } from './layout';
import type { RowCell, SheetBuilder } from './sheetBuilder';
import { AMOUNT, AMOUNT_FORMAT, BOX, COLORS, TOTAL } from './style';
import type { OutputText } from './text';

/** Column positions of the line table; the earmark columns depend on the sources found. */
export interface Columns {
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

export function columns(sources: readonly string[]): Columns {
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

/**
 * The own-funded cells of each promise (by `entry`, or `entry@year` for a promise per year), and
 * the rows whose difference and status are written once all of them are known.
 */
export interface Pending {
  readonly ownCells: Map<string, string[]>;
  readonly rows: { readonly row: number; readonly key: string; readonly promisedRef: string }[];
}

/** The project column's text for a line: its project, `Drift` for an operations line, null when unknown. */
export function projectColumnText(
  result: ReconciliationResult,
  entry: number | null,
  text: OutputText,
): string | null {
  const e = entry === null ? undefined : result.entries[entry]?.fields;
  if (e === undefined) return null;
  return e.kind === 'project' ? projectLabel(e, QUOTE_MAX) : text.operations;
}

/**
 * Year `y` (an index into `result.years`) from `startRow`: the heading, the lines and the totals
 * row. Returns the totals row and the next free row.
 */
export function yearSection(
  s: SheetBuilder,
  result: ReconciliationResult,
  y: number,
  cols: Columns,
  text: OutputText,
  startRow: number,
  pending: Pending,
): { readonly totalRow: number; readonly next: number } {
  const year = result.years[y];
  let row = startRow;
  for (let c = 0; c <= cols.status; c++) s.blank(row, c, { fill: COLORS.sectionFill, bold: true });
  s.row(row, [
    { col: 0, content: text.year(year), style: { fill: COLORS.sectionFill, bold: true, fontSize: 12 } },
  ]);
  row++;

  const first = row;
  for (const line of result.lines) {
    const ly = line.years[y];
    const entry = line.entry === null ? null : (result.entries[line.entry]?.fields ?? null);
    const cells: RowCell[] = [
      { col: cols.line, content: line.label, style: { border: BOX } },
      {
        col: cols.project,
        content: projectColumnText(result, line.entry, text),
        style: { border: BOX, ...(entry ? {} : { italic: true }) },
      },
      { col: cols.budget, content: sumContent([termOf(ly.budgetCell)], ly.budget), style: AMOUNT },
    ];
    cols.sources.forEach((src, k) => {
      const terms: Term[] = [];
      let ore = 0;
      for (const e of ly.earmarks) {
        if (e.source !== src) continue;
        const t = termOf(e.cell);
        if (t) terms.push(t);
        ore += e.cell.ore;
      }
      cells.push({ col: cols.firstSource + k, content: sumContent(terms, ore), style: AMOUNT });
    });
    if (!result.registerFigures) {
      // Own-funded, promised, difference and status need the register: said in words, once per line.
      cells.push({ col: cols.own, content: text.notComputed, style: { border: BOX, italic: true } });
      for (let c = cols.own + 1; c <= cols.status; c++)
        cells.push({ col: c, content: null, style: { border: BOX } });
      row += s.row(row, cells);
      continue;
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
      const list = pending.ownCells.get(key) ?? [];
      list.push(cellRef(row, cols.own));
      pending.ownCells.set(key, list);
      pending.rows.push({ row, key, promisedRef: cellRef(row, cols.promised) });
    } else {
      cells.push({ col: cols.promised, content: null, style: AMOUNT });
      cells.push({ col: cols.difference, content: null, style: AMOUNT });
      cells.push(
        entry === null && result.register !== null
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
  }
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
  return { totalRow, next: row + 1 };
}

/**
 * A promise's difference and status, once every year's own-funded cells are known: the sum of
 * the promise's own-funded cells (this year's, or every year's for `totalt`) minus the promise.
 */
export function writeDifferences(s: SheetBuilder, cols: Columns, pending: Pending, text: OutputText): void {
  for (const p of pending.rows) {
    const own = pending.ownCells.get(p.key) ?? [];
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
}

function statusOrOverfinanced(row: number, cols: Columns, text: OutputText): string {
  const own = cellRef(row, cols.own);
  const diff = cellRef(row, cols.difference);
  return `=IF(${own}<-0.005,"${text.overfinanced}",IF(ABS(${diff})<0.005,"${text.ok}","${text.deviation}"))`;
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

/** OK in green; a deviation or an overfinanced line in red, bold. */
export function statusFormats(s: SheetBuilder, range: string, topLeft: string, text: OutputText): void {
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
