/**
 * The summary (`Sammendrag`), from the result contract: budget, earmarked and own-funded by focus
 * area (with a column chart), financing by source, the council's own projects, and the review's
 * sign-offs (signOffHistory.ts).
 */
import { cellRef, columnLetters, quoteSheetName } from '../address';
import { oreToKroner } from '../amount';
import type { Lang } from '../messages';
import { normalizeLabel } from '../match';
import type { SheetModel } from '../model';
import type { LineResult, ReconciliationResult } from '../reconcile/result';
import { shorten } from '../shorten';
import { localSum, sumContent, termOf, type Term } from './amounts';
import { projectLabel, type LayoutOptions } from './layout';
import { printSettings } from './page';
import { reviewLabels } from './review';
import { reviewOutputText } from './reviewText';
import { SIGN_OFF_COLUMNS, signOffSection } from './signOffHistory';
import { SheetBuilder, type RowCell } from './sheetBuilder';
import { AMOUNT, BOX, COLORS, HEADER, TOTAL, AMOUNT_FORMAT } from './style';
import { outputText, type OutputText } from './text';
import { amountText, widthFor, words } from './widths';

/**
 * The council's own projects: register projects whose owner is one of the
 * register's own funding sources (by name or alias, compared as labels are).
 * DOMAIN.md says the seed's section 3 ("Oppsummering egeninitierte
 * prosjekter") lists exactly these; it does not quite: it lists 1.2, 2.1,
 * 2.2, 3.2 and 4.1, while the plan names SNR as owner of 1.2, 1.3, 1.4, 2.1,
 * 3.2 and 4.1 (2.2 is owned by Campus Kjeller AS; 1.3 and 1.4 are SNR's
 * pre-studies). The rule follows the register, which the user can edit.
 */
export function ownProjects(result: ReconciliationResult): number[] {
  const register = result.register;
  if (!register) return [];
  const owners = new Set<string>();
  for (const src of register.sources) {
    if (src.kind !== 'own') continue;
    for (const n of [src.name, ...src.aliases]) owners.add(normalizeLabel(n));
  }
  const out: number[] = [];
  for (const p of result.projects) {
    const owner = p.fields.owner;
    if (owner !== '' && owners.has(normalizeLabel(owner))) out.push(p.entry);
  }
  return out;
}

/**
 * The summary: budget, earmarked and own-funded by focus area, financing by
 * source, and the council's own projects; totals as SUM formulas, amounts as
 * formulas on the source sheets, and a column chart of the budget by focus
 * area fed by those cells. Last, the review: the findings open and explained,
 * the sign-off state, and every sign-off, newest first.
 */
export function summarySheet(
  result: ReconciliationResult,
  lang: Lang,
  options: LayoutOptions = {},
): SheetModel {
  const text = outputText(lang);
  const s = new SheetBuilder(options.sheetName ?? text.sheets.summary);
  const yearCols = Math.max(3 * result.years.length, 5);
  setWidths(s, result, lang, text, yearCols);
  s.row(0, [
    {
      col: 0,
      lastCol: 1 + yearCols,
      content: text.summaryTitle,
      style: { bold: true, fontSize: 14, fontColor: COLORS.title },
    },
  ]);

  let row = byArea(s, result, text, 2);
  row = bySource(s, result, text, row + 1);
  row = ownProjectsTable(s, result, text, row + 1, 1 + yearCols);
  // The sign-offs on a page of their own: the board's record of who approved what, never split
  // from its title by the figures above.
  const review = row + 1;
  signOffSection(s, result.review, lang, review, Math.max(1 + yearCols, SIGN_OFF_COLUMNS - 1));
  s.printing(printSettings(text, 'landscape', { rowBreaks: [review] }));
  return s.build();
}

/**
 * Columns as wide as what they hold, within bounds (widths.ts): the first for the focus areas,
 * sources and own projects' names (longer ones wrap); the others for their header words and the
 * largest amount.
 */
