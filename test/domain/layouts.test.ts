/**
 * Workbooks laid out differently from the sample are read correctly.
 */
import type { Finding, FindingCode } from '../../src/domain/findings';
import { reconcile, type ReconciliationResult } from '../../src/domain/reconcile/reconcile';
import { sourceCellRef } from '../../src/domain/reconcile/result';
import type { CellValue, WorkbookSnapshot } from '../../src/domain/snapshot';
import {
  entry,
  kronerToOre,
  planWorkbook,
  register,
  registerSheet,
  sheet,
  source,
  withSheet,
} from '../helpers/workbook';

const ore = kronerToOre;
const codes = (r: ReconciliationResult) => r.findings.map((f) => f.code).sort();
const only = (r: ReconciliationResult, code: FindingCode): Finding[] =>
  r.findings.filter((f) => f.code === code);

/** Drift (operations), Alfa (1: 100 000 per år), Beta (2: 300 000 totalt); SNR and Bruk fond SNR own, Innovasjon Norge external. */
const REGISTER = register(
  [
    entry({ name: 'Drift', kind: 'operations' }),
    entry({ id: '1', name: 'Alfa', contributionKr: 100_000, basis: 'per år' }),
    entry({ id: '2', name: 'Beta', contributionKr: 300_000, basis: 'totalt' }),
  ],
  [
    source('SNR', 'own'),
    source('Bruk fond SNR', 'own'),
    source('Innovasjon Norge'),
    source('Akershus fylkeskommune'),
    source('SNRs bidrag', 'memo'),
  ],
);
const REG_SHEET = registerSheet(REGISTER);

/** Indents for a financing grid: 1 for the given row indexes, 0 elsewhere. */
const indentRows = (
  rows: readonly (readonly CellValue[])[],
  indented: readonly number[],
  col = 0,
): number[][] => rows.map((r, i) => r.map((_, c) => (indented.includes(i) && c === col ? 1 : 0)));

/**
 * One year (2012), clean: Drift 50 000, Alfa 100 000, Beta 250 000
 * (100 000 earmarked by Innovasjon Norge, so the council pays 150 000, and
 * Beta's 300 000 totalt is not met in one year... so Beta promises per year here).
 */
const ONE_YEAR_REGISTER = register(
  [
    entry({ name: 'Drift', kind: 'operations' }),
    entry({ id: '1', name: 'Alfa', contributionKr: 100_000, basis: 'per år' }),
    entry({ id: '2', name: 'Beta', contributionKr: 150_000, basis: 'per år' }),
  ],
  REGISTER.sources as ReturnType<typeof source>[],
);
const BUDGET_2012: CellValue[][] = [
  ['Post', 'Budsjett 2012'],
  ['Drift', 50_000],
  ['Alfa', 100_000],
  ['Beta', 250_000],
  ['Sum', 400_000],
];
const FINANCING_2012: CellValue[][] = [
  ['Kilde', 'Budsjett 2012'],
  ['SNR', 250_000],
  ['Innovasjon Norge,', null],
  ['Beta', 100_000],
  ['Bruk fond SNR', 50_000],
  ['SUM', 400_000],
  ['SNRs bidrag', 300_000],
];
const TOTALS_2012 = {
  budget: ore(400_000),
  financing: ore(400_000),
  ownFunded: ore(300_000),
  ownSources: ore(300_000),
  earmarked: ore(100_000),
};

function oneYear(budgetName = 'Budsjett', financingName = 'Finansiering'): WorkbookSnapshot {
  return {
    sheets: [
      sheet(budgetName, BUDGET_2012),
      sheet(financingName, FINANCING_2012, { indents: indentRows(FINANCING_2012, [3]) }),
      registerSheet(ONE_YEAR_REGISTER),
    ],
  };
}

describe('the one-year baseline', () => {
  it('is clean', () => {
    const r = reconcile(oneYear());
    expect(r.findings).toEqual([]);
    expect(r.totals).toEqual({ 2012: TOTALS_2012 });
    expect(r.balanced).toBe(true);
  });
});

