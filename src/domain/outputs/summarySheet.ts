import { cellRef, columnLetters, quoteSheetName } from '../address';
import { oreToKroner } from '../amount';
import type { Lang } from '../messages';
import { normalizeLabel } from '../match';
import type { SheetModel } from '../model';
import type { ReconciliationResult } from '../reconcile/reconcile';
import { localSum, sumContent, termOf, type Term } from './amounts';
import type { LayoutOptions } from './reconciliationSheet';
import { projectLabel } from './reconciliationSheet';
import { SheetBuilder } from './sheetBuilder';
import { AMOUNT, BOX, COLORS, HEADER, TOTAL, AMOUNT_FORMAT } from './style';
import { outputText, type OutputText } from './text';

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
  const register = result.plan.index?.register;
  if (!register) return [];
  const owners = new Set<string>();
  for (const src of register.sources) {
    if (src.kind !== 'own') continue;
    for (const n of [src.name, ...src.aliases]) owners.add(normalizeLabel(n));
  }
  const out: number[] = [];
  register.entries.forEach((e, i) => {
    if (e.kind === 'project' && e.owner !== '' && owners.has(normalizeLabel(e.owner))) out.push(i);
  });
  return out;
}

/**
 * The summary: budget, earmarked and own-funded by focus area, financing by
 * source, and the council's own projects; totals as SUM formulas, amounts as
 * formulas on the source sheets. Describes a column chart of the budget by
 * focus area (a renderer that cannot draw charts leaves it out).
 */
export function summarySheet(
  result: ReconciliationResult,
  lang: Lang,
  options: LayoutOptions = {},
): SheetModel {
  const text = outputText(lang);
  const s = new SheetBuilder(options.sheetName ?? text.sheets.summary);
  s.text(0, 0, text.summaryTitle, { bold: true, fontSize: 14, fontColor: COLORS.title });
  s.width(0, 44);
  s.width(1, 14);
  const yearCols = Math.max(3 * result.figures.length, 5);
  for (let c = 2; c < 2 + yearCols; c++) s.width(c, 15);

  let row = byArea(s, result, text, 2);
  row = bySource(s, result, text, row + 1);
  ownProjectsTable(s, result, text, row + 1, 1 + yearCols);
  s.printing({ paperSize: 'A4', orientation: 'landscape', fitToWidth: true });
  return s.build();
}

function sectionTitle(s: SheetBuilder, row: number, title: string): void {
  s.text(row, 0, title, { bold: true, fontSize: 12, fontColor: COLORS.title });
}

/** Budget, earmarked and own-funded per focus area and year; operations and unknown lines in one row. */
function byArea(s: SheetBuilder, result: ReconciliationResult, text: OutputText, start: number): number {
  if (!result.registerFigures) {
    // Focus areas, earmarks and own funding all come from the register: said, not shown as 0.
    sectionTitle(s, start, text.byArea);
    s.text(start + 1, 0, text.notComputed, { italic: true });
    return start + 3;
  }
  const { plan } = result;
  const entries = plan.index?.register.entries ?? [];
  const areas: string[] = [];
  const count = new Map<string, number>();
  for (const e of entries) {
    if (e.kind !== 'project') continue;
    if (!count.has(e.area)) areas.push(e.area);
    count.set(e.area, (count.get(e.area) ?? 0) + 1);
  }
  const OTHER = '\u0000other';
  const groupOf = (line: number): string => {
    const e = plan.lines[line].entry;
    return e !== null && entries[e].kind === 'project' ? entries[e].area : OTHER;
  };
  const groups = [...areas];
  if (plan.lines.some((_, i) => groupOf(i) === OTHER)) groups.push(OTHER);

  sectionTitle(s, start, text.byArea);
  const header = start + 1;
  s.text(header, 0, text.area, HEADER);
  s.text(header, 1, text.projects, { ...HEADER, horizontalAlignment: 'right' });
  result.figures.forEach((f, y) => {
    [text.budget, text.earmarked, text.ownFunded].forEach((h, k) =>
      s.text(header, 2 + 3 * y + k, `${h} ${f.year}`, { ...HEADER, horizontalAlignment: 'right' }),
    );
  });
  let row = header + 1;
  const first = row;
  for (const g of groups) {
    s.text(row, 0, g === OTHER ? text.operationsAndOther : g, { border: BOX, italic: g === OTHER });
    s.set(row, 1, { value: g === OTHER ? null : (count.get(g) ?? 0) }, { ...AMOUNT, numberFormat: '0' });
    result.figures.forEach((f, y) => {
      const budget: (Term | null)[] = [];
      const earmarked: (Term | null)[] = [];
      let bOre = 0;
      let eOre = 0;
      plan.lines.forEach((line, i) => {
        if (groupOf(i) !== g) return;
        budget.push(termOf(line.amounts.get(f.year)));
        bOre += f.lineBudget(i);
        for (const em of f.line(i).earmarks) {
          earmarked.push(termOf(plan.funding[em.item].amounts.get(f.year)));
          eOre += em.amount;
        }
      });
      const c = 2 + 3 * y;
      s.set(row, c, sumContent(budget, bOre) ?? { value: 0 }, AMOUNT);
      s.set(row, c + 1, sumContent(earmarked, eOre) ?? { value: 0 }, AMOUNT);
      s.set(row, c + 2, { formula: `=${cellRef(row, c)}-${cellRef(row, c + 1)}` }, AMOUNT);
    });
    row++;
  }
  const last = row - 1;
  s.text(row, 0, text.total, TOTAL);
  for (let c = 1; c < 2 + 3 * result.figures.length; c++) {
    s.set(
      row,
      c,
      { formula: `=${localSum(c, first, last)}` },
      { ...TOTAL, numberFormat: c === 1 ? '0' : AMOUNT_FORMAT },
    );
  }
  if (last >= first && result.figures.length > 0) {
    const sheet = quoteSheetName(s.name);
    s.chart({
      type: 'column',
      title: text.chartTitle,
      categories: `${sheet}!$A$${first + 1}:$A$${last + 1}`,
      series: result.figures.map((f, y) => {
        const col = columnLetters(2 + 3 * y);
        return {
          name: `${text.budget} ${f.year}`,
          values: `${sheet}!$${col}$${first + 1}:$${col}$${last + 1}`,
        };
      }),
      anchor: { row: start, col: 3 + 3 * result.figures.length },
    });
  }
  return row + 2;
}

