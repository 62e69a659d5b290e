/**
 * Layouts councils use for one year at a time: an amount column headed `Beløp`, `Kr`, `NOK` or
 * `Amount` whose year is in the label column's header (`Budsjett 2014 | Beløp`), in a title
 * above (`Budsjett 2014` over `Post | Beløp`) or in the sheet's name (`Budsjett 2014`); and a
 * plan kept one sheet per year (`Budsjett 2014`, `Budsjett 2015`). Each is read as the years it
 * holds, and every finding names the sheet and cell of the year it is about.
 */
import type { FindingCode } from '../../src/domain/findings';
import { describe as describeFinding } from '../../src/domain/messages';
import { reconciliationSheet } from '../../src/domain/outputs';
import { reconcile, type ReconciliationResult } from '../../src/domain/reconcile/reconcile';
import { sourceCellRef } from '../../src/domain/reconcile/result';
import { sheetsToRead } from '../../src/domain/reconcile/sheetsToRead';
import type { CellValue, WorkbookSnapshot } from '../../src/domain/snapshot';
import { readAmountTable } from '../../src/domain/tables/amountTable';
import { findSheet, findSheets, perYearSheetYear } from '../../src/domain/tables/findSheet';
import { PER_YEAR_REGISTER, perYearSnapshot } from '../helpers/perYearWorkbook';
import { entry, kronerToOre, register, registerSheet, sheet } from '../helpers/workbook';
import { Evaluator } from './outputs/evaluate';

const ore = kronerToOre;
const codes = (r: ReconciliationResult) => r.findings.map((f) => f.code).sort();
const only = (r: ReconciliationResult, code: FindingCode) => r.findings.filter((f) => f.code === code);

const REGISTER = PER_YEAR_REGISTER;

/** A budget of one year: Drift, Alfa, Beta and the sum, under the header row given. */
const budgetRows = (header: CellValue[], [drift, alfa, beta]: number[]): CellValue[][] => [
  header,
  ['Drift', drift],
  ['Alfa', alfa],
  ['Beta', beta],
  ['Sum', drift + alfa + beta],
];

/** A financing of one year: SNR pays what Innovasjon Norge's earmark for Beta leaves. */
const financingRows = (header: CellValue[], total: number, betaEarmark: number): CellValue[][] => [
  header,
  ['SNR', total - betaEarmark],
  ['Innovasjon Norge,', null],
  ['Beta', betaEarmark],
  ['SUM', total],
];

/** For one year: Beta promises 150 000 per year instead (a `totalt` promise spans the years). */
const ONE_YEAR = register(
  REGISTER.entries.map((e) =>
    e.name === 'Beta' ? entry({ id: '2', name: 'Beta', contributionKr: 150_000 }) : e,
  ),
  [...REGISTER.sources],
);
const oneYear = (...sheets: WorkbookSnapshot['sheets']): WorkbookSnapshot => ({
  sheets: [...sheets, registerSheet(ONE_YEAR)],
});

/** 2014: Drift 50 000, Alfa 100 000, Beta 250 000 (100 000 earmarked): the council pays 300 000. */
const Y2014 = [50_000, 100_000, 250_000];

describe.each<[string, string, CellValue[][], CellValue[][]]>([
  [
    'the year in a title above the header',
    'Budsjett',
    [['Budsjett 2014', null], ...budgetRows(['Post', 'Beløp'], Y2014)],
    [['Finansiering 2014', null], ...financingRows(['Kilde', 'Beløp'], 400_000, 100_000)],
  ],
  [
    'the year in the label column’s header',
    'Budsjett',
    budgetRows(['Budsjett 2014', 'Kr'], Y2014),
    financingRows(['Finansiering 2014', 'NOK'], 400_000, 100_000),
  ],
  [
    'the year in a merged title over both columns (`Amount`, `Beløp (kr)`)',
    'Budsjett',
    [['Handlingsplan – budsjett 2014', ''], ...budgetRows(['Post', 'Amount'], Y2014)],
    [['Finansiering 2014', ''], ...financingRows(['Kilde', 'Beløp (kr)'], 400_000, 100_000)],
  ],
])('a single year: %s', (_, budgetName, budget, financing) => {
  const r = reconcile(oneYear(sheet(budgetName, budget), sheet('Finansiering', financing)));

  it('is read as 2014, and reconciles cleanly', () => {
    expect(r.years).toEqual([2014]);
    expect(r.findings).toEqual([]);
    expect(r.totals[2014]).toEqual({
      budget: ore(400_000),
      financing: ore(400_000),
      ownFunded: ore(300_000),
      ownSources: ore(300_000),
      earmarked: ore(100_000),
    });
  });

  it('names the cells it read when an amount is off', () => {
    const wrong = budget.map((row) => [...row]);
    const alfa = wrong.findIndex((row) => row[0] === 'Alfa');
    wrong[alfa][1] = 120_000;
    const r2 = reconcile(oneYear(sheet(budgetName, wrong), sheet('Finansiering', financing)));
    expect(codes(r2)).toEqual([
      'CONTRIBUTION_MISMATCH',
      'OWN_FUNDING_MISMATCH',
      'SUM_MISMATCH',
      'UNBALANCED',
    ]);
    expect(only(r2, 'CONTRIBUTION_MISMATCH')[0]).toMatchObject({
      cells: [`Budsjett!B${alfa + 1}`],
      year: 2014,
    });
  });
});