describe('two years', () => {
  // Alfa (per år 100 000): 100 000 in 2012, 150 000 in 2013.
  // Beta (totalt 300 000): own-funded 150 000 + 150 000 (earmarked 100 000 and 70 000).
  const budget: CellValue[][] = [
    ['Post', 'Budsjett 2012', 'Budsjett 2013'],
    ['Drift', 50_000, 60_000],
    ['Alfa', 100_000, 150_000],
    ['Beta', 250_000, 220_000],
    ['Sum', 400_000, 430_000],
  ];
  const financing = (betaEarmark2013: number): CellValue[][] => [
    ['Kilde', 'Budsjett 2012', 'Budsjett 2013'],
    ['SNR', 300_000, 430_000 - betaEarmark2013],
    ['Innovasjon Norge,', null, null],
    ['Beta', 100_000, betaEarmark2013],
    ['SUM', 400_000, 430_000],
    ['SNRs bidrag', 300_000, 430_000 - betaEarmark2013],
  ];
  const workbook = (betaEarmark2013: number): WorkbookSnapshot => ({
    sheets: [
      sheet('Budsjett', budget),
      sheet('Finansiering', financing(betaEarmark2013), { indents: indentRows(financing(0), [3]) }),
      REG_SHEET,
    ],
  });

  it('a per-year project that matches in 2012 but not in 2013 gives one CONTRIBUTION_MISMATCH for 2013; the totalt project is met over both years', () => {
    const r = reconcile(workbook(70_000));
    expect(r.years).toEqual([2012, 2013]);
    expect(codes(r)).toEqual(['CONTRIBUTION_MISMATCH']);
    const [f] = r.findings;
    expect(f).toMatchObject({
      projectId: '1',
      year: 2013,
      expected: ore(100_000),
      actual: ore(150_000),
      difference: ore(50_000),
      cells: ['Budsjett!C3'],
    });
    expect(r.totals[2012]).toEqual({
      budget: ore(400_000),
      financing: ore(400_000),
      ownFunded: ore(300_000),
      ownSources: ore(300_000),
      earmarked: ore(100_000),
    });
    expect(r.totals[2013]).toEqual({
      budget: ore(430_000),
      financing: ore(430_000),
      ownFunded: ore(360_000),
      ownSources: ore(360_000),
      earmarked: ore(70_000),
    });
    expect(r.balanced).toBe(true);
  });

  it('the totalt project is checked over both years: 150 000 + 140 000 against 300 000', () => {
    const r = reconcile(workbook(80_000));
    expect(codes(r)).toEqual(['CONTRIBUTION_MISMATCH', 'CONTRIBUTION_MISMATCH']);
    const beta = r.findings.find((f) => f.projectId === '2');
    expect(beta).toMatchObject({ expected: ore(300_000), actual: ore(290_000), difference: ore(-10_000) });
    expect(beta?.year).toBeUndefined();
    expect([...(beta?.cells ?? [])].sort()).toEqual([
      'Budsjett!B4',
      'Budsjett!C4',
      'Finansiering!B4',
      'Finansiering!C4',
    ]);
  });

  it('reconciling one year gives no finding that the whole reconciliation does not have', () => {
    const all = reconcile(workbook(70_000));
    for (const year of [2012, 2013]) {
      const one = reconcile(workbook(70_000), { year });
      expect(one.years).toEqual([year]);
      const allKeys = all.findings.map((f) => `${f.code} ${f.projectId} ${f.year}`);
      for (const f of one.findings) expect(allKeys).toContain(`${f.code} ${f.projectId} ${f.year}`);
    }
  });
});

