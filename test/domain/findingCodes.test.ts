/**
 * Every finding code of DOMAIN.md from a small workbook that triggers it,
 * and a near miss that must not.
 */
import { readFileSync } from 'fs';
import { kronerToOre } from '../../src/domain/amount';
import { FINDING_CODES, type Finding, type FindingCode } from '../../src/domain/findings';
import { describe as message } from '../../src/domain/messages';
import { sheetModelToSnapshot } from '../../src/domain/modelToSnapshot';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { registerSheetModel } from '../../src/domain/register/registerSheet';
import type { FundingSource, Register, RegisterEntry } from '../../src/domain/register/types';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/domain/snapshot';

const sheet = (name: string, values: CellValue[][], indents?: number[][]): SheetSnapshot => ({
  name,
  origin: { row: 0, col: 0 },
  values,
  indents,
});

const project = (
  id: string,
  name: string,
  kr: number | null,
  extra: Partial<RegisterEntry> = {},
): RegisterEntry => ({
  id,
  name,
  area: '1 Klynger',
  phase: '',
  owner: 'SNR',
  role: '',
  partners: [],
  goals: [],
  contribution: kr === null ? null : kronerToOre(kr),
  basis: kr === null ? null : 'per år',
  contributionNote: '',
  budgetLine: name,
  aliases: [],
  kind: 'project',
  ...extra,
});

const SOURCES: FundingSource[] = [
  { name: 'SNR', kind: 'own', aliases: [] },
  { name: 'Innovasjon Norge', kind: 'external', aliases: [] },
  { name: 'SNRs bidrag', kind: 'memo', aliases: [] },
];

const baseRegister = (entries: RegisterEntry[] = [], sources: FundingSource[] = SOURCES): Register => ({
  formatVersion: 1,
  entries: [
    project('1', 'Alfa', 100_000),
    project('2', 'Beta', 50_000),
    { ...project('', 'Drift', null), kind: 'operations' },
    ...entries,
  ],
  sources,
});

/**
 * A small balanced plan for 2010: Alfa 100 000, Beta 150 000 (100 000
 * earmarked by Innovasjon Norge), Drift 50 000; SNR pays 200 000.
 */
function workbook(
  change: {
    budget?: CellValue[][];
    financing?: CellValue[][];
    financingIndents?: number[][];
    register?: Register | null;
    extraSheets?: SheetSnapshot[];
  } = {},
): WorkbookSnapshot {
  const budget = change.budget ?? [
    ['Post', 'Budsjett 2010'],
    ['Alfa', 100_000],
    ['Beta', 150_000],
    ['Drift', 50_000],
    ['Sum', 300_000],
  ];
  const financing = change.financing ?? [
    ['Kilde', 'Budsjett 2010'],
    ['SNR', 200_000],
    ['Innovasjon Norge,', null],
    ['Beta', 100_000],
    ['SUM', 300_000],
    ['SNRs bidrag', 200_000],
  ];
  const register = change.register === undefined ? baseRegister() : change.register;
  return {
    sheets: [
      sheet('Budsjett', budget),
      sheet(
        'Finansiering',
        financing,
        change.financingIndents ?? financing.map((r, i) => r.map(() => (i === 3 ? 1 : 0))),
      ),
      ...(register ? [sheetModelToSnapshot(registerSheetModel(register))] : []),
      ...(change.extraSheets ?? []),
    ],
  };
}

const codes = (fs: readonly Finding[]) => fs.map((f) => f.code).sort();
const only = (fs: readonly Finding[], code: FindingCode) => fs.filter((f) => f.code === code);

describe('the baseline fixture', () => {
  it('is clean', () => {
    const r = reconcile(workbook());
    expect(r.findings).toEqual([]);
    expect(r.balanced).toBe(true);
    expect(r.totals[2010]).toEqual({
      budget: 30_000_000,
      financing: 30_000_000,
      ownFunded: 20_000_000,
      ownSources: 20_000_000,
      earmarked: 10_000_000,
    });
  });
});