describe('a single year: the year in the sheet’s name', () => {
  const wb = oneYear(
    sheet('Budsjett 2014', budgetRows(['Post', 'Beløp'], [50_000, 90_000, 250_000])),
    sheet('Finansiering 2014', financingRows(['Kilde', 'Beløp'], 390_000, 100_000)),
  );

  it('reads 2014, and findings name the sheet (quoted) and cell', () => {
    const r = reconcile(wb);
    expect(r.years).toEqual([2014]);
    expect(codes(r)).toEqual(['CONTRIBUTION_MISMATCH']);
    expect(only(r, 'CONTRIBUTION_MISMATCH')[0]).toMatchObject({
      cells: ["'Budsjett 2014'!B3"],
      year: 2014,
      actual: ore(90_000),
      expected: ore(100_000),
    });
    expect(r.sources).toMatchObject({ budgetSheet: 'Budsjett 2014', financingSheet: 'Finansiering 2014' });
  });
});

describe('an amount column without any year', () => {
  const rows = budgetRows(['Post', 'Beløp'], Y2014);

  it('is TABLE_NOT_FOUND naming the amount column’s header, and says where the year may go', () => {
    const { table, findings } = readAmountTable(sheet('Budsjett', rows), 'budget');
    expect(table).toBeNull();
    expect(findings).toMatchObject([
      {
        code: 'TABLE_NOT_FOUND',
        cells: ['Budsjett!B1'],
        params: { reason: 'amountWithoutYear', label: 'Beløp' },
      },
    ]);
    expect(describeFinding(findings[0], 'nb')).toBe(
      'Arket «Budsjett» har en beløpskolonne («Beløp»), men ikke noe år: skriv året i en tittel over tabellen (f.eks. «Budsjett 2014»), i overskriften til tekstkolonnen eller i arkets navn.',
    );
    expect(describeFinding(findings[0], 'en')).toMatch(
      /^Sheet «Budsjett» has an amount column \(«Beløp»\) but no year/,
    );
  });

  it('takes no year from titles that disagree, unless one of them names the table', () => {
    const two = [['Vedtatt mai 2013', null], ['Revidert mars 2014', null], ...rows];
    expect(readAmountTable(sheet('Budsjett', two), 'budget').table).toBeNull();
    const named = [['Budsjett 2014', null], ['Revidert mars 2013', null], ...rows];
    expect(readAmountTable(sheet('Budsjett', named), 'budget').table?.years.map((y) => y.year)).toEqual([
      2014,
    ]);
  });

  it('a year header still wins over the title: `Post | 2015` under `Budsjett 2014` is 2015', () => {
    const t = readAmountTable(
      sheet('Budsjett', [['Budsjett 2014', null], ...budgetRows(['Post', 2015], Y2014)]),
      'budget',
    );
    expect(t.table?.years.map((y) => y.year)).toEqual([2015]);
  });
});

const perYear = perYearSnapshot;

