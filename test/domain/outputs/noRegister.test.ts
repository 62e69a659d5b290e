/**
 * The reconciliation sheet and the summary of a workbook without a project register (or with an
 * empty one): what needs the register — own-funded, promised, the difference and status per
 * line, own funding against own sources, the figures by focus area, the council's own projects —
 * is written as «not computed: no project register», never as 0 or a difference; budget,
 * financing and the stated sums stay live formulas, as with a register.
 */
import type { CellModel, SheetModel } from '../../../src/domain/model';
import { modelToSnapshot } from '../../../src/domain/modelToSnapshot';
import { reconciliationSheet, summarySheet } from '../../../src/domain/outputs';
import { reconcile, type ReconciliationResult } from '../../../src/domain/reconcile/reconcile';
import { REGISTER_SHEET } from '../../../src/domain/register/types';
import type { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { sampleWorkbookModel } from '../../../src/sample/sampleWorkbook';
import { planWorkbook, register, registerSheet, withSheet } from '../../helpers/workbook';
import { Evaluator } from './evaluate';

const NB = 'ikke beregnet: ingen prosjektregister';
const EN = 'not computed: no project register';

const cellsOf = (sheet: SheetModel, pred: (c: CellModel) => boolean) => sheet.cells.filter(pred);
const at = (sheet: SheetModel, row: number, col: number) =>
  sheet.cells.find((c) => c.row === row && c.col === col);
const rowOf = (sheet: SheetModel, label: string) => {
  const c = cellsOf(sheet, (x) => x.col === 0 && x.value === label);
  expect(c).toHaveLength(1);
  return c[0].row;
};
/** The line table's header row: the row printed on every page. */
const headerRow = (sheet: SheetModel) => sheet.print!.titleRows!.first;
const headerCol = (sheet: SheetModel, header: string) => {
  const c = cellsOf(sheet, (x) => x.row === headerRow(sheet) && x.value === header);
  expect(c).toHaveLength(1);
  return c[0].col;
};

const sample = () => modelToSnapshot(sampleWorkbookModel());
const twoYears = () =>
  planWorkbook({
    years: [2012, 2013],
    lines: [
      { label: 'Drift', amounts: [50_000, 60_000] },
      { label: 'Alfa', amounts: [100_000, 120_000] },
      { label: 'Beta', amounts: [250_000, 220_000] },
    ],
    earmarks: [{ source: 'Innovasjon Norge', line: 'Beta', amounts: [100_000, 70_000] }],
  }).workbook;

describe.each([
  ['the sample without a register', () => withSheet(sample(), REGISTER_SHEET, null)],
  [
    'the sample with an empty register',
    () => withSheet(sample(), REGISTER_SHEET, registerSheet(register([], []))),
  ],
  ['a two-year plan without a register', () => withSheet(twoYears(), REGISTER_SHEET, null)],
])('%s', (_, workbook) => {
  let snapshot: WorkbookSnapshot;
  let result: ReconciliationResult;
  let sheet: SheetModel;
  let ev: Evaluator;

  beforeAll(() => {
    snapshot = workbook();
    result = reconcile(snapshot);
    sheet = reconciliationSheet(result, 'nb');
    ev = new Evaluator(snapshot, [sheet]);
  });

  it('writes «not computed» in each line’s own-funded cell, and no promise, difference or status', () => {
    expect(result.registerFigures).toBe(false);
    const own = headerCol(sheet, 'Egenfinansiert');
    for (const year of result.years) {
      result.lines.forEach((line) => {
        const row = cellsOf(sheet, (c) => c.col === 0 && c.value === line.label).map((c) => c.row);
        expect(row).toHaveLength(result.years.length);
        for (const r of row) {
          expect(at(sheet, r, own)).toMatchObject({ value: NB });
          expect(at(sheet, r, own)?.formula).toBeUndefined();
          for (const header of ['Lovet', 'Differanse', 'Status']) {
            const c = at(sheet, r, headerCol(sheet, header));
            expect(c?.value ?? null).toBeNull();
            expect(c?.formula).toBeUndefined();
          }
        }
      });
      const total = rowOf(sheet, `Sum ${year}`);
      expect(at(sheet, total, own)).toMatchObject({ value: NB });
    }
  });

  it('has no earmark column: no source is known to be external', () => {
    expect(
      cellsOf(sheet, (c) => c.row === headerRow(sheet) && String(c.value).startsWith('Øremerket')),
    ).toEqual([]);
  });

  it('keeps budget and financing live, and says own funding against own sources is not computed', () => {
    const budget = headerCol(sheet, 'Budsjett');
    const balanceRows = cellsOf(sheet, (c) => c.col === 0 && c.value === 'Budsjett mot finansiering');
    const ownRows = cellsOf(sheet, (c) => c.col === 0 && c.value === 'Egenfinansiert mot egne kilder');
    expect(balanceRows).toHaveLength(result.years.length);
    expect(ownRows).toHaveLength(result.years.length);
    result.years.forEach((year, y) => {
      const f = result.totals[year];
      const total = rowOf(sheet, `Sum ${year}`);
      expect(ev.at(sheet.name, total, budget)).toBe(f.budget / 100);
      expect(ev.at(sheet.name, balanceRows[y].row, 3)).toBe(f.financing / 100);
      expect(ev.at(sheet.name, balanceRows[y].row, 5)).toBe('OK');
      const own = ownRows[y].row;
      expect(at(sheet, own, 2)).toMatchObject({ value: NB });
      for (const c of [3, 4, 5]) {
        expect(at(sheet, own, c)?.value ?? null).toBeNull();
        expect(at(sheet, own, c)?.formula).toBeUndefined();
      }
    });
    expect(
      cellsOf(sheet, (c) => typeof c.value === 'string' && c.value.includes('mot egne kilder')),
    ).toHaveLength(result.years.length);
  });

  it('the summary says the figures by focus area and the own projects are not computed, and keeps financing by source', () => {
    const summary = summarySheet(result, 'nb');
    const sev = new Evaluator(snapshot, [summary]);
    const notes = cellsOf(summary, (c) => c.value === NB);
    expect(notes.map((c) => c.col)).toEqual([0, 0]);
    expect(rowOf(summary, 'Etter innsatsområde') + 1).toBe(notes[0].row);
    expect(rowOf(summary, 'Egne prosjekter') + 3).toBe(notes[1].row);
    expect(summary.charts ?? []).toEqual([]);
    expect(cellsOf(summary, (c) => c.value === 'Ingen prosjekter eies av rådet.')).toEqual([]);
    const total = cellsOf(summary, (c) => c.col === 0 && c.value === 'Sum');
    expect(total).toHaveLength(1); // financing by source only
    result.years.forEach((year, y) =>
      expect(sev.at(summary.name, total[0].row, 2 + y)).toBe(result.totals[year].financing / 100),
    );
  });

  it('says it in English too', () => {
    const en = reconciliationSheet(result, 'en');
    expect(cellsOf(en, (c) => c.value === EN).length).toBe(result.years.length * (result.lines.length + 2));
    expect(cellsOf(summarySheet(result, 'en'), (c) => c.value === EN)).toHaveLength(2);
  });
});

describe('with a register', () => {
  it('the same layouts write no «not computed»', () => {
    for (const wb of [sample(), twoYears()]) {
      const result = reconcile(wb);
      expect(result.registerFigures).toBe(true);
      for (const sheet of [reconciliationSheet(result, 'nb'), summarySheet(result, 'nb')])
        expect(cellsOf(sheet, (c) => c.value === NB)).toEqual([]);
    }
  });
});
