/**
 * Project cards and the summary on the sample, and all three outputs on a
 * two-year plan, evaluated against the engine.
 */
import { columnNumber, parseRangeRef } from '../../../src/domain/address';
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
import type { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { sampleWorkbookModel } from '../../../src/sample/sampleWorkbook';
import { planWorkbook } from '../../helpers/workbook';
import { describe as describeFinding } from '../../../src/domain/messages';
import { columnPoints, lineHeight, usableWidth, wrapLines } from '../../../src/domain/outputs/measure';
import { printableHeight, printableWidth } from '../../../src/domain/outputs/page';
import { Evaluator } from './evaluate';

const titles = (sheet: SheetModel) =>
  sheet.cells.filter((c) => c.fontSize === 12 && c.fontColor === '#FFFFFF' && typeof c.value === 'string');
const rowOf = (sheet: SheetModel, label: string, col = 0) => {
  const c = sheet.cells.filter((x) => x.col === col && x.value === label);
  expect(c.length).toBeGreaterThan(0);
  return c[0].row;
};
const heightOf = (sheet: SheetModel, row: number) =>
  sheet.rowHeights?.find((h) => h.row === row)?.height ?? lineHeight(sheet.font?.size);
/** The merged block a cell starts, or the cell alone. */
const blockAt = (sheet: SheetModel, row: number, col: number) => {
  for (const m of sheet.merges ?? []) {
    const r = parseRangeRef(m)!;
    if (r.row === row && r.col === col) return r;
  }
  return { row, col, rows: 1, cols: 1 };
};
const covered = (sheet: SheetModel) => {
  const out = new Set<string>();
  for (const m of sheet.merges ?? []) {
    const r = parseRangeRef(m)!;
    for (let y = r.row; y < r.row + r.rows; y++)
      for (let x = r.col; x < r.col + r.cols; x++) if (y !== r.row || x !== r.col) out.add(`${y},${x}`);
  }
  return out;
};
/** A card's rows: from its title to the row before the next title (or the sheet's end). */
const cardRows = (sheet: SheetModel, title: string) => {
  const rows = titles(sheet).map((c) => c.row);
  const start = rowOf(sheet, title);
  const next = rows.find((r) => r > start) ?? Math.max(...sheet.cells.map((c) => c.row)) + 2;
  return { start, end: next - 2 };
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

  it('lays the cards one under another, at most two to an A4 page, a page break never inside a card', () => {
    const t = titles(cards);
    expect(new Set(t.map((c) => c.col))).toEqual(new Set([0]));
    expect(cards.print).toMatchObject({ paperSize: 'A4', orientation: 'portrait', fitToWidth: true });
    const breaks = cards.print?.rowBreaks ?? [];
    const starts = t.map((c) => c.row);
    // Every break is above a card's title.
    for (const b of breaks) expect(starts).toContain(b);
    // Per page: at most two cards, and their rows (with the repeated title row) within the page.
    const title = cards.print!.titleRows!;
    const room = printableHeight('portrait') - heightOf(cards, title.first);
    const pages = [starts[0], ...breaks];
    pages.forEach((first, p) => {
      const on = starts.filter((r) => r >= first && (p + 1 >= pages.length || r < pages[p + 1]));
      expect(on.length).toBeGreaterThanOrEqual(1);
      expect(on.length).toBeLessThanOrEqual(2);
      const last = cardRows(cards, String(t.find((c) => c.row === on[on.length - 1])!.value)).end;
      let used = 0;
      for (let r = first; r <= last; r++) used += heightOf(cards, r);
      expect(used).toBeLessThanOrEqual(room);
    });
    // The sample's 11 cards: six pages.
    expect(pages).toHaveLength(6);
  });

  it('prints at 100 % on A4 portrait in one font of at least 10 pt, named, with the title on every page', () => {
    const widths = (cards.columnWidths ?? []).reduce((sum, w) => sum + w.width, 0);
    // LibreOffice's character (Carlito's digit) is 6 % wider than Excel's: the page holds both.
    expect(columnPoints(widths) * 1.07).toBeLessThanOrEqual(printableWidth('portrait'));
    expect(cards.font).toEqual({ name: 'Calibri', size: 11 });
    for (const c of cards.cells) expect(c.fontSize ?? 11).toBeGreaterThanOrEqual(10);
    expect(cards.print?.titleRows).toEqual({ first: 0, last: 0 });
    expect(cards.print?.footer).toEqual({
      left: '{file}',
      center: '{date}',
      right: 'Side {page} av {pages}',
    });
  });

  it('has no empty field: every bordered cell a merge does not cover holds something', () => {
    const hidden = covered(cards);
    const empty = cards.cells.filter(
      (c) =>
        c.border &&
        !hidden.has(`${c.row},${c.col}`) &&
        (c.value === null || c.value === undefined) &&
        !c.formula,
    );
    expect(empty.map((c) => `${c.row},${c.col}`)).toEqual([]);
    // A field the register leaves empty says so with a dash (1.1a has no partners and no goals).
    const rows = cardRows(cards, '1.1a Energi- og miljøklyngen');
    const partners = rowOf(cards, 'Partnere');
    expect(partners).toBeGreaterThan(rows.start);
    expect(cards.cells.find((c) => c.row === partners && c.col === 1)?.value).toBe('–');
  });

  it('colours the title by focus area', () => {
    const t = titles(cards);
    const byArea = new Map<string, Set<string>>();
    const entries = result.projects.map((p) => p.fields);
    t.forEach((c, i) => {
      const set = byArea.get(entries[i].area) ?? new Set();
      set.add(c.fill!);
      byArea.set(entries[i].area, set);
    });
    for (const fills of byArea.values()) expect(fills.size).toBe(1);
    expect(new Set([...byArea.values()].map((s) => [...s][0])).size).toBe(byArea.size);
  });

  it("shows each goal on its own line, beside one 'Mål' label, and the year's amounts as formulas", () => {
    const ev = new Evaluator(snapshot, [cards]);
    const akk = titles(cards).find((c) => c.value === '3.1 Akkvisisjon')!;
    const yearRow = cards.cells.find((c) => c.col === akk.col && c.row > akk.row && c.value === '2010')!.row;
    expect(cards.cells.find((c) => c.row === yearRow && c.col === akk.col + 1)?.formula).toBe('=Budsjett!B9');
    expect(ev.at(cards.name, yearRow, akk.col + 3)).toBe(300_000);
    const helse = titles(cards).find((c) => String(c.value).startsWith('1.2'))!;
    const hRow = cards.cells.find((c) => c.col === helse.col && c.row > helse.row && c.value === '2010')!.row;
    expect(ev.at(cards.name, hRow, helse.col + 2)).toBe(200_000);
    expect(ev.at(cards.name, hRow, helse.col + 3)).toBe(0);
    const logistics = result.projects.find((p) => p.fields.name === 'Logistikknæringen')!.fields;
    expect(logistics.goals.length).toBeGreaterThan(1);
    const goalRows = logistics.goals.map((g) => cards.cells.find((c) => c.value === g)!.row);
    const label = cards.cells.find((c) => c.col === 0 && c.value === 'Mål' && c.row === goalRows[0])!;
    expect(blockAt(cards, label.row, 0).rows).toBe(goalRows[goalRows.length - 1] - goalRows[0] + 1);
    expect(cards.cells.filter((c) => c.value === 'Ingen budsjettpost').length).toBeGreaterThanOrEqual(4);
  });

  it("carries the project's status from the reconciliation: OK, or each finding in its words and colour", () => {
    const status = (title: string) => {
      const rows = cardRows(cards, title);
      const label = cards.cells.find(
        (c) => c.col === 0 && c.value === 'Status' && c.row >= rows.start && c.row <= rows.end,
      )!;
      return cards.cells.filter((c) => c.col === 1 && c.row >= label.row && c.row <= rows.end && c.value);
    };
    const ok = status('1.1a Energi- og miljøklyngen');
    expect(ok.map((c) => [c.value, c.fill, c.fontColor])).toEqual([['OK', '#C6EFCE', '#006100']]);
    const mismatch = result.findings.find(
      (f) => f.code === 'CONTRIBUTION_MISMATCH' && f.projectId === '1.2',
    )!;
    const helse = status('1.2 Helsedesign , Arena');
    expect(helse.map((c) => c.value)).toEqual([`Advarsel: ${describeFinding(mismatch, 'nb')}`]);
    expect(helse[0]).toMatchObject({ fill: '#FFEB9C', fontColor: '#9C5700' });
    expect(String(helse[0].value)).toMatch(/-200\s000/);
    // Both projects with the id 1.3 carry the duplicate id's error.
    for (const t of titles(cards).filter((c) => String(c.value).startsWith('1.3 '))) {
      expect(status(String(t.value)).map((c) => c.fill)).toEqual(['#FFC7CE']);
    }
  });

  it('keeps every row within 409 points, and a text too long for one row goes on in the rows below, whole', () => {
    const goal = `Mål 1: ${'styrke samarbeidet i regionen '.repeat(1_000)}slutt.`;
    expect(goal.length).toBeGreaterThan(30_000);
    const entry = result.entries[0];
    const long = {
      ...entry,
      fields: { ...entry.fields, name: 'Langt navn '.repeat(40), goals: [goal, 'Mål 2'] },
    };
    const changed: ReconciliationResult = { ...result, entries: [long], projects: [long] };
    const card = projectCardSheet(changed, 'nb', 0, { sheetName: 'Kort' });
    const heights = (card.rowHeights ?? []).map((h) => h.height);
    expect(heights.every((h) => h > 0 && h <= 409)).toBe(true);
    // The goal's pieces, top to bottom in the value column, make up the goal.
    const first = card.cells.find((c) => typeof c.value === 'string' && c.value.startsWith('Mål 1:'))!;
    const next = card.cells.find((c) => c.value === 'Mål 2')!;
    const pieces = card.cells
      .filter((c) => c.col === 1 && c.row >= first.row && c.row < next.row && typeof c.value === 'string')
      .map((c) => String(c.value));
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join(' ')).toBe(goal);
    // Each piece fits its row: its wrapped lines at 15 pt each within the row's height.
    const area = usableWidth(card.columnWidths!.filter((w) => w.col >= 1).reduce((s, w) => s + w.width, 0));
    for (const c of card.cells.filter((x) => pieces.includes(String(x.value))))
      expect(wrapLines(String(c.value), area).length * 15).toBeLessThanOrEqual(heightOf(card, c.row));
    // One 'Mål' label beside all of it.
    const label = blockAt(card, first.row, 0);
    expect(label.rows).toBe(next.row - first.row + 1);
  });

  it('makes one card alone for the pane', () => {
    const i = result.projects.find((p) => p.fields.id === '2.2')!.entry;
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
    expect(ownProjects(result).map((i) => result.entries[i].fields.id)).toEqual([
      '1.2',
      '1.3',
      '1.4',
      '2.1',
      '3.2',
      '4.1',
    ]);
    expect(summary.cells.some((c) => c.value === '4.1 Samhandling kommune og næringsliv')).toBe(true);
  });

  it('describes a column chart of the budget by focus area', () => {
    expect(summary.charts).toEqual([
      expect.objectContaining({
        type: 'column',
        title: 'Budsjett etter innsatsområde',
        categories: 'Sammendrag!$A$5:$A$9',
        series: [expect.objectContaining({ name: 'Budsjett 2010', values: 'Sammendrag!$C$5:$C$9' })],
      }),
    ]);
  });

  it("gives the chart a copy of what its cells compute, for a file's chart cache", () => {
    expectChartCacheMatchesCells(summary, ev);
  });
});

/** Each series' cache is, point for point, what its cells evaluate to. */
function expectChartCacheMatchesCells(summary: SheetModel, ev: Evaluator): void {
  const charts = summary.charts ?? [];
  expect(charts.length).toBeGreaterThan(0);
  for (const chart of charts) {
    for (const s of chart.series) {
      const m = /^(.+)!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(s.values)!;
      expect(m[2]).toBe(m[4]);
      const col = columnNumber(m[2]);
      const rows = Array.from({ length: Number(m[5]) - Number(m[3]) + 1 }, (_, i) => Number(m[3]) - 1 + i);
      expect({ series: s.name, cache: s.cache }).toEqual({
        series: s.name,
        cache: rows.map((r) => ev.at(summary.name, r, col)),
      });
    }
  }
}

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
    expectChartCacheMatchesCells(summary, ev);
  });
});