describe('one sheet per year', () => {
  it('finds every year’s sheet, in year order, and the readers read them all', () => {
    const wb = perYear();
    const names = (role: 'budget' | 'financing') => {
      const found = findSheets(wb, role);
      return 'sheets' in found ? found.sheets.map((s) => s.name) : found;
    };
    expect(names('budget')).toEqual(['Budsjett 2014', 'Budsjett 2015']);
    expect(names('financing')).toEqual(['Finansiering 2014', 'Finansiering 2015']);
    expect(sheetsToRead(wb.sheets.map((s) => s.name)).map((s) => s.name)).toEqual([
      'Budsjett 2014',
      'Budsjett 2015',
      'Finansiering 2014',
      'Finansiering 2015',
      'Prosjektregister',
    ]);
    const first = findSheet(wb, 'budget');
    expect('sheet' in first && first.sheet.name).toBe('Budsjett 2014');
    expect(perYearSheetYear('Finansiering_2015', 'financing')).toBe(2015);
    expect(perYearSheetYear('2015 Budget', 'budget')).toBe(2015);
    expect(perYearSheetYear('Budsjett 2015 revidert', 'budget')).toBeNull();
  });

  it('reads each year from its sheet and reconciles both years', () => {
    const r = reconcile(perYear());
    expect(r.years).toEqual([2014, 2015]);
    expect(r.totals[2014]).toMatchObject({
      budget: ore(400_000),
      financing: ore(400_000),
      ownFunded: ore(300_000),
    });
    expect(r.totals[2015]).toMatchObject({
      budget: ore(290_000),
      financing: ore(300_000),
      ownSources: ore(250_000),
    });
    expect(r.sources).toMatchObject({
      budgetSheet: 'Budsjett 2014, Budsjett 2015',
      budgetSheets: ['Budsjett 2014', 'Budsjett 2015'],
      financingSheets: ['Finansiering 2014', 'Finansiering 2015'],
    });
    expect(r.lines.map((l) => l.label)).toEqual(['Drift', 'Alfa', 'Gamma', 'Beta']);
  });

  it('names the right sheet and cell of each year in every finding', () => {
    const r = reconcile(perYear());
    const seen = r.findings.map((f) => [f.code, f.year, f.cells.join(' '), f.params.sheet]).sort();
    expect(seen).toEqual(
      [
        // Alfa: 110 000 in 2015 against 100 000 per year.
        ['CONTRIBUTION_MISMATCH', 2015, "'Budsjett 2015'!B3", undefined],
        // Beta, totalt: 150 000 + 70 000 against 300 000, over both years' cells.
        [
          'CONTRIBUTION_MISMATCH',
          undefined,
          "'Budsjett 2014'!B4 'Budsjett 2015'!B5 'Finansiering 2014'!B4 'Finansiering 2015'!B6",
          undefined,
        ],
        ['OWN_FUNDING_MISMATCH', 2015, "'Finansiering 2015'!B2", undefined],
        ['SUM_MISMATCH', 2015, "'Budsjett 2015'!B6", 'Budsjett 2015'],
        ['UNBALANCED', 2015, "'Budsjett 2015'!B6 'Finansiering 2015'!B7", undefined],
        ['UNKNOWN_LINE', undefined, "'Budsjett 2015'!A4", 'Budsjett 2015'],
      ].sort(),
    );
  });

  it('keeps an earmark under its own source when a later year has a new group', () => {
    const r = reconcile(perYear());
    // The line's earmarks per year: [year, source, cell].
    const earmarks = (label: string) =>
      r.lines
        .find((l) => l.label === label)!
        .years.flatMap((y) => y.earmarks.map((e) => [y.year, e.source, sourceCellRef(e.cell)]));
    expect(earmarks('Gamma')).toEqual([[2015, 'Akershus fylkeskommune', "'Finansiering 2015'!B4"]]);
    expect(earmarks('Beta')).toEqual([
      [2014, 'Innovasjon Norge', "'Finansiering 2014'!B4"],
      [2015, 'Innovasjon Norge', "'Finansiering 2015'!B6"],
    ]);
  });

  it('the reconciliation sheet’s formulas point at each year’s sheet and give the engine’s totals', () => {
    const wb = perYear();
    const r = reconcile(wb);
    const out = reconciliationSheet(r, 'nb');
    const formulas = out.cells.map((c) => c.formula ?? '').join(' ');
    expect(formulas).toContain("='Budsjett 2014'!B3");
    expect(formulas).toContain("='Budsjett 2015'!B3");
    expect(formulas).toContain("='Finansiering 2015'!B6");
    const ev = new Evaluator(wb, [out]);
    for (const f of r.years.map((year) => ({ year, ...r.totals[year] }))) {
      const total = out.cells.find((c) => c.col === 0 && c.value === `Sum ${f.year}`)!;
      expect(ev.at(out.name, total.row, 2)).toBe(f.budget / 100);
    }
  });

  it('a sheet whose table has only another sheet’s year is TABLE_NOT_FOUND naming it; the other year is still read', () => {
    const wb = perYear();
    const copied = {
      sheets: wb.sheets.map((s) =>
        s.name === 'Budsjett 2015'
          ? sheet('Budsjett 2015', [['Budsjett 2014', null], ...budgetRows(['Post', 'Beløp'], Y2014)])
          : s,
      ),
    };
    const r = reconcile(copied);
    const [f] = only(r, 'TABLE_NOT_FOUND');
    expect(f).toMatchObject({
      cells: ["'Budsjett 2015'!B2"],
      year: 2015,
      params: {
        sheet: 'Budsjett 2015',
        role: 'budget',
        reason: 'otherYear',
        text: '2014',
        name: 'Budsjett 2014',
      },
    });
    expect(describeFinding(f, 'en')).toBe(
      'Sheet «Budsjett 2015» is for 2015, but its table has 2014, which is read from «Budsjett 2014»: no amount was read from this sheet.',
    );
    expect(r.totals[2014].budget).toBe(ore(400_000));
    expect(r.totals[2015].budget).toBe(0);
  });

  it('a sheet named exactly like the role is read alone, as before', () => {
    const wb = perYear();
    const withPlain = {
      sheets: [...wb.sheets, sheet('Budsjett', budgetRows(['Post', 'Budsjett 2014'], Y2014))],
    };
    const found = findSheets(withPlain, 'budget');
    expect('sheets' in found && found.sheets.map((s) => s.name)).toEqual(['Budsjett']);
  });
});