/** Financing per source and year: the source's own rows and the rows earmarked under it. */
function bySource(s: SheetBuilder, result: ReconciliationResult, text: OutputText, start: number): number {
  const { plan } = result;
  const names: string[] = [];
  const kind = new Map<string, string>();
  for (const item of plan.funding) {
    if (!kind.has(item.sourceName)) {
      names.push(item.sourceName);
      kind.set(
        item.sourceName,
        item.source ? (item.source.kind === 'own' ? text.own : text.external) : text.unregistered,
      );
    }
  }
  sectionTitle(s, start, text.bySource);
  const header = start + 1;
  s.text(header, 0, text.source, HEADER);
  s.text(header, 1, text.kind, HEADER);
  result.figures.forEach((f, y) =>
    s.text(header, 2 + y, `${f.year}`, { ...HEADER, horizontalAlignment: 'right' }),
  );
  let row = header + 1;
  const first = row;
  for (const name of names) {
    s.text(row, 0, name, { border: BOX });
    s.text(row, 1, kind.get(name) ?? '', { border: BOX });
    result.figures.forEach((f, y) => {
      const terms: (Term | null)[] = [];
      let ore = 0;
      for (const item of plan.funding) {
        if (item.sourceName !== name) continue;
        terms.push(termOf(item.amounts.get(f.year)));
        ore += item.amounts.ore(f.year);
      }
      s.set(row, 2 + y, sumContent(terms, ore) ?? { value: 0 }, AMOUNT);
    });
    row++;
  }
  s.text(row, 0, text.total, TOTAL);
  s.blank(row, 1, TOTAL);
  result.figures.forEach((_, y) =>
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
  const register = result.plan.index?.register;
  sectionTitle(s, start, text.ownProjects);
  const owners = (register?.sources ?? []).filter((x) => x.kind === 'own').map((x) => x.name);
  if (owners.length > 0) s.text(start + 1, 0, text.ownProjectsRule(owners), { italic: true });
  const header = start + 2;
  const phaseLast = Math.max(4, lastCol);
  [text.project, text.contribution, '', text.phase].forEach((h, c) =>
    s.text(header, c, h || null, { ...HEADER, horizontalAlignment: c === 1 ? 'right' : 'left' }),
  );
  for (let c = 4; c <= phaseLast; c++) s.blank(header, c, HEADER);
  s.merge(header, 3, phaseLast);
  let row = header + 1;
  const own = ownProjects(result);
  if (own.length === 0) {
    s.text(row, 0, result.registerFigures ? text.noOwnProjects : text.notComputed, { italic: true });
    return row + 1;
  }
  for (const i of own) {
    const e = register!.entries[i];
    s.text(row, 0, projectLabel(e), { border: BOX });
    if (e.contribution !== null) s.set(row, 1, { value: oreToKroner(e.contribution) }, AMOUNT);
    else s.blank(row, 1, AMOUNT);
    s.text(
      row,
      2,
      e.contribution !== null && e.basis
        ? text.basis[e.basis]
        : e.contribution === null
          ? text.noMoney
          : null,
      {
        border: BOX,
      },
    );
    s.text(row, 3, e.phase || null, { border: BOX });
    for (let c = 4; c <= phaseLast; c++) s.blank(row, c, { border: BOX });
    s.merge(row, 3, phaseLast);
    row++;
  }
  return row;
}
