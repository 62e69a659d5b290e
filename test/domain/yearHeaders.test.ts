/**
 * A year header is a header: above the data, in a header row or the table's
 * title, with amounts under it. A number such as 2000 or 1975 among the data
 * is an amount, and a column of shares under a year header is not kroner.
 *
 * Merged cells arrive in a snapshot as Excel gives them: the value in the
 * top-left cell, '' in the others.
 */
import { reconcile, type ReconciliationResult } from '../../src/domain/reconcile/reconcile';
import type { CellValue, WorkbookSnapshot } from '../../src/domain/snapshot';
import { readAmountTable, type AmountTable } from '../../src/domain/tables/amountTable';
import { entry, kronerToOre, register, registerSheet, sheet, source } from '../helpers/workbook';

const ore = kronerToOre;

/** Drift and Diverse (operations) and project Alfa (1: no money promised); SNR pays for all. */
const REGISTER = register(
  [
    entry({ name: 'Drift', kind: 'operations' }),
    entry({ name: 'Diverse', kind: 'operations' }),
    entry({ id: '1', name: 'Alfa' }),
  ],
  [source('SNR', 'own')],
);

/** A budget sheet with the rows given, and a financing sheet where SNR pays each year's total. */
function workbook(budget: CellValue[][], totals: Record<number, number>): WorkbookSnapshot {
  const years = Object.keys(totals).map(Number);
  return {
    sheets: [
      sheet('Budsjett', budget),
      sheet('Finansiering', [
        ['Kilde', ...years.map((y) => `Finansiering ${y}`)],
        ['SNR', ...years.map((y) => totals[y])],
        ['SUM', ...years.map((y) => totals[y])],
      ]),
      registerSheet(REGISTER),
    ],
  };
}

function budgetTable(rows: CellValue[][]): AmountTable {
  const { table, findings } = readAmountTable(sheet('Budsjett', rows), 'budget');
  expect(findings).toEqual([]);
  expect(table).not.toBeNull();
  return table!;
}

/** Each row as [label, ...`year: kroner`], in sheet order. */
const lines = (t: AmountTable) =>
  [...t.rows, ...(t.sumRow ? [t.sumRow] : [])].map((r) => [
    r.label,
    ...[...r.amounts.entries()].map(([y, c]) => `${y}: ${c.ore / 100}`),
  ]);

const cellsIn = (r: ReconciliationResult) => r.findings.flatMap((f) => f.cells);

describe('a number such as 2000 among the data is an amount, not a year header', () => {
  it('under a units row below the 2010/2011 header, the line 2000 | 2000 stays two amounts of 2 000', () => {
    const rows: CellValue[][] = [
      ['Post', 'Budsjett 2010', 'Budsjett 2011'],
      [null, 'kr', 'kr'],
      ['Drift', 700_000, 800_000],
      ['Diverse', 2000, 2000],
      ['Sum', 702_000, 802_000],
    ];
    const t = budgetTable(rows);
    expect(t.years.map((y) => y.year)).toEqual([2010, 2011]);
    expect(t.headerRow).toBe(0);
    expect(lines(t)).toEqual([
      ['Drift', '2010: 700000', '2011: 800000'],
      ['Diverse', '2010: 2000', '2011: 2000'],
      ['Sum', '2010: 702000', '2011: 802000'],
    ]);

    const r = reconcile(workbook(rows, { 2010: 702_000, 2011: 802_000 }));
    expect(r.years).toEqual([2010, 2011]);
    expect(r.findings).toEqual([]);
    expect(r.totals[2010].budget).toBe(ore(702_000));
  });

  it('after a first line of dashes (nothing budgeted), 2000 in a later line is an amount', () => {
    const rows: CellValue[][] = [
      ['Post', 'Budsjett 2010', 'Budsjett 2011'],
      ['Drift', '-', '-'],
      ['Diverse', 2000, 150_000],
      ['Alfa', 100_000, 150_000],
      ['Sum', 102_000, 300_000],
    ];
    const { table, findings } = readAmountTable(sheet('Budsjett', rows), 'budget');
    expect(table!.years.map((y) => y.year)).toEqual([2010, 2011]);
    expect(lines(table!).slice(1)).toEqual([
      ['Diverse', '2010: 2000', '2011: 150000'],
      ['Alfa', '2010: 100000', '2011: 150000'],
      ['Sum', '2010: 102000', '2011: 300000'],
    ]);
    // The dashes are read (and named) like any amount cell that is not a number.
    expect(findings.map((f) => [f.code, f.cells[0]])).toEqual([
      ['AMOUNT_INVALID', 'Budsjett!B2'],
      ['AMOUNT_INVALID', 'Budsjett!C2'],
    ]);
  });

  it('in the first line under a header without a year (Post | Beløp) it is an amount: no table of the year 2000', () => {
    const rows: CellValue[][] = [
      ['Budsjett 2012', null],
      ['Post', 'Beløp'],
      ['Drift', 2000],
      ['Alfa', 100_000],
      ['Sum', 102_000],
    ];
    // The year is the title's: a table of 2012 whose first line is 2 000 kr.
    const t = budgetTable(rows);
    expect(t.years).toEqual([{ year: 2012, col: 1, header: 'Beløp' }]);
    expect(lines(t)).toEqual([
      ['Drift', '2012: 2000'],
      ['Alfa', '2012: 100000'],
      ['Sum', '2012: 102000'],
    ]);
    const r = reconcile(workbook(rows, { 2012: 102_000 }));
    expect(r.years).toEqual([2012]);
    expect(r.findings).toEqual([]);
  });

  it('a row that holds an amount is a data row, whatever year-like numbers it holds too', () => {
    const rows: CellValue[][] = [
      [null, 'Vedtatt', 'Forslag'],
      ['Diverse', 2000, 150_000],
      ['Alfa', 100_000, 150_000],
    ];
    const { table, findings } = readAmountTable(sheet('Budsjett', rows), 'budget');
    expect(table).toBeNull();
    expect(findings.map((f) => f.code)).toEqual(['TABLE_NOT_FOUND']);
  });
});

