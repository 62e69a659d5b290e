/**
 * Project cards and the summary on the sample, and all three outputs on a
 * two-year plan, evaluated against the engine.
 */
import { oreToKroner } from '../../../src/domain/amount';
import type { SheetModel } from '../../../src/domain/model';
import { modelToSnapshot } from '../../../src/domain/modelToSnapshot';
import {
  ownProjects,
  projectCardSheet,
  projectCardsSheet,
  reconciliationSheet,
  summarySheet,
} from '../../../src/domain/outputs';
import { reconcile, type ReconciliationResult } from '../../../src/domain/reconcile/reconcile';
import { RegisterIndex } from '../../../src/domain/reconcile/registerIndex';
import type { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { sampleWorkbookModel } from '../../../src/sample/sampleWorkbook';
import { planWorkbook } from '../../helpers/workbook';
import { Evaluator } from './evaluate';

const titles = (sheet: SheetModel) =>
  sheet.cells.filter((c) => c.fontSize === 12 && c.fontColor === '#FFFFFF');
const rowOf = (sheet: SheetModel, label: string, col = 0) => {
  const c = sheet.cells.filter((x) => x.col === col && x.value === label);
  expect(c.length).toBeGreaterThan(0);
  return c[0].row;
};

describe('project cards on the sample', () => {
  let snapshot: WorkbookSnapshot;
  let result: ReconciliationResult;
  let cards: SheetModel;

  beforeAll(() => {
    snapshot = modelToSnapshot(sampleWorkbookModel());
    result = reconcile(snapshot);
    cards = projectCardsSheet(result, 'nb');
  });

  it('has one card per project, duplicate id included: 11', () => {
    const t = titles(cards);
    expect(t).toHaveLength(11);
    expect(t.filter((c) => String(c.value).startsWith('1.3 '))).toHaveLength(2);
    expect(t[0].value).toBe('1.1a Energi- og miljøklyngen');
  });

  it('lays the cards two across with a page break above each row of cards', () => {
    const t = titles(cards);
    expect(new Set(t.map((c) => c.col))).toEqual(new Set([0, 5]));
    expect(cards.print?.rowBreaks).toHaveLength(5);
    expect(cards.print).toMatchObject({ paperSize: 'A4', orientation: 'portrait', fitToWidth: true });
    const rows = [...new Set(t.map((c) => c.row))].sort((a, b) => a - b);
    expect(cards.print?.rowBreaks).toEqual(rows.slice(1));
  });

  it('colours the title by focus area', () => {
    const t = titles(cards);
    const byArea = new Map<string, Set<string>>();
    const entries = result.plan.index!.register.entries.filter((e) => e.kind === 'project');
    t.forEach((c, i) => {
      const set = byArea.get(entries[i].area) ?? new Set();
      set.add(c.fill!);
      byArea.set(entries[i].area, set);
    });
    for (const fills of byArea.values()) expect(fills.size).toBe(1);
    expect(new Set([...byArea.values()].map((s) => [...s][0])).size).toBe(byArea.size);
  });

  it("shows each goal on its own line and the year's amounts as formulas", () => {
    const ev = new Evaluator(snapshot, [cards]);
    const akk = titles(cards).find((c) => c.value === '3.1 Akkvisisjon')!;
    const yearRow = cards.cells.find((c) => c.col === akk.col && c.row > akk.row && c.value === '2010')!.row;
    expect(cards.cells.find((c) => c.row === yearRow && c.col === akk.col + 1)?.formula).toBe('=Budsjett!B9');
    expect(ev.at(cards.name, yearRow, akk.col + 3)).toBe(300_000);
    const helse = titles(cards).find((c) => String(c.value).startsWith('1.2'))!;
    const hRow = cards.cells.find((c) => c.col === helse.col && c.row > helse.row && c.value === '2010')!.row;
    expect(ev.at(cards.name, hRow, helse.col + 2)).toBe(200_000);
    expect(ev.at(cards.name, hRow, helse.col + 3)).toBe(0);
    const logistics = result.plan.index!.register.entries.find((e) => e.name === 'Logistikknæringen')!;
    for (const g of logistics.goals) expect(cards.cells.some((c) => c.value === g)).toBe(true);
    expect(cards.cells.filter((c) => c.value === 'Ingen budsjettpost').length).toBeGreaterThanOrEqual(4);
  });

  it('keeps rows at most 409 points tall (Excel refuses taller), whatever the text; the cell keeps all of it', () => {
    const index = result.plan.index!;
    const goals = [`Mål 1: ${'styrke samarbeidet i regionen '.repeat(100)}slutt.`];
    const long = { ...index.register.entries[0], name: 'Langt navn '.repeat(40), goals };
    const changed: ReconciliationResult = {
      ...result,
      plan: { ...result.plan, index: new RegisterIndex({ ...index.register, entries: [long] }) },
    };
    const card = projectCardSheet(changed, 'nb', 0, { sheetName: 'Kort' });
    const heights = (card.rowHeights ?? []).map((h) => h.height);
    expect(Math.max(...heights)).toBe(409);
    expect(heights.every((h) => h > 0 && h <= 409)).toBe(true);
    const goalCell = card.cells.find((c) => typeof c.value === 'string' && c.value.startsWith('Mål 1:'));
    expect(goalCell?.value).toMatch(/slutt\.$/);
  });

  it('makes one card alone for the pane', () => {
    const entries = result.plan.index!.register.entries;
    const i = entries.findIndex((e) => e.id === '2.2');
    const one = projectCardSheet(result, 'en', i, { sheetName: 'Card 2.2' });
    expect(one.name).toBe('Card 2.2');
    expect(titles(one).map((c) => c.value)).toEqual([
      '2.2 Regionalt innovasjonsprosjekt sammen med Campus Kjeller',
    ]);
    expect(one.cells.some((c) => c.value === 'in total')).toBe(true);
  });
});

describe('summary on the sample', () => {
  let snapshot: WorkbookSnapshot;
  let result: ReconciliationResult;
  let summary: SheetModel;
  let ev: Evaluator;

  beforeAll(() => {
    snapshot = modelToSnapshot(sampleWorkbookModel());
    result = reconcile(snapshot);
    summary = summarySheet(result, 'nb');
    ev = new Evaluator(snapshot, [summary]);
  });

  it('sums by focus area to the engine totals', () => {
    const t = result.totals[2010];
    const total = rowOf(summary, 'Sum');
    expect(ev.at(summary.name, total, 1)).toBe(11);
    expect(ev.at(summary.name, total, 2)).toBe(oreToKroner(t.budget));
    expect(ev.at(summary.name, total, 3)).toBe(oreToKroner(t.earmarked!));
    expect(ev.at(summary.name, total, 4)).toBe(oreToKroner(t.ownFunded!));
    const area1 = rowOf(summary, '1 Verdiskapende klynger');
    // Energi og miljø 100 000 + FEM 150 000 + Helsesdesign 200 000 + Reiselivet 100 000.
    expect(ev.at(summary.name, area1, 2)).toBe(550_000);
    expect(ev.at(summary.name, rowOf(summary, 'Drift og ukjente poster'), 2)).toBe(800_000);
  });

  it('sums financing by source to the financing total', () => {
    const sums = summary.cells.filter((c) => c.col === 0 && c.value === 'Sum').map((c) => c.row);
    expect(sums).toHaveLength(2);
    expect(ev.at(summary.name, sums[1], 2)).toBe(oreToKroner(result.totals[2010].financing));
    expect(ev.at(summary.name, rowOf(summary, 'Akershus fylkeskommune'), 2)).toBe(600_000);
    expect(ev.at(summary.name, rowOf(summary, 'SNR'), 2)).toBe(1_500_000);
  });

  it("lists the council's own projects: owner is an own source (SNR)", () => {
    const entries = result.plan.index!.register.entries;
    expect(ownProjects(result).map((i) => entries[i].id)).toEqual(['1.2', '1.3', '1.4', '2.1', '3.2', '4.1']);
    expect(summary.cells.some((c) => c.value === '4.1 Samhandling kommune og næringsliv')).toBe(true);
  });

  it('describes a column chart of the budget by focus area', () => {
    expect(summary.charts).toEqual([
      expect.objectContaining({
        type: 'column',
        title: 'Budsjett etter innsatsområde',
        categories: 'Sammendrag!$A$5:$A$9',
        series: [{ name: 'Budsjett 2010', values: 'Sammendrag!$C$5:$C$9' }],
      }),
    ]);
  });
});

describe('a two-year plan', () => {
  const built = planWorkbook({
    years: [2012, 2013],
    lines: [
      { label: 'Drift', amounts: [50_000, 60_000], entry: { kind: 'operations', contributionKr: null } },
      { label: 'Alfa', amounts: [100_000, 100_000] },
      // 300 000 in total over the two years, 120 000 earmarked.
      { label: 'Beta', amounts: [250_000, 170_000], entry: { contributionKr: 300_000, basis: 'totalt' } },
    ],
    earmarks: [{ source: 'Innovasjon Norge', line: 'Beta', amounts: [100_000, 20_000] }],
  });
  const result = reconcile(built.workbook);
  const sheet = reconciliationSheet(result, 'en');
  const summary = summarySheet(result, 'en');
  const cards = projectCardsSheet(result, 'en');
  const ev = new Evaluator(built.workbook, [sheet, summary, cards]);

  it('reconciles cleanly in the engine', () => {
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('has a section per year whose totals equal the engine totals', () => {
    for (const year of [2012, 2013]) {
      const t = result.totals[year];
      const row = rowOf(sheet, `Total ${year}`);
      expect(ev.at(sheet.name, row, 2)).toBe(oreToKroner(t.budget));
      expect(ev.at(sheet.name, row, 3)).toBe(oreToKroner(t.earmarked!));
      expect(ev.at(sheet.name, row, 4)).toBe(oreToKroner(t.ownFunded!));
    }
  });

  it("checks a 'totalt' promise against the own-funded amounts of every year", () => {
    const betaRows = sheet.cells.filter((c) => c.col === 0 && c.value === 'Beta').map((c) => c.row);
    expect(betaRows).toHaveLength(2);
    for (const r of betaRows) {
      expect(ev.at(sheet.name, r, 6)).toBe(0);
      expect(ev.at(sheet.name, r, 7)).toBe('OK');
    }
    expect(sheet.cells.find((c) => c.row === betaRows[0] && c.col === 6)?.formula).toMatch(
      /^=SUM\(E\d+,E\d+\)-F\d+$/,
    );
  });

  it('has a card column per year and summary columns per year', () => {
    expect(cards.cells.filter((c) => c.value === '2012' || c.value === '2013')).toHaveLength(4);
    expect(summary.cells.some((c) => c.value === 'Budget 2013')).toBe(true);
    const total = rowOf(summary, 'Total');
    expect(ev.at(summary.name, total, 5)).toBe(oreToKroner(result.totals[2013].budget));
    expect(summary.charts?.[0].series).toHaveLength(2);
  });
});