describe('sheet names', () => {
  it.each([
    ['Budget', 'Financing'],
    ['budsjett', 'finansiering'],
    ['BUDSJETT', 'Finansiering 2012'],
    ['Budsjett 2012', 'Finansieringsplan'],
  ])('%s / %s are found', (b, f) => {
    const r = reconcile(oneYear(b, f));
    expect(r.findings).toEqual([]);
    expect(r.sources.budgetSheet).toBe(b);
    expect(r.sources.financingSheet).toBe(f);
    expect(r.totals).toEqual({ 2012: TOTALS_2012 });
  });

  it('an explicit budgetSheet option points at a sheet with another name', () => {
    const wb = oneYear('Mitt budsjett');
    const missing = reconcile(wb);
    // (the exact set of findings with a missing budget sheet is checked under 'what is missing')
    expect(only(missing, 'SHEET_MISSING').map((f) => f.params.role)).toEqual(['budget']);
    expect(missing.balanced).toBe(false);

    const r = reconcile(wb, { budgetSheet: 'Mitt budsjett' });
    expect(r.findings).toEqual([]);
    expect(r.sources.budgetSheet).toBe('Mitt budsjett');
    expect(r.totals).toEqual({ 2012: TOTALS_2012 });
    // the option is matched without regard to case
    expect(reconcile(wb, { budgetSheet: 'mitt BUDSJETT' }).findings).toEqual([]);
  });

  it('the explicit sheet wins over a sheet called Budsjett', () => {
    const other = sheet('Budsjett', [
      ['Post', 'Budsjett 2012'],
      ['Drift', 1],
      ['Sum', 1],
    ]);
    const wb: WorkbookSnapshot = { sheets: [other, ...oneYear('Mitt budsjett').sheets] };
    const r = reconcile(wb, { budgetSheet: 'Mitt budsjett' });
    expect(r.findings).toEqual([]);
    expect(r.sources.budgetSheet).toBe('Mitt budsjett');
  });

  it('a quoted sheet name is quoted in finding cells', () => {
    const b = BUDGET_2012.map((r) => [...r]);
    b[2][1] = 120_000; // Alfa own-funded 120 000 instead of 100 000
    b[4][1] = 420_000;
    const f = FINANCING_2012.map((r) => [...r]);
    f[1][1] = 270_000;
    f[5][1] = 420_000;
    f[6][1] = 320_000;
    const wb: WorkbookSnapshot = {
      sheets: [
        sheet('Budsjett 2012', b),
        sheet('Finansiering 2012', f, { indents: indentRows(f, [3]) }),
        registerSheet(ONE_YEAR_REGISTER),
      ],
    };
    const r = reconcile(wb);
    expect(codes(r)).toEqual(['CONTRIBUTION_MISMATCH']);
    expect(r.findings[0].cells).toEqual(["'Budsjett 2012'!B3"]);
  });
});

describe('tables that do not start at A1', () => {
  // Budget sheet's snapshot starts at C5; the table header is on row 8, labels in C, amounts in D.
  const budgetRows: CellValue[][] = [
    ['Handlingsplan 2012', null],
    [null, null],
    ['Alle tall i hele kroner', null],
    ['Post', 2012],
    ['Drift', 50_000],
    ['Alfa', 120_000],
    ['Beta', 250_000],
    ['Sum', 420_000],
  ];
  // Financing sheet's snapshot starts at B2; header on row 5, labels in B, amounts in C.
  const financingRows: CellValue[][] = [
    ['Finansieringsplan for Nedre Romerike', null],
    [null, null],
    ['Kilde', 'Finansiering 2012'],
    ['SNR', 270_000],
    ['Innovasjon Norge,', null],
    ['Beta', 100_000],
    ['Bruk fond SNR', 50_000],
    ['SUM', 420_000],
    ['SNRs bidrag', 320_000],
    [null, null],
    ['Mrk. Finansiering SNP 2011 er kr 300.000', null],
  ];
  const workbook = (): WorkbookSnapshot => ({
    sheets: [
      sheet('Budsjett', budgetRows, { origin: { row: 4, col: 2 } }),
      sheet('Finansiering', financingRows, {
        origin: { row: 1, col: 1 },
        indents: indentRows(financingRows, [5]),
      }),
      registerSheet(ONE_YEAR_REGISTER),
    ],
  });

  it('are found below title rows and notes, with a numeric year header, and cells are named where they are', () => {
    const r = reconcile(workbook());
    expect(r.years).toEqual([2012]);
    expect(codes(r)).toEqual(['CONTRIBUTION_MISMATCH', 'YEAR_OVER_YEAR']);
    expect(only(r, 'CONTRIBUTION_MISMATCH')[0]).toMatchObject({
      projectId: '1',
      year: 2012,
      cells: ['Budsjett!D10'],
      difference: ore(20_000),
    });
    expect(only(r, 'YEAR_OVER_YEAR')[0]).toMatchObject({
      cells: ['Finansiering!B12'],
      expected: ore(300_000),
      actual: ore(320_000),
    });
    expect(r.totals[2012]).toEqual({
      budget: ore(420_000),
      financing: ore(420_000),
      ownFunded: ore(320_000),
      ownSources: ore(320_000),
      earmarked: ore(100_000),
    });
    const beta = r.lines.find((l) => l.label === 'Beta')?.years[0];
    expect(beta).toMatchObject({
      budget: ore(250_000),
      earmarked: ore(100_000),
      ownFunded: ore(150_000),
    });
    expect(sourceCellRef(beta!.budgetCell!)).toBe('Budsjett!D11');
    expect(beta?.earmarks.map((e) => sourceCellRef(e.cell))).toEqual(['Finansiering!C7']);
  });

  it('a note with a year above the amount column does not take the place of the header', () => {
    const rows: CellValue[][] = [
      [null, 'Revidert mars 2011'],
      ['Post', 'Budsjett 2012'],
      ['Drift', 50_000],
      ['Alfa', 100_000],
      ['Beta', 250_000],
      ['Sum', 400_000],
    ];
    const wb = withSheet(oneYear(), 'Budsjett', sheet('Budsjett', rows));
    const r = reconcile(wb);
    expect(r.years).toEqual([2012]);
    expect(r.findings).toEqual([]);
    expect(r.totals).toEqual({ 2012: TOTALS_2012 });
  });
});