describe('a plan whose data holds 1975 in a column without a header', () => {
  const rows: CellValue[][] = [
    ['Handlingsplan 2010', null, null],
    ['Post', 'Budsjett 2010', null],
    ['Drift', '-', null],
    ['Alfa', 100_000, 1975],
    ['Diverse', 50_000, 1990],
    ['Sum', 150_000, null],
  ];

  it('reads the 2010 column and leaves the unheaded column alone: 1975 is no year', () => {
    const { table } = readAmountTable(sheet('Budsjett', rows), 'budget');
    expect(table!.headerRow).toBe(1);
    expect(table!.years).toEqual([{ year: 2010, col: 1, header: 'Budsjett 2010' }]);
    expect(lines(table!)).toEqual([
      ['Drift', '2010: 0'],
      ['Alfa', '2010: 100000'],
      ['Diverse', '2010: 50000'],
      ['Sum', '2010: 150000'],
    ]);
  });

  it('a first line 2000 | 1 500 under a header without a label heading is data: the header stays the header', () => {
    const t = budgetTable([
      [null, 'Budsjett 2010', null],
      ['Alfa', 2000, 1_500],
      ['Diverse', 50_000, 300],
      ['Sum', 52_000, null],
    ]);
    expect(t.headerRow).toBe(0);
    expect(lines(t)).toEqual([
      ['Alfa', '2010: 2000'],
      ['Diverse', '2010: 50000'],
      ['Sum', '2010: 52000'],
    ]);
  });

  it('reconciles 2010 only, and no finding names a cell of the unheaded column', () => {
    const r = reconcile(workbook(rows, { 2010: 150_000 }));
    expect(r.years).toEqual([2010]);
    expect(r.totals[2010].budget).toBe(ore(150_000));
    expect(r.balanced).toBe(true);
    expect(cellsIn(r).filter((c) => /^Budsjett!C/.test(c))).toEqual([]);
  });
});

