/**
 * Finding keys: what a finding is about, never where it was seen. Keys of the
 * sample, of a realistic finding of every code, after rows are inserted, for
 * long and awkward labels, and findings that would share a key.
 */
import { FINDING_CODES, finding, type Finding } from '../../../src/domain/findings';
import {
  describeKey,
  displayLabel,
  findingFigures,
  findingKey,
  findingKeys,
  parseKey,
} from '../../../src/domain/review';
import { findingsOf, insertRowsAbove, sampleSnapshot } from './fixtures';

const REG = 'Prosjektregister';

/** One or more findings of every code, shaped as the readers and rules make them. */
const EVERY_CODE: readonly Finding[] = [
  finding({ code: 'SHEET_MISSING', cells: [], params: { role: 'financing', sheets: ['Budsjett'] } }),
  finding({ code: 'SHEET_MISSING', cells: [], params: { role: 'budget', name: 'Budsjett 2012' } }),
  finding({ code: 'TABLE_NOT_FOUND', cells: ['Budsjett!A1'], params: { sheet: 'Budsjett', role: 'budget' } }),
  finding({ code: 'TABLE_NOT_FOUND', cells: [], year: 2012, params: { reason: 'noYear', sheets: ['2010'] } }),
  finding({ code: 'REGISTER_MISSING', cells: [], params: { sheet: REG } }),
  finding({
    code: 'REGISTER_INVALID',
    cells: [`${REG}!B1`],
    params: { sheet: REG, reason: 'newerVersion', text: '2' },
  }),
  finding({
    code: 'REGISTER_INVALID',
    cells: [`${REG}!A3`],
    params: { sheet: REG, reason: 'missingColumn', name: 'Prosjekter', field: 'basis' },
  }),
  finding({
    code: 'REGISTER_INVALID',
    cells: [`${REG}!I6`],
    projectId: '2.1',
    params: { sheet: REG, name: 'Prosjekter', field: 'contribution', reason: 'notANumber', text: 'abc' },
  }),
  finding({
    code: 'REGISTER_INVALID',
    cells: [`${REG}!R5`],
    params: { sheet: REG, name: 'Kilder', field: 'kind', reason: 'unknownKind', text: 'x', source: 'SNR' },
  }),
  finding({
    code: 'DUPLICATE_ID',
    cells: [`${REG}!A7`, `${REG}!A9`],
    projectId: '1.3',
    params: { name: 'Logistikknæringen', other: 'Et løft for reiselivet' },
  }),
  finding({
    code: 'AMOUNT_AS_TEXT',
    cells: ['Budsjett!B4'],
    year: 2010,
    actual: 15_000_000,
    params: { sheet: 'Budsjett', label: 'Interreg prosjekt FEM', text: '150.000' },
  }),
  finding({
    code: 'AMOUNT_AS_TEXT',
    cells: [`${REG}!I12`],
    projectId: '3.1',
    actual: 20_000_000,
    params: { sheet: REG, text: 'kr 200.000' },
  }),
  finding({
    code: 'AMOUNT_INVALID',
    cells: ['Finansiering!B8'],
    year: 2010,
    params: { sheet: 'Finansiering', label: 'Bruk fond SNR', text: '#REF!', reason: 'error' },
  }),
  ...(['Budsjett', 'Finansiering'] as const).map((sheet) =>
    finding({
      code: 'SUM_MISMATCH',
      cells: [`${sheet}!B11`],
      year: 2010,
      expected: 343_000_000,
      actual: 344_000_000,
      difference: 1_000_000,
      params: { sheet, label: 'Sum' },
    }),
  ),
  ...[2010, 2011].map((year) =>
    finding({ code: 'UNBALANCED', cells: ['Budsjett!B11'], year, expected: 1, actual: 2, difference: 1 }),
  ),
  finding({
    code: 'UNKNOWN_LINE',
    cells: ['Budsjett!A10'],
    params: { sheet: 'Budsjett', label: 'Diverse utgifter' },
  }),
  finding({
    code: 'UNKNOWN_LINE',
    cells: ['Budsjett!A13'],
    params: { sheet: 'Budsjett', label: 'Diverse utgifter', reason: 'afterSum' },
  }),
  finding({
    code: 'UNKNOWN_EARMARK',
    cells: ['Finansiering!A4'],
    suggestion: 'Etablerertjenesten',
    params: { sheet: 'Finansiering', label: 'Etablerertjenester', source: 'Innovasjon Norge' },
  }),
  finding({
    code: 'UNKNOWN_EARMARK',
    cells: ['Finansiering!A6'],
    params: { sheet: 'Finansiering', label: 'Etablerertjenester', source: 'Akershus Fylkeskommune' },
  }),
  finding({
    code: 'UNKNOWN_SOURCE',
    cells: ['Finansiering!A3'],
    params: { sheet: 'Finansiering', label: 'Sparebankstiftelsen' },
  }),
  finding({
    code: 'OVERFINANCED',
    cells: ['Finansiering!B7', 'Budsjett!B5'],
    projectId: '1.2',
    year: 2010,
    expected: 20_000_000,
    actual: 25_000_000,
    difference: 5_000_000,
    params: { label: 'Helsesdesign Arena' },
  }),
  ...[
    { projectId: '1.2', year: 2010 },
    { projectId: '1.2', year: 2011 },
    { projectId: '3.1', year: 2010 },
    { projectId: undefined, year: 2010, name: 'Uten id' },
    { projectId: '2.1', year: undefined },
  ].map(({ projectId, year, name }) =>
    finding({
      code: 'CONTRIBUTION_MISMATCH',
      cells: ['Budsjett!B5'],
      projectId,
      year,
      expected: 20_000_000,
      actual: 0,
      difference: -20_000_000,
      params: { name: name ?? `Prosjekt ${projectId}`, reason: year ? 'perYear' : 'total' },
    }),
  ),
  finding({
    code: 'NO_BUDGET_LINE',
    cells: [`${REG}!I8`],
    projectId: '2.2',
    expected: 1,
    params: { name: 'Campus' },
  }),
  finding({
    code: 'OWN_FUNDING_MISMATCH',
    cells: ['Finansiering!B2'],
    year: 2010,
    expected: 1,
    actual: 2,
    difference: 1,
  }),
  finding({
    code: 'MEMO_MISMATCH',
    cells: ['Finansiering!B10'],
    year: 2010,
    expected: 1,
    actual: 2,
    difference: 1,
    params: { label: 'SNRs bidrag' },
  }),
  ...(['financing', 'budget'] as const).map((role) =>
    finding({
      code: 'YEAR_OVER_YEAR',
      cells: ['Finansiering!A12'],
      year: 2010,
      expected: 181_000_000,
      actual: 185_000_000,
      difference: 4_000_000,
      params: { earlierYear: 2009, role, percent: 2.2, text: 'Mrk. …' },
    }),
  ),
];