describe('a label column merged across two columns', () => {
  it('reads the label from the left cell and the amounts from the third column', () => {
    const merge = (rows: CellValue[][]) => rows.map(([label, ...rest]) => [label, null, ...rest]);
    const fin = merge(FINANCING_2012);
    const wb: WorkbookSnapshot = {
      sheets: [
        sheet('Budsjett', merge(BUDGET_2012)),
        sheet('Finansiering', fin, { indents: indentRows(fin, [3]) }),
        registerSheet(ONE_YEAR_REGISTER),
      ],
    };
    const r = reconcile(wb);
    expect(r.findings).toEqual([]);
    expect(r.totals).toEqual({ 2012: TOTALS_2012 });
    expect(r.lines.map((l) => sourceCellRef(l.years[0].budgetCell!))).toEqual([
      'Budsjett!C2',
      'Budsjett!C3',
      'Budsjett!C4',
    ]);
  });
});

describe('amounts that are not numbers', () => {
  const reg = register(
    [
      entry({ name: 'Drift', kind: 'operations' }),
      entry({ id: '1', name: 'Alfa', contributionKr: 1_500_000 }),
      entry({ id: '2', name: 'Beta' }),
    ],
    [source('SNR', 'own'), source('SNRs bidrag', 'memo')],
  );
  const financing = sheet('Finansiering', [
    ['Kilde', 'Budsjett 2010'],
    ['SNR', 3_430_000],
    ['SUM', 3_430_000],
    ['SNRs bidrag', 3_430_000],
  ]);
  const withBudget = (rows: CellValue[][]): WorkbookSnapshot => ({
    sheets: [sheet('Budsjett', rows), financing, registerSheet(reg)],
  });

  it('text that reads as a number is read, with one AMOUNT_AS_TEXT per cell naming it', () => {
    const r = reconcile(
      withBudget([
        ['Post', 'Budsjett 2010'],
        ['Drift', 'kr 100 000'],
        ['Alfa', '1. 500.000'],
        ['Beta', 1_830_000],
        ['Sum', '3\u00a0430\u00a0000'],
      ]),
    );
    expect(codes(r)).toEqual(['AMOUNT_AS_TEXT', 'AMOUNT_AS_TEXT', 'AMOUNT_AS_TEXT']);
    expect(r.findings.map((f) => [f.cells, f.actual, f.year])).toEqual([
      [['Budsjett!B2'], ore(100_000), 2010],
      [['Budsjett!B3'], ore(1_500_000), 2010],
      [['Budsjett!B5'], ore(3_430_000), 2010],
    ]);
    expect(r.totals[2010]).toEqual({
      budget: ore(3_430_000),
      financing: ore(3_430_000),
      ownFunded: ore(3_430_000),
      ownSources: ore(3_430_000),
      earmarked: 0,
    });
    expect(r.balanced).toBe(true);
  });

  it('an error value and free text are AMOUNT_INVALID naming the cell, and nothing crashes', () => {
    const r = reconcile(
      withBudget([
        ['Post', 'Budsjett 2010'],
        ['Drift', 100_000],
        ['Alfa', { error: '#REF!' }],
        ['Beta', 'se note'],
        ['Sum', 3_430_000],
      ]),
    );
    const invalid = only(r, 'AMOUNT_INVALID');
    expect(invalid.map((f) => [f.cells, f.params.reason, f.year])).toEqual([
      [['Budsjett!B3'], 'error', 2010],
      [['Budsjett!B4'], 'text', 2010],
    ]);
    // The unreadable cells count as 0, and the checks that depend on them say so.
    expect(r.totals[2010].budget).toBe(ore(100_000));
    expect(codes(r)).toEqual([
      'AMOUNT_INVALID',
      'AMOUNT_INVALID',
      'CONTRIBUTION_MISMATCH',
      'OWN_FUNDING_MISMATCH',
      'SUM_MISMATCH',
      'UNBALANCED',
    ]);
    expect(r.balanced).toBe(false);
  });

  it('a formula without a calculated value is AMOUNT_INVALID naming the cell', () => {
    const rows: CellValue[][] = [
      ['Post', 'Budsjett 2010'],
      ['Drift', 100_000],
      ['Alfa', 1_500_000],
      ['Beta', null],
      ['Sum', 3_430_000],
    ];
    const formulas = rows.map((r, i) => r.map((_, c) => (i === 3 && c === 1 ? '=B9*2' : null)));
    const wb: WorkbookSnapshot = {
      sheets: [sheet('Budsjett', rows, { formulas }), financing, registerSheet(reg)],
    };
    const r = reconcile(wb);
    expect(only(r, 'AMOUNT_INVALID').map((f) => [f.cells, f.params.reason])).toEqual([
      [['Budsjett!B4'], 'noResult'],
    ]);
  });
});