describe('a column of shares under a year header is not kroner', () => {
  it('under "2013 Plan" merged over two columns (Beløp | Andel), the shares in the second are not read', () => {
    const rows: CellValue[][] = [
      ['Post', '2013 Plan', ''],
      [null, 'Beløp', 'Andel'],
      ['Drift', 750_000, 0.75],
      ['Alfa', 250_000, 0.25],
      ['Sum', 1_000_000, 1],
    ];
    const t = budgetTable(rows);
    expect(t.years).toEqual([{ year: 2013, col: 1, header: '2013 Plan' }]);
    expect(lines(t)).toEqual([
      ['Drift', '2013: 750000'],
      ['Alfa', '2013: 250000'],
      ['Sum', '2013: 1000000'],
    ]);

    const r = reconcile(workbook(rows, { 2013: 1_000_000 }));
    expect(r.findings).toEqual([]);
    expect(r.totals[2013].budget).toBe(ore(1_000_000));
  });

  it.each<[string, CellValue, CellValue]>([
    ['numbers formatted as percent', 0.1, 0.9],
    ['text with %', '10 %', '90 %'],
  ])('under "2013 Plan" merged over shares (%s) and kroner, the year is the kroner column', (_, a, b) => {
    const rows: CellValue[][] = [
      ['Post', '2013 Plan', ''],
      ['Drift', a, 900_000],
      ['Alfa', b, 100_000],
      ['Sum', 1, 1_000_000],
    ];
    const t = budgetTable(rows);
    expect(t.years).toEqual([{ year: 2013, col: 2, header: '2013 Plan' }]);
    expect(lines(t)).toEqual([
      ['Drift', '2013: 900000'],
      ['Alfa', '2013: 100000'],
      ['Sum', '2013: 1000000'],
    ]);

    const r = reconcile(workbook(rows, { 2013: 1_000_000 }));
    expect(r.findings).toEqual([]);
    expect(cellsIn(r).filter((c) => /^Budsjett!B/.test(c))).toEqual([]);
  });

  it('a share column headed with the year (Andel 2013) gives way to the amount column of the same year', () => {
    const rows: CellValue[][] = [
      ['Post', 'Andel 2013', 'Budsjett 2013'],
      ['Drift', 0.7, 700_000],
      ['Alfa', 0.3, 300_000],
      ['Sum', 1, 1_000_000],
    ];
    const t = budgetTable(rows);
    expect(t.years).toEqual([{ year: 2013, col: 2, header: 'Budsjett 2013' }]);
    expect(t.sumRow!.amounts.ore(2013)).toBe(ore(1_000_000));
  });

  it('a sheet whose only year column holds shares has no amount table, and no finding reads a share as an amount', () => {
    const rows: CellValue[][] = [
      ['Post', '2013 Plan'],
      ['Drift', 0.1],
      ['Alfa', 0.25],
      ['Diverse', '65 %'],
      ['Sum', 1],
    ];
    const { table, findings } = readAmountTable(sheet('Budsjett', rows), 'budget');
    expect(table).toBeNull();
    expect(findings.map((f) => f.code)).toEqual(['TABLE_NOT_FOUND']);
    const r = reconcile(workbook(rows, { 2013: 1_000_000 }));
    expect(r.findings.filter((f) => f.code.startsWith('AMOUNT_'))).toEqual([]);
    expect(r.years).toEqual([2013]); // from the financing sheet
    expect(r.totals[2013].budget).toBe(0);
  });

  it('a kroner column with a few amounts under one krone is still kroner', () => {
    const rows: CellValue[][] = [
      ['Post', 'Budsjett 2013'],
      ['Drift', 0.5],
      ['Alfa', 100_000],
    ];
    const t = budgetTable(rows);
    expect(t.years.map((y) => y.col)).toEqual([1]);
    expect(lines(t)).toEqual([
      ['Drift', '2013: 0.5'],
      ['Alfa', '2013: 100000'],
    ]);
  });
});

describe('a year in the title or a header row above the data', () => {
  it('the title line "Budsjett 2012" right above the data is the header, as before', () => {
    const rows: CellValue[][] = [
      [null, 'Budsjett 2012'],
      ['Drift', 50_000],
      ['Alfa', 2000],
      ['Sum', 52_000],
    ];
    const t = budgetTable(rows);
    expect(t.years).toEqual([{ year: 2012, col: 1, header: 'Budsjett 2012' }]);
    expect(lines(t)).toEqual([
      ['Drift', '2012: 50000'],
      ['Alfa', '2012: 2000'],
      ['Sum', '2012: 52000'],
    ]);
    expect(reconcile(workbook(rows, { 2012: 52_000 })).findings).toEqual([]);
  });

  it('the title "Budsjett 2012" over a header row Post | 2012: the header row is the header, not a line of 2 012 kr', () => {
    const rows: CellValue[][] = [
      [null, 'Budsjett 2012'],
      ['Post', 2012],
      ['Drift', 50_000],
      ['Sum', 50_000],
    ];
    const t = budgetTable(rows);
    expect(t.headerRow).toBe(1);
    expect(t.years).toEqual([{ year: 2012, col: 1, header: '2012' }]);
    expect(lines(t)).toEqual([
      ['Drift', '2012: 50000'],
      ['Sum', '2012: 50000'],
    ]);
    expect(reconcile(workbook(rows, { 2012: 50_000 })).findings).toEqual([]);
  });

  it('a year under a merged "2013 Plan" (2013 | %) is the header, not a line of 2 013 kr', () => {
    const rows: CellValue[][] = [
      ['Post', '2013 Plan', ''],
      [null, 2013, '%'],
      ['Drift', 700_000, 0.7],
      ['Alfa', 300_000, 0.3],
      ['Sum', 1_000_000, 1],
    ];
    const t = budgetTable(rows);
    expect(t.headerRow).toBe(1);
    expect(t.years).toEqual([{ year: 2013, col: 1, header: '2013' }]);
    expect(lines(t)).toEqual([
      ['Drift', '2013: 700000'],
      ['Alfa', '2013: 300000'],
      ['Sum', '2013: 1000000'],
    ]);
  });

  it('numeric years under a group heading (Budsjett | Budsjett over 2010 | 2011) are the header', () => {
    const rows: CellValue[][] = [
      ['Post', 'Budsjett', 'Budsjett'],
      [null, 2010, 2011],
      ['Drift', 2000, 2000],
      ['Sum', 2000, 2000],
    ];
    const t = budgetTable(rows);
    expect(t.headerRow).toBe(1);
    expect(t.years.map((y) => y.year)).toEqual([2010, 2011]);
    expect(lines(t)).toEqual([
      ['Drift', '2010: 2000', '2011: 2000'],
      ['Sum', '2010: 2000', '2011: 2000'],
    ]);
  });
});