function setWidths(
  s: SheetBuilder,
  result: ReconciliationResult,
  lang: Lang,
  text: OutputText,
  yearCols: number,
): void {
  const bold = { bold: true };
  const names = [
    ...result.projects.map((p) => p.fields.area),
    ...result.fundingSources.map((src) => src.name),
    ...ownProjects(result).map((i) => projectLabel(result.entries[i].fields)),
    ...result.review.state.signOffs.map((signed) => shorten(signed.by)),
    text.operationsAndOther,
  ];
  const first = { min: 24, max: 40 };
  const labels = [
    text.area,
    text.source,
    text.project,
    reviewOutputText(lang).signedBy,
    ...reviewLabels(lang),
  ];
  s.width(0, Math.max(widthFor(names, first), widthFor(words(labels), first, bold)));
  let largest = 0;
  for (const y of Object.values(result.totals))
    largest = Math.max(largest, Math.abs(y.budget), Math.abs(y.financing));
  const amount = amountText(largest);
  const headers = [text.budget, text.earmarked, text.ownFunded, text.projects, text.kind, text.contribution];
  const number = { min: 10, max: 16 };
  const width = Math.max(
    widthFor([amount, text.own, text.external, text.unregistered], number),
    widthFor([...words(headers), ...result.years.map(String)], number, bold),
  );
  for (let c = 1; c < 2 + yearCols; c++) s.width(c, width);
}

function sectionTitle(s: SheetBuilder, row: number, title: string): void {
  s.row(row, [{ col: 0, content: title, style: { bold: true, fontSize: 12, fontColor: COLORS.title } }]);
}

/** Budget, earmarked and own-funded per focus area and year; operations and unknown lines in one row. */
function byArea(s: SheetBuilder, result: ReconciliationResult, text: OutputText, start: number): number {
  if (!result.registerFigures) {
    // Focus areas, earmarks and own funding all come from the register: said, not shown as 0.
    sectionTitle(s, start, text.byArea);
    s.row(start + 1, [{ col: 0, content: text.notComputed, style: { italic: true } }]);
    return start + 3;
  }
  const areas: string[] = [];
  const count = new Map<string, number>();
  for (const p of result.projects) {
    const area = p.fields.area;
    if (!count.has(area)) areas.push(area);
    count.set(area, (count.get(area) ?? 0) + 1);
  }
  const OTHER = '\u0000other';
  // Each group's lines, in the sheet's order, found in one pass over the lines.
  const linesOf = new Map<string, LineResult[]>(areas.map((a) => [a, []]));
  for (const line of result.lines) {
    const e = line.entry === null ? undefined : result.entries[line.entry]?.fields;
    const group = e !== undefined && e.kind === 'project' ? e.area : OTHER;
    const list = linesOf.get(group);
    if (list) list.push(line);
    else linesOf.set(group, [line]);
  }
  const groups = [...areas];
  if (linesOf.has(OTHER)) groups.push(OTHER);

  sectionTitle(s, start, text.byArea);
  const header = start + 1;
  s.row(header, [
    { col: 0, content: text.area, style: HEADER },
    { col: 1, content: text.projects, style: { ...HEADER, horizontalAlignment: 'right' } },
    ...result.years.flatMap((year, y) =>
      [text.budget, text.earmarked, text.ownFunded].map((h, k) => ({
        col: 2 + 3 * y + k,
        content: `${h} ${year}`,
        style: { ...HEADER, horizontalAlignment: 'right' as const },
      })),
    ),
  ]);
  let row = header + 1;
  const first = row;
  // Each year's budget per group, in kroner: the chart's copy of the cells it is fed by.
  const budgets: number[][] = result.years.map(() => []);
  for (const g of groups) {
    const cells: RowCell[] = [
      {
        col: 0,
        content: g === OTHER ? text.operationsAndOther : g,
        style: { border: BOX, italic: g === OTHER },
      },
      {
        col: 1,
        content: { value: g === OTHER ? null : (count.get(g) ?? 0) },
        style: { ...AMOUNT, numberFormat: '0' },
      },
    ];
    result.years.forEach((_, y) => {
      const budget: (Term | null)[] = [];
      const earmarked: (Term | null)[] = [];
      let bOre = 0;
      let eOre = 0;
      for (const line of linesOf.get(g) ?? []) {
        const ly = line.years[y];
        budget.push(termOf(ly.budgetCell));
        bOre += ly.budget;
        for (const em of ly.earmarks) {
          earmarked.push(termOf(em.cell));
          eOre += em.cell.ore;
        }
      }
      const c = 2 + 3 * y;
      budgets[y].push(oreToKroner(bOre));
      cells.push(
        { col: c, content: sumContent(budget, bOre) ?? { value: 0 }, style: AMOUNT },
        { col: c + 1, content: sumContent(earmarked, eOre) ?? { value: 0 }, style: AMOUNT },
        { col: c + 2, content: { formula: `=${cellRef(row, c)}-${cellRef(row, c + 1)}` }, style: AMOUNT },
      );
    });
    row += s.row(row, cells);
  }
  const last = row - 1;
  s.text(row, 0, text.total, TOTAL);
  for (let c = 1; c < 2 + 3 * result.years.length; c++) {
    s.set(
      row,
      c,
      { formula: `=${localSum(c, first, last)}` },
      { ...TOTAL, numberFormat: c === 1 ? '0' : AMOUNT_FORMAT },
    );
  }
  if (last >= first && result.years.length > 0) {
    const sheet = quoteSheetName(s.name);
    s.chart({
      type: 'column',
      title: text.chartTitle,
      categories: `${sheet}!$A$${first + 1}:$A$${last + 1}`,
      series: result.years.map((year, y) => {
        const col = columnLetters(2 + 3 * y);
        return {
          name: `${text.budget} ${year}`,
          values: `${sheet}!$${col}$${first + 1}:$${col}$${last + 1}`,
          cache: budgets[y],
        };
      }),
      anchor: { row: start, col: 3 + 3 * result.years.length },
    });
  }
  return row + 2;
}