describe('a financing sheet without indentation', () => {
  it('groups earmarked rows under a source header until the next registered source', () => {
    const reg = register(
      [
        entry({ name: 'Drift', kind: 'operations' }),
        entry({ id: '1', name: 'Alfa', contributionKr: 80_000 }),
        entry({ id: '2', name: 'Beta', contributionKr: 100_000, aliases: ['Beta-prosjektet'] }),
        entry({ id: '3', name: 'Gamma', contributionKr: 0 }),
      ],
      [
        source('SNR', 'own'),
        source('Bruk fond SNR', 'own'),
        source('Innovasjon Norge'),
        source('Akershus fylkeskommune', 'external', ['AFK']),
        source('SNRs bidrag', 'memo'),
      ],
    );
    const budget = sheet('Budsjett', [
      ['Post', 'Budsjett 2012'],
      ['Drift', 50_000],
      ['Alfa', 100_000],
      ['Beta', 300_000],
      ['Gamma', 40_000],
      ['Sum', 490_000],
    ]);
    const financing = sheet('Finansiering', [
      ['Kilde', 'Budsjett 2012'],
      ['SNR', 200_000],
      ['Innovasjon Norge', null], // a header without trailing punctuation
      ['Alfa', 20_000],
      ['Beta-prosjektet', 150_000], // named by an alias
      ['Bruk fond SNR', 30_000], // a registered source ends the group
      ['AFK:', null],
      ['Beta', 50_000],
      ['Gamma', 40_000],
      ['SUM', 490_000],
      ['SNRs bidrag', 230_000],
    ]);
    const r = reconcile({ sheets: [budget, financing, registerSheet(reg)] });
    expect(r.findings).toEqual([]);
    const byLabel = Object.fromEntries(
      r.lines.map(({ label, years: [l] }) => [label, [l.budget, l.earmarked, l.ownFunded]]),
    );
    expect(byLabel).toEqual({
      Drift: [ore(50_000), 0, ore(50_000)],
      Alfa: [ore(100_000), ore(20_000), ore(80_000)],
      Beta: [ore(300_000), ore(200_000), ore(100_000)],
      Gamma: [ore(40_000), ore(40_000), 0],
    });
    expect(r.totals[2012]).toEqual({
      budget: ore(490_000),
      financing: ore(490_000),
      ownFunded: ore(230_000),
      ownSources: ore(230_000),
      earmarked: ore(260_000),
    });
  });
});