describe('each finding code', () => {
  it('SHEET_MISSING names the role and lists the sheets that exist; a prefixed name is found', () => {
    const wb = workbook();
    const r = reconcile({ sheets: wb.sheets.filter((s) => s.name !== 'Finansiering') });
    const f = only(r.findings, 'SHEET_MISSING');
    expect(f).toHaveLength(1);
    expect(f[0].params.role).toBe('financing');
    expect(f[0].params.sheets).toEqual(['Budsjett', 'Prosjektregister']);
    expect(r.balanced).toBe(false);
    // near miss: `Finansiering 2010` is found by prefix
    const renamed = {
      sheets: wb.sheets.map((s) => (s.name === 'Finansiering' ? { ...s, name: 'Finansiering 2010' } : s)),
    };
    expect(codes(reconcile(renamed).findings)).toEqual([]);
  });

  it('TABLE_NOT_FOUND when no year column has amounts under it', () => {
    const r = reconcile(
      workbook({
        budget: [
          ['Post', 'Beløp'],
          ['Alfa', 100_000],
        ],
      }),
    );
    // An amount column, but no year in its header, a title above or the sheet's name: that cell.
    expect(only(r.findings, 'TABLE_NOT_FOUND')).toHaveLength(1);
    expect(only(r.findings, 'TABLE_NOT_FOUND')[0].cells).toEqual(['Budsjett!B1']);
    expect(only(r.findings, 'TABLE_NOT_FOUND')[0].params.reason).toBe('amountWithoutYear');
    const none = reconcile(
      workbook({
        budget: [
          ['Post', 'Merknad'],
          ['Alfa', 'x'],
        ],
      }),
    );
    expect(only(none.findings, 'TABLE_NOT_FOUND')[0].cells).toEqual(['Budsjett!A1']);
    // near miss: a numeric year header works
    const ok = reconcile(
      workbook({
        budget: [
          ['Post', 2010],
          ['Alfa', 100_000],
          ['Beta', 150_000],
          ['Drift', 50_000],
          ['Sum', 300_000],
        ],
      }),
    );
    expect(codes(ok.findings)).toEqual([]);
  });

  it('REGISTER_MISSING when there is no register, while sums and balance are still checked', () => {
    const r = reconcile(
      workbook({
        register: null,
        budget: [
          ['Post', 'Budsjett 2010'],
          ['Alfa', 100_000],
          ['Beta', 150_000],
          ['Drift', 50_000],
          ['Sum', 1],
        ],
      }),
    );
    expect(codes(r.findings)).toEqual(['REGISTER_MISSING', 'SUM_MISMATCH']);
    expect(only(reconcile(workbook()).findings, 'REGISTER_MISSING')).toEqual([]);
  });

  it('REGISTER_INVALID for a row without a name, text where a number belongs, an unknown kind, a missing column', () => {
    const reg = baseRegister([
      project('9', '', 1),
      { ...project('10', 'Gamma', null), kind: 'mystery' as 'project' },
    ]);
    const sheetModel = registerSheetModel(reg);
    const snap = sheetModelToSnapshot(sheetModel);
    // Put free text into Beta's contribution cell (row 5 = header row 3 + 2) and drop the `goals` header.
    const values = snap.values.map((row) => [...row]);
    const contributionCol = values[2].indexOf('contribution');
    values[4][contributionCol] = 'mye penger';
    values[2][values[2].indexOf('goals')] = null;
    const r = reconcile(workbook({ register: null, extraSheets: [{ ...snap, values }] }));
    const invalid = only(r.findings, 'REGISTER_INVALID');
    const reasons = invalid.map((f) => f.params.reason).sort();
    // Removing the goals header splits the table: columns after it are no longer part of it.
    expect(reasons).toContain('missingColumn');
    // near miss: the unmodified register is valid
    expect(only(reconcile(workbook()).findings, 'REGISTER_INVALID')).toEqual([]);

    // text and kind on an intact header
    const values2 = snap.values.map((row) => [...row]);
    values2[4][contributionCol] = 'mye penger';
    const r2 = reconcile(workbook({ register: null, extraSheets: [{ ...snap, values: values2 }] }));
    const reasons2 = only(r2.findings, 'REGISTER_INVALID')
      .map((f) => f.params.reason)
      .sort();
    expect(reasons2).toEqual(['missingName', 'notANumber', 'unknownKind']);
    const notNumber = only(r2.findings, 'REGISTER_INVALID').find((f) => f.params.reason === 'notANumber')!;
    expect(notNumber.cells).toEqual([`Prosjektregister!${String.fromCharCode(65 + contributionCol)}5`]);
    expect(notNumber.projectId).toBe('2');
  });

  it('DUPLICATE_ID names both rows; distinct ids do not', () => {
    const r = reconcile(workbook({ register: baseRegister([project('1', 'Gamma', null)]) }));
    const f = only(r.findings, 'DUPLICATE_ID');
    expect(f).toHaveLength(1);
    expect(f[0].projectId).toBe('1');
    expect(f[0].cells).toEqual(['Prosjektregister!A4', 'Prosjektregister!A7']);
    expect(
      only(
        reconcile(workbook({ register: baseRegister([project('1b', 'Gamma', null)]) })).findings,
        'DUPLICATE_ID',
      ),
    ).toEqual([]);
  });

  it('AMOUNT_AS_TEXT reads text that looks like a number and says so', () => {
    const r = reconcile(
      workbook({
        budget: [
          ['Post', 'Budsjett 2010'],
          ['Alfa', 'kr 100.000'],
          ['Beta', '150\u00a0000'],
          ['Drift', 50_000],
          ['Sum', '3. 00.000'],
        ],
      }),
    );
    expect(only(r.findings, 'AMOUNT_AS_TEXT').map((f) => f.cells[0])).toEqual(['Budsjett!B2', 'Budsjett!B3']);
    expect(only(r.findings, 'AMOUNT_INVALID').map((f) => f.cells[0])).toEqual(['Budsjett!B5']);
    expect(r.totals[2010].budget).toBe(30_000_000);
    expect(only(reconcile(workbook()).findings, 'AMOUNT_AS_TEXT')).toEqual([]);
  });

  it('AMOUNT_INVALID for error values and free text, naming the cell', () => {
    const bad = reconcile(
      workbook({
        budget: [
          ['Post', 'Budsjett 2010'],
          ['Alfa', { error: '#REF!' }],
          ['Beta', 'se note'],
          ['Drift', 50_000],
          ['Sum', 300_000],
        ],
      }),
    );
    const invalid = only(bad.findings, 'AMOUNT_INVALID');
    expect(invalid.map((f) => [f.cells[0], f.params.reason])).toEqual([
      ['Budsjett!B2', 'error'],
      ['Budsjett!B3', 'text'],
    ]);
    expect(only(reconcile(workbook()).findings, 'AMOUNT_INVALID')).toEqual([]);
  });

  it('SUM_MISMATCH gives the stated and the computed sum', () => {
    const r = reconcile(
      workbook({
        budget: [
          ['Post', 'Budsjett 2010'],
          ['Alfa', 100_000],
          ['Beta', 150_000],
          ['Drift', 50_000],
          ['Sum', 310_000],
        ],
      }),
    );
    const f = only(r.findings, 'SUM_MISMATCH');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      cells: ['Budsjett!B5'],
      year: 2010,
      expected: 30_000_000,
      actual: 31_000_000,
      difference: 1_000_000,
    });
  });

  it('UNBALANCED when budget and financing totals differ', () => {
    const r = reconcile(
      workbook({
        financing: [
          ['Kilde', 'Budsjett 2010'],
          ['SNR', 190_000],
          ['Innovasjon Norge,', null],
          ['Beta', 100_000],
          ['SUM', 290_000],
          ['SNRs bidrag', 190_000],
        ],
      }),
    );
    expect(codes(r.findings)).toEqual(['OWN_FUNDING_MISMATCH', 'UNBALANCED']);
    expect(only(r.findings, 'UNBALANCED')[0]).toMatchObject({
      expected: 30_000_000,
      actual: 29_000_000,
      difference: -1_000_000,
      cells: ['Budsjett!B5', 'Finansiering!B5'],
    });
    expect(r.balanced).toBe(false);
  });

  it('UNKNOWN_LINE offers the closest register name; an alias is a known name', () => {
    const r = reconcile(
      workbook({
        budget: [
          ['Post', 'Budsjett 2010'],
          ['Alfa', 100_000],
          ['Betta', 150_000],
          ['Drift', 50_000],
          ['Sum', 300_000],
        ],
      }),
    );
    const f = only(r.findings, 'UNKNOWN_LINE');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cells: ['Budsjett!A3'], suggestion: '2 Beta' });
    const withAlias = baseRegister();
    const aliased = {
      ...withAlias,
      entries: withAlias.entries.map((e) => (e.id === '2' ? { ...e, aliases: ['Betta'] } : e)),
    };
    const ok = reconcile(
      workbook({
        register: aliased,
        budget: [
          ['Post', 'Budsjett 2010'],
          ['Alfa', 100_000],
          ['Betta', 150_000],
          ['Drift', 50_000],
          ['Sum', 300_000],
        ],
      }),
    );
    expect(ok.findings).toEqual([]);
  });

  it('UNKNOWN_EARMARK when an earmarked row names no budget line', () => {
    const r = reconcile(
      workbook({
        financing: [
          ['Kilde', 'Budsjett 2010'],
          ['SNR', 200_000],
          ['Innovasjon Norge,', null],
          ['Gamma', 100_000],
          ['SUM', 300_000],
          ['SNRs bidrag', 200_000],
        ],
      }),
    );
    expect(only(r.findings, 'UNKNOWN_EARMARK')).toHaveLength(1);
    expect(only(r.findings, 'UNKNOWN_EARMARK')[0]).toMatchObject({
      cells: ['Finansiering!A4'],
      params: { source: 'Innovasjon Norge' },
    });
  });

  it('UNKNOWN_SOURCE for an unregistered source, with a suggestion', () => {
    const r = reconcile(
      workbook({
        financing: [
          ['Kilde', 'Budsjett 2010'],
          ['SNR', 200_000],
          ['Innovasjon Norges,', null],
          ['Beta', 100_000],
          ['SUM', 300_000],
          ['SNRs bidrag', 200_000],
        ],
      }),
    );
    expect(only(r.findings, 'UNKNOWN_SOURCE')).toHaveLength(1);
    expect(only(r.findings, 'UNKNOWN_SOURCE')[0]).toMatchObject({
      cells: ['Finansiering!A3'],
      suggestion: 'Innovasjon Norge',
    });
  });

  it('OVERFINANCED when earmarks exceed the budget of a line; equal is fine', () => {
    const r = reconcile(
      workbook({
        financing: [
          ['Kilde', 'Budsjett 2010'],
          ['SNR', 140_000],
          ['Innovasjon Norge,', null],
          ['Beta', 160_000],
          ['SUM', 300_000],
          ['SNRs bidrag', 140_000],
        ],
      }),
    );
    expect(only(r.findings, 'OVERFINANCED')[0]).toMatchObject({
      year: 2010,
      expected: 15_000_000,
      actual: 16_000_000,
      difference: 1_000_000,
      cells: ['Finansiering!B4', 'Budsjett!B3'],
      projectId: '2',
    });
    const equal = reconcile(
      workbook({
        financing: [
          ['Kilde', 'Budsjett 2010'],
          ['SNR', 150_000],
          ['Innovasjon Norge,', null],
          ['Beta', 150_000],
          ['SUM', 300_000],
          ['SNRs bidrag', 150_000],
        ],
      }),
    );
    expect(only(equal.findings, 'OVERFINANCED')).toEqual([]);
  });

  it('CONTRIBUTION_MISMATCH per year and in total; a match passes', () => {
    const reg = baseRegister();
    const changed = {
      ...reg,
      entries: reg.entries.map((e) => (e.id === '1' ? { ...e, contribution: kronerToOre(90_000) } : e)),
    };
    const r = reconcile(workbook({ register: changed }));
    expect(only(r.findings, 'CONTRIBUTION_MISMATCH')[0]).toMatchObject({
      projectId: '1',
      year: 2010,
      expected: 9_000_000,
      actual: 10_000_000,
      difference: 1_000_000,
      cells: ['Budsjett!B2'],
    });
    const total = {
      ...reg,
      entries: reg.entries.map((e) => (e.id === '2' ? { ...e, basis: 'totalt' as const } : e)),
    };
    expect(only(reconcile(workbook({ register: total })).findings, 'CONTRIBUTION_MISMATCH')).toEqual([]);
  });

  it('CONTRIBUTION_MISMATCH accepts an amount inside a promised range', () => {
    const reg = baseRegister();
    const ranged = {
      ...reg,
      entries: reg.entries.map((e) =>
        e.id === '1'
          ? { ...e, contributionRange: { min: kronerToOre(80_000), max: kronerToOre(120_000) } }
          : e,
      ),
    };
    expect(only(reconcile(workbook({ register: ranged })).findings, 'CONTRIBUTION_MISMATCH')).toEqual([]);
  });

  it('NO_BUDGET_LINE for a project with money and no line; a work-only project is listed instead', () => {
    const r = reconcile(
      workbook({ register: baseRegister([project('3', 'Gamma', 10_000), project('4', 'Delta', null)]) }),
    );
    expect(only(r.findings, 'NO_BUDGET_LINE')).toHaveLength(1);
    expect(only(r.findings, 'NO_BUDGET_LINE')[0]).toMatchObject({ projectId: '3', expected: 1_000_000 });
    expect(r.nonMoneyProjects).toEqual([{ id: '4', name: 'Delta' }]);
  });

  it('OWN_FUNDING_MISMATCH when own sources do not cover the own-funded lines', () => {
    const r = reconcile(
      workbook({
        financing: [
          ['Kilde', 'Budsjett 2010'],
          ['SNR', 150_000],
          ['Innovasjon Norge', 50_000],
          ['Innovasjon Norge,', null],
          ['Beta', 100_000],
          ['SUM', 300_000],
          ['SNRs bidrag', 150_000],
        ],
        financingIndents: [[0], [0], [0], [0], [1], [0], [0]],
      }),
    );
    expect(codes(r.findings)).toEqual(['OWN_FUNDING_MISMATCH']);
    expect(only(r.findings, 'OWN_FUNDING_MISMATCH')[0]).toMatchObject({
      expected: 15_000_000,
      actual: 20_000_000,
      cells: ['Finansiering!B2'],
    });
  });

  it('MEMO_MISMATCH when the memo row does not restate the own sources', () => {
    const r = reconcile(
      workbook({
        financing: [
          ['Kilde', 'Budsjett 2010'],
          ['SNR', 200_000],
          ['Innovasjon Norge,', null],
          ['Beta', 100_000],
          ['SUM', 300_000],
          ['SNRs bidrag', 210_000],
        ],
      }),
    );
    expect(codes(r.findings)).toEqual(['MEMO_MISMATCH']);
    expect(only(r.findings, 'MEMO_MISMATCH')[0]).toMatchObject({
      cells: ['Finansiering!B6'],
      expected: 20_000_000,
      actual: 21_000_000,
    });
  });

  it('YEAR_OVER_YEAR compares a note on an earlier year; a note on a later year is ignored', () => {
    const base: CellValue[][] = [
      ['Kilde', 'Budsjett 2010'],
      ['SNR', 200_000],
      ['Innovasjon Norge,', null],
      ['Beta', 100_000],
      ['SUM', 300_000],
      ['SNRs bidrag', 200_000],
      [null, null],
    ];
    const r = reconcile(workbook({ financing: [...base, ['Finansiering 2009 var kr 160.000', null]] }));
    expect(only(r.findings, 'YEAR_OVER_YEAR')[0]).toMatchObject({
      severity: 'info',
      year: 2010,
      expected: 16_000_000,
      actual: 20_000_000,
      difference: 4_000_000,
      cells: ['Finansiering!A8'],
    });
    expect(only(r.findings, 'YEAR_OVER_YEAR')[0].params.percent).toBe(25);
    expect(
      reconcile(workbook({ financing: [...base, ['Prognose 2012 er kr 160.000', null]] })).findings,
    ).toEqual([]);
  });

  it('covers every code of DOMAIN.md in these tests', () => {
    // A guard so a new code cannot be added without a test above naming it.
    const source = readFileSync(__filename, 'utf8');
    for (const code of FINDING_CODES) expect(source).toContain(`it('${code}`);
  });

  it('has a message in both languages for every code, with no undefined in it', () => {
    for (const code of FINDING_CODES) {
      const f: Finding = {
        code,
        severity: 'error',
        cells: [],
        params: {},
        year: 2010,
        expected: 100,
        actual: 200,
        difference: 100,
      };
      for (const lang of ['nb', 'en'] as const) {
        const text = message(f, lang);
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toMatch(/undefined|NaN/);
      }
    }
  });
});