/** Financing per source and year: the source's own rows and the rows earmarked under it. */
function bySource(s: SheetBuilder, result: ReconciliationResult, text: OutputText, start: number): number {
  const kindText = { own: text.own, external: text.external, unregistered: text.unregistered } as const;
  sectionTitle(s, start, text.bySource);
  const header = start + 1;
  s.row(header, [
    { col: 0, content: text.source, style: HEADER },
    { col: 1, content: text.kind, style: HEADER },
    ...result.years.map((year, y) => ({
      col: 2 + y,
      content: `${year}`,
      style: { ...HEADER, horizontalAlignment: 'right' as const },
    })),
  ]);
  let row = header + 1;
  const first = row;
  for (const source of result.fundingSources) {
    const cells: RowCell[] = [
      { col: 0, content: source.name, style: { border: BOX } },
      { col: 1, content: kindText[source.kind], style: { border: BOX } },
    ];
    source.years.forEach(({ amount, cells: from }, y) => {
      cells.push({
        col: 2 + y,
        content: sumContent(from.map(termOf), amount) ?? { value: 0 },
        style: AMOUNT,
      });
    });
    row += s.row(row, cells);
  }
  s.text(row, 0, text.total, TOTAL);
  s.blank(row, 1, TOTAL);
  result.years.forEach((_, y) =>
    s.set(
      row,
      2 + y,
      { formula: `=${localSum(2 + y, first, row - 1)}` },
      { ...TOTAL, numberFormat: AMOUNT_FORMAT },
    ),
  );
  return row + 2;
}

/** The council's own projects (see `ownProjects` for the rule) with their promised contribution. */
function ownProjectsTable(
  s: SheetBuilder,
  result: ReconciliationResult,
  text: OutputText,
  start: number,
  lastCol: number,
): number {
  const register = result.register;
  sectionTitle(s, start, text.ownProjects);
  const owners = (register?.sources ?? []).filter((x) => x.kind === 'own').map((x) => x.name);
  const phaseLast = Math.max(4, lastCol);
  // The rule is a sentence: across the table, wrapped.
  const ruleRows =
    owners.length > 0
      ? s.row(start + 1, [
          { col: 0, lastCol: phaseLast, content: text.ownProjectsRule(owners), style: { italic: true } },
        ])
      : 1;
  const header = start + 1 + ruleRows;
  s.row(header, [
    { col: 0, content: text.project, style: HEADER },
    { col: 1, content: text.contribution, style: { ...HEADER, horizontalAlignment: 'right' } },
    { col: 2, content: null, style: HEADER },
    { col: 3, lastCol: phaseLast, content: text.phase, style: HEADER },
  ]);
  let row = header + 1;
  const own = ownProjects(result);
  if (own.length === 0) {
    s.row(row, [
      {
        col: 0,
        lastCol: phaseLast,
        content: result.registerFigures ? text.noOwnProjects : text.notComputed,
        style: { italic: true },
      },
    ]);
    return row + 1;
  }
  for (const i of own) {
    const e = result.entries[i].fields;
    row += s.row(row, [
      { col: 0, content: projectLabel(e), style: { border: BOX } },
      ...(e.contribution === null
        ? [{ col: 1, lastCol: 2, content: text.noMoney, style: { border: BOX, italic: true } }]
        : [
            { col: 1, content: { value: oreToKroner(e.contribution) }, style: AMOUNT },
            { col: 2, content: e.basis ? text.basis[e.basis] : null, style: { border: BOX } },
          ]),
      { col: 3, lastCol: phaseLast, content: e.phase.trim() || text.emptyField, style: { border: BOX } },
    ]);
  }
  return row;
}