describe('findingKey', () => {
  it('names the sample findings by code, project and year', () => {
    expect(findingKeys(findingsOf(sampleSnapshot()))).toEqual([
      'DUPLICATE_ID|project=1.3',
      'CONTRIBUTION_MISMATCH|project=1.2|year=2010',
      'CONTRIBUTION_MISMATCH|project=3.1|year=2010',
      'YEAR_OVER_YEAR|role=financing|earlierYear=2009|year=2010',
    ]);
  });

  it('keeps every key when rows are inserted above the tables, though every cell address moves', () => {
    const before = findingsOf(sampleSnapshot());
    const after = findingsOf(insertRowsAbove(sampleSnapshot(), 3));
    expect(after.map((f) => f.cells)).not.toEqual(before.map((f) => f.cells));
    expect(after[1].cells).toEqual(['Budsjett!B8', 'Finansiering!B10']);
    expect(findingKeys(after)).toEqual(findingKeys(before));
  });

  it('gives a realistic finding of every code its own key, starting with the code, without a cell', () => {
    expect(new Set(EVERY_CODE.map((f) => f.code))).toEqual(new Set(FINDING_CODES));
    const keys = EVERY_CODE.map(findingKey);
    expect(new Set(keys).size).toBe(keys.length);
    EVERY_CODE.forEach((f, i) => {
      expect(keys[i].startsWith(f.code)).toBe(true);
      for (const cell of f.cells) expect(keys[i]).not.toContain(cell.split('!')[1]);
    });
  });

  it('uses the name of a project without id, and no year for a total promise', () => {
    const keys = EVERY_CODE.filter((f) => f.code === 'CONTRIBUTION_MISMATCH').map(findingKey);
    expect(keys).toContain('CONTRIBUTION_MISMATCH|name=Uten id|year=2010');
    expect(keys).toContain('CONTRIBUTION_MISMATCH|project=2.1');
  });

  it('tells findings that would share a key apart by their order: #2, #3', () => {
    const noName = finding({
      code: 'REGISTER_INVALID',
      cells: [`${REG}!B9`],
      params: { sheet: REG, name: 'Prosjekter', field: 'name', reason: 'missingName' },
    });
    const moved = { ...noName, cells: [`${REG}!B12`] };
    const keys = findingKeys([noName, EVERY_CODE[0], moved, noName]);
    expect(keys).toEqual([
      'REGISTER_INVALID|reason=missingName|table=Prosjekter|field=name',
      'SHEET_MISSING|role=financing',
      'REGISTER_INVALID|reason=missingName|table=Prosjekter|field=name#2',
      'REGISTER_INVALID|reason=missingName|table=Prosjekter|field=name#3',
    ]);
    expect(parseKey(keys[3]).n).toBe(3);
  });

  it('collapses white space, escapes | # \\ and reads them back', () => {
    const label = 'Post  #3 | drift \\ annet';
    const f = finding({ code: 'UNKNOWN_LINE', cells: ['Budsjett!A4'], params: { sheet: 'Budsjett', label } });
    const key = findingKey(f);
    expect(key).toBe('UNKNOWN_LINE|sheet=Budsjett|label=Post \\#3 \\| drift \\\\ annet');
    expect(parseKey(key)).toEqual({
      code: 'UNKNOWN_LINE',
      parts: [
        { name: 'sheet', value: 'Budsjett' },
        { name: 'label', value: 'Post #3 | drift \\ annet' },
      ],
      n: 1,
    });
    expect(findingKey({ ...f, params: { ...f.params, label: '  Post #3 |  drift \\ annet ' } })).toBe(key);
    expect(displayLabel('Diverse#2')).toBe('Diverse (2)');
  });

  it('bounds a key made from a 30 000-character label, and keeps two such labels apart', () => {
    const long = (end: string) =>
      finding({
        code: 'UNKNOWN_LINE',
        cells: ['Budsjett!A4'],
        params: { sheet: 'Budsjett', label: 'x'.repeat(30_000) + end },
      });
    const [a, b] = [findingKey(long('a')), findingKey(long('b'))];
    expect(a.length).toBeLessThan(120);
    expect(a).not.toBe(b);
    expect(a).toMatch(/\|label=x{60}…[0-9a-f]{8}$/);
  });

  it('describes a key for people in both languages', () => {
    expect(describeKey('CONTRIBUTION_MISMATCH|project=1.2|year=2010', 'nb')).toBe(
      'CONTRIBUTION_MISMATCH: prosjekt 1.2, år 2010',
    );
    expect(describeKey('YEAR_OVER_YEAR|role=financing|earlierYear=2009|year=2010', 'en')).toBe(
      'YEAR_OVER_YEAR: part financing, against 2009, year 2010',
    );
    expect(describeKey('REGISTER_MISSING#2', 'nb')).toBe('REGISTER_MISSING: nr. 2');
  });
});

describe('findingFigures', () => {
  it('is the amounts of a finding, in exact kroner', () => {
    const [helsedesign] = findingsOf(sampleSnapshot()).filter((f) => f.projectId === '1.2');
    expect(findingFigures(helsedesign)).toBe('expected=200000;actual=0;difference=-200000');
    const ore = finding({
      code: 'OWN_FUNDING_MISMATCH',
      cells: [],
      year: 2010,
      expected: 123_450,
      actual: -5,
      difference: -123_455,
    });
    expect(findingFigures(ore)).toBe('expected=1234.50;actual=-0.05;difference=-1234.55');
  });

  it('is the reported text for a finding without amounts, and empty when there is none', () => {
    const byCode = (code: string) => EVERY_CODE.find((f) => f.code === code) as Finding;
    expect(findingFigures(byCode('AMOUNT_INVALID'))).toBe('text=#REF!');
    expect(findingFigures(byCode('DUPLICATE_ID'))).toBe('names=Logistikknæringen, Et løft for reiselivet');
    expect(findingFigures(byCode('UNKNOWN_LINE'))).toBe('');
  });
});