describe('what is missing', () => {
  it('a missing budget sheet gives SHEET_MISSING listing the sheets that exist', () => {
    const wb = withSheet(oneYear(), 'Budsjett', sheet('Notater', [['Ingenting her']]));
    const r = reconcile(wb);
    expect(codes(r)).toEqual(['SHEET_MISSING']);
    const [f] = only(r, 'SHEET_MISSING');
    expect(f.params.role).toBe('budget');
    expect(f.params.sheets).toEqual(expect.arrayContaining(['Notater', 'Finansiering']));
    expect(r.balanced).toBe(false);
  });

  it('a sheet without any year header gives TABLE_NOT_FOUND', () => {
    const wb = withSheet(
      oneYear(),
      'Finansiering',
      sheet('Finansiering', [
        ['Kilde', 'Beløp'],
        ['SNR', 250_000],
        ['SUM', 400_000],
      ]),
    );
    const r = reconcile(wb);
    expect(codes(r)).toEqual(['TABLE_NOT_FOUND']);
    expect(only(r, 'TABLE_NOT_FOUND')[0].params).toMatchObject({
      sheet: 'Finansiering',
      role: 'financing',
      reason: 'amountWithoutYear',
      label: 'Beløp',
    });
    expect(only(r, 'TABLE_NOT_FOUND')[0].cells).toEqual(['Finansiering!B1']);
    expect(r.balanced).toBe(false);
  });

  it('without a register: REGISTER_MISSING, and the sum and balance checks still run', () => {
    const b = BUDGET_2012.map((r) => [...r]);
    b[4][1] = 410_000; // stated sum off by 10 000
    const f = FINANCING_2012.map((r) => [...r]);
    f[1][1] = 260_000; // financing 410 000, budget 400 000
    f[5][1] = 410_000;
    const wb: WorkbookSnapshot = {
      sheets: [sheet('Budsjett', b), sheet('Finansiering', f, { indents: indentRows(f, [3]) })],
    };
    const r = reconcile(wb);
    expect(codes(r)).toEqual(['REGISTER_MISSING', 'SUM_MISMATCH', 'UNBALANCED']);
    expect(only(r, 'SUM_MISMATCH')[0]).toMatchObject({
      cells: ['Budsjett!B5'],
      expected: ore(400_000),
      actual: ore(410_000),
    });
    expect(only(r, 'UNBALANCED')[0]).toMatchObject({
      expected: ore(400_000),
      actual: ore(410_000),
      difference: ore(10_000),
    });
    expect(r.totals[2012].budget).toBe(ore(400_000));
  });

  it('the plan builder also makes a clean workbook with several lines and sources (sanity)', () => {
    const built = planWorkbook({
      years: [2012, 2013],
      lines: [
        {
          label: 'Drift',
          amounts: [50_000, 60_000],
          entry: { kind: 'operations', id: '', contributionKr: null },
        },
        { label: 'Alfa', amounts: [100_000, 100_000] },
        { label: 'Beta', amounts: [250_000, 220_000] },
      ],
      earmarks: [
        { source: 'Innovasjon Norge', line: 'Beta', amounts: [100_000, 70_000] },
        { source: 'Akershus fylkeskommune', line: 'Alfa', amounts: [10_000, 0] },
      ],
    });
    const r = reconcile(built.workbook);
    expect(r.findings).toEqual([]);
    expect(r.totals[2013]).toEqual({
      budget: ore(380_000),
      financing: ore(380_000),
      ownFunded: ore(310_000),
      ownSources: ore(310_000),
      earmarked: ore(70_000),
    });
    expect((built.financing.values as CellValue[][]).map((row) => row[0])).toEqual([
      'Kilde',
      'SNR',
      'Innovasjon Norge,',
      'Beta',
      'Akershus fylkeskommune,',
      'Alfa',
      'SUM',
      'SNRs bidrag',
    ]);
  });
});
