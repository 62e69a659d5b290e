/**
 * Without a project register (or with an empty one), the figures that need it are not
 * computed, and everything that shows them says so — never 0, never a difference:
 * own-funded and own sources (which sources are the council's own, which line an earmark
 * names), the comparison of own sources with an earlier year's note, and the checks on them.
 * Budget and financing per year do not need the register and stay.
 */
import { formatReport, resultToJson } from '../../src/domain/report';
import { describe as describeFinding } from '../../src/domain/messages';
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { REGISTER_SHEET } from '../../src/domain/register/types';
import type { CellValue, WorkbookSnapshot } from '../../src/domain/snapshot';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { kronerToOre, planWorkbook, register, registerSheet, sheet, withSheet } from '../helpers/workbook';

const ore = kronerToOre;
/** Amounts are grouped with no-break spaces; compared here as plain ones. */
const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');

/** The sample (2010: budget = financing = 3 430 000; the note «Finansiering SNP 2009 er kr 1.810.000»), its register removed. */
const sampleWithout = (): WorkbookSnapshot =>
  withSheet(modelToSnapshot(sampleWorkbookModel()), REGISTER_SHEET, null);
const sampleWithEmpty = (): WorkbookSnapshot =>
  withSheet(modelToSnapshot(sampleWorkbookModel()), REGISTER_SHEET, registerSheet(register([], [])));

describe.each([
  ['without a register', sampleWithout],
  ['with an empty register', sampleWithEmpty],
])('the sample %s', (_, workbook) => {
  const r = reconcile(workbook());

  it('keeps budget and financing per year, and leaves own-funded, own sources and earmarked uncomputed (null, not 0)', () => {
    expect(r.registerFigures).toBe(false);
    expect(r.totals[2010]).toEqual({
      budget: ore(3_430_000),
      financing: ore(3_430_000),
      ownFunded: null,
      ownSources: null,
      earmarked: null,
    });
    expect(r.balanced).toBe(true);
  });

  it('finds no own-funding difference: there are no own sources to differ from', () => {
    expect(r.findings.filter((f) => f.code === 'OWN_FUNDING_MISMATCH')).toEqual([]);
  });

  it('reports the 2009 note under the financing without comparing it: own contribution 2010 is not computed', () => {
    const yoy = r.findings.filter((f) => f.code === 'YEAR_OVER_YEAR');
    expect(yoy).toHaveLength(1);
    expect(yoy[0]).toMatchObject({
      cells: ['Finansiering!A12'],
      year: 2010,
      expected: ore(1_810_000),
      params: { earlierYear: 2009, role: 'financing', reason: 'noRegister' },
    });
    expect(yoy[0].actual).toBeUndefined();
    expect(yoy[0].difference).toBeUndefined();
    expect(plain(describeFinding(yoy[0], 'nb'))).toBe(
      'Eget bidrag 2010: ikke beregnet: ingen prosjektregister (mot 1 810 000 kr i 2009).',
    );
    expect(describeFinding(yoy[0], 'en')).toBe(
      'Own contribution 2010: not computed: no project register (against 1,810,000 kr in 2009).',
    );
  });

  it('the CLI report says «not computed» for own-funded and own sources, and shows no 0 or difference for them', () => {
    const nb = plain(formatReport(r, 'nb'));
    expect(nb).toMatch(/\n {2}Budsjett +3 430 000\n {2}Finansiering +3 430 000\n/);
    expect(nb).toMatch(
      /\n {2}Egenfinansiert +ikke beregnet: ingen prosjektregister\n {2}Egne kilder +ikke beregnet: ingen prosjektregister\n/,
    );
    expect(nb).not.toMatch(/1 620 000|89,5|Egne kilder +0\b/);
    const en = plain(formatReport(r, 'en'));
    expect(en).toMatch(/\n {2}Own-funded +not computed: no project register\n/);
    expect(en).toMatch(/\n {2}Own sources +not computed: no project register\n/);
  });

  it('the JSON leaves out what is not computed', () => {
    expect(resultToJson(r, 'en').totals).toEqual({ '2010': { budget: 3_430_000, financing: 3_430_000 } });
  });
});

describe('with a register', () => {
  it('the same note is compared with own sources as before: +40 000 kr (+2,2 %)', () => {
    const r = reconcile(modelToSnapshot(sampleWorkbookModel()));
    expect(r.registerFigures).toBe(true);
    const yoy = r.findings.find((f) => f.code === 'YEAR_OVER_YEAR')!;
    expect(yoy).toMatchObject({ actual: ore(1_850_000), difference: ore(40_000) });
    expect(r.totals[2010]).toMatchObject({ ownFunded: ore(1_850_000), ownSources: ore(1_850_000) });
    expect(plain(formatReport(r, 'nb'))).toMatch(/\n {2}Egne kilder +1 850 000\n/);
  });
});

describe('a plan of two years without a register', () => {
  const built = planWorkbook({
    years: [2012, 2013],
    lines: [
      { label: 'Drift', amounts: [50_000, 60_000] },
      { label: 'Alfa', amounts: [100_000, 120_000] },
    ],
    earmarks: [{ source: 'Innovasjon Norge', line: 'Alfa', amounts: [40_000, 0] }],
    withRegister: false,
  });

  it('computes budget and financing for each year and nothing that needs the register', () => {
    const r = reconcile(built.workbook);
    for (const [i, year] of [2012, 2013].entries()) {
      expect(r.totals[year]).toEqual({
        budget: ore(built.budgetTotal[i]),
        financing: ore(built.budgetTotal[i]),
        ownFunded: null,
        ownSources: null,
        earmarked: null,
      });
    }
    expect(r.findings.map((f) => f.code)).toEqual(['REGISTER_MISSING']);
  });

  it('still compares a note under the budget with the budget, which needs no register', () => {
    const budget = built.workbook.sheets.find((s) => s.name === 'Budsjett')!;
    const rows = [...(budget.values as CellValue[][]), ['Budsjett 2011 var kr 140.000', null, null]];
    const r = reconcile(withSheet(built.workbook, 'Budsjett', sheet('Budsjett', rows)));
    const yoy = r.findings.find((f) => f.code === 'YEAR_OVER_YEAR')!;
    expect(yoy).toMatchObject({
      year: 2012,
      expected: ore(140_000),
      actual: ore(150_000),
      difference: ore(10_000),
      params: { role: 'budget', earlierYear: 2011 },
    });
    expect(yoy.params.reason).toBeUndefined();
  });
});
