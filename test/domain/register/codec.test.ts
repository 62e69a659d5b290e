/**
 * The register as JSON and CSV: exact round trips (the sample, generated
 * registers with awkward text), the layout Norwegian Excel opens, and bad
 * files refused whole with every bad line and field reported.
 */
import fc from 'fast-check';
import { modelToSnapshot } from '../../../src/domain/modelToSnapshot';
import { decodeImportBytes } from '../../../src/domain/register/codec/bytes';
import { parseContribution } from '../../../src/domain/register/codec/contribution';
import { registerFromCsv, registerToCsv } from '../../../src/domain/register/codec/csv';
import { detectFormat } from '../../../src/domain/register/codec/format';
import type { ImportError, ImportResult } from '../../../src/domain/register/codec/importErrors';
import { importErrorDetail, importErrorMessage } from '../../../src/domain/register/codec/importMessages';
import { registerFromJson, registerToJson } from '../../../src/domain/register/codec/json';
import { registerEntry } from '../../../src/domain/register/entry';
import { readRegister } from '../../../src/domain/register/readRegister';
import { registerSheetModel, sheetRangeText } from '../../../src/domain/register/registerSheet';
import {
  PROJECT_KEYS,
  SOURCE_KEYS,
  type ExtraValue,
  type FundingSource,
  type Register,
  type RegisterEntry,
} from '../../../src/domain/register/types';
import { sampleRegister, sampleWorkbookModel } from '../../../src/sample/sampleWorkbook';

/** The CSV's text mark: a zero-width space. */
const ZWSP = '\u200B';

/** The sample register as the workbook holds it (what `register export` reads). */
const storedSample = (): Register => readRegister(modelToSnapshot(sampleWorkbookModel())).register!;

function ok(r: ImportResult): Register {
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.errors)}`);
  return r.register;
}

function errors(r: ImportResult): readonly ImportError[] {
  if (r.ok) throw new Error('import succeeded, but should have failed');
  return r.errors;
}

/** 1-based line of the first line of `text` containing `needle` (after `after`, if given). */
function lineOf(text: string, needle: string, after = ''): number {
  const lines = text.split(/\r\n|\n/);
  const from = after === '' ? 0 : lines.findIndex((l) => l.includes(after));
  const i = lines.findIndex((l, n) => n >= from && l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in text`);
  return i + 1;
}

describe('the sample register', () => {
  it('reads the same back from JSON and from CSV', () => {
    const r = storedSample();
    expect(r.entries).toHaveLength(13);
    expect(ok(registerFromJson(registerToJson(r)))).toEqual(r);
    expect(ok(registerFromCsv(registerToCsv(r)))).toEqual(r);
  });

  it('as built in code (no extra column lists) reads back with empty extra column lists', () => {
    const r = sampleRegister();
    const expected = { ...r, extraProjectColumns: [], extraSourceColumns: [] };
    expect(ok(registerFromJson(registerToJson(r)))).toEqual(expected);
    expect(ok(registerFromCsv(registerToCsv(r)))).toEqual(expected);
  });

  it('gives the same text when written again (stable output)', () => {
    const r = storedSample();
    const json = registerToJson(r);
    const csv = registerToCsv(r);
    expect(registerToJson(ok(registerFromJson(json)))).toBe(json);
    expect(registerToCsv(ok(registerFromCsv(csv)))).toBe(csv);
  });
});

describe('JSON layout', () => {
  const json = registerToJson(storedSample());
  const doc = JSON.parse(json);

  it('has the stored keys in stored order, contributions in kroner', () => {
    expect(Object.keys(doc)).toEqual(['formatVersion', 'projects', 'sources']);
    expect(doc.formatVersion).toBe(1);
    expect(Object.keys(doc.projects[0])).toEqual([...PROJECT_KEYS]);
    expect(Object.keys(doc.sources[0])).toEqual([...SOURCE_KEYS]);
    expect(doc.projects[0]).toMatchObject({
      id: '1.1a',
      contribution: 100000,
      basis: 'per år',
      kind: 'project',
    });
    expect(doc.projects[3].contribution).toBeNull();
    expect(doc.projects[3].basis).toBeNull();
    expect(doc.projects[2].partners).toEqual(['Campus Kjeller', 'HiAk', 'Ahus', 'bedrifter', 'kommunene']);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toContain('\n  "projects": [\n    {\n      "id": "1.1a",');
  });

  it('keeps a range as contributionRange next to contribution = its min, and extra columns', () => {
    const r: Register = {
      formatVersion: 1,
      entries: [
        registerEntry({
          id: '9',
          name: 'Range',
          contribution: 20_000_00,
          contributionRange: { min: 20_000_00, max: 300_000_00 },
          basis: 'totalt',
          extra: { Ansvarlig: 'Kari', Prioritet: 2 },
        }),
      ],
      sources: [{ name: 'SNR', kind: 'own', aliases: [], extra: { Konto: null } }],
      extraProjectColumns: ['Ansvarlig', 'Prioritet'],
      extraSourceColumns: ['Konto'],
    };
    const d = JSON.parse(registerToJson(r));
    expect(d.extraProjectColumns).toEqual(['Ansvarlig', 'Prioritet']);
    expect(d.projects[0].contribution).toBe(20000);
    expect(d.projects[0].contributionRange).toEqual({ min: 20000, max: 300000 });
    expect(d.projects[0].extra).toEqual({ Ansvarlig: 'Kari', Prioritet: 2 });
    expect(d.sources[0].extra).toEqual({ Konto: null });
    expect(ok(registerFromJson(registerToJson(r)))).toEqual(r);
    expect(ok(registerFromCsv(registerToCsv(r)))).toEqual(r);
  });
});

describe('CSV layout', () => {
  const csv = registerToCsv(storedSample());
  const lines = csv.slice(1).split('\r\n');

  it('is UTF-8 with a BOM, CRLF, ; between fields, version line and two table sections', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/); // no bare LF: the sample has no line breaks in text
    expect(lines[0]).toBe('formatVersion;1');
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe('Prosjekter');
    expect(lines[3]).toBe(PROJECT_KEYS.join(';'));
    expect(lines[4]).toBe(
      '1.1a;Energi- og miljøklyngen;1 Verdiskapende klynger;Videreføring av hovedprosjekt;Kunnskapsbyen Lillestrøm;deltaker i styringsgruppe og medfinansierer;;;100000;per år;;Energi og miljø;"Energi og miljøklyngen; Oslo Renewable Energy and Environment Cluster";project',
    );
    const kilder = lines.indexOf('Kilder');
    expect(lines[kilder - 1]).toBe('');
    expect(lines[kilder + 1]).toBe('name;kind;aliases');
    expect(lines[kilder + 2]).toBe('SNR;own;Samarbeidsrådet for Nedre Romerike');
  });

  it('marks ids Excel would turn into dates or numbers as text (a leading zero-width space, not an apostrophe)', () => {
    expect(lines.some((l) => l.startsWith(`${ZWSP}1.2;Helsedesign , Arena;`))).toBe(true);
    expect(lines.some((l) => l.startsWith('1.1a;'))).toBe(true);
    expect(csv).not.toMatch(/(^|[;\n"])'/);
  });

  it('quotes ; " and line breaks, and marks formulas so Excel shows them as text', () => {
    const r: Register = {
      formatVersion: 1,
      entries: [
        registerEntry({
          id: 'A',
          name: '=HYPERLINK("x";"y")',
          role: 'line one\nline two',
          contributionNote: '@note',
          goals: ['+1', 'a "quoted" goal'],
        }),
      ],
      sources: [{ name: '-SNR', kind: 'own', aliases: [] }],
    };
    const text = registerToCsv(r);
    expect(text).toContain(
      `A;"${ZWSP}=HYPERLINK(""x"";""y"")";;;;"line one\nline two";;"${ZWSP}+1; a ""quoted"" goal";;;${ZWSP}@note;`,
    );
    expect(text).toContain(`\r\n${ZWSP}-SNR;own;\r\n`);
    expect(ok(registerFromCsv(text)).entries[0]).toEqual(r.entries[0]);
  });

  it('marks text that starts like a mark, so that import keeps it whole', () => {
    const names = ["'quoted", `${ZWSP}hidden`, '?1.2', '?plain', '?'];
    const r: Register = {
      formatVersion: 1,
      entries: names.map((name, i) => registerEntry({ id: String(i + 1), name })),
      sources: [],
    };
    const text = registerToCsv(r);
    expect(text).toContain(`;${ZWSP}'quoted;`);
    expect(text).toContain(`;${ZWSP}${ZWSP}hidden;`);
    expect(text).toContain(`;${ZWSP}?1.2;`);
    expect(text).toContain(';?plain;');
    expect(text).toContain(`;${ZWSP}?;`);
    expect(ok(registerFromCsv(text))).toEqual({ ...r, extraProjectColumns: [], extraSourceColumns: [] });
  });

  it('still reads the apostrophe that earlier versions wrote as the mark', () => {
    const old = csv.replace(new RegExp(ZWSP, 'g'), "'");
    expect(old).toContain("\r\n'1.2;Helsedesign , Arena;");
    expect(ok(registerFromCsv(old))).toEqual(storedSample());
  });

  it('reads a file Excel saved as plain CSV (Windows-1252, no BOM), where each mark became «?»', () => {
    const ansi = csv.slice(1).replace(new RegExp(ZWSP, 'g'), '?');
    expect(ansi).toContain('\r\n?1.2;Helsedesign , Arena;');
    expect(ok(registerFromCsv(ansi))).toEqual(storedSample());
    // With a BOM the file is UTF-8 and could hold the mark: a «?» there is the text's own.
    const withBom = ok(registerFromCsv('\uFEFF' + ansi));
    expect(withBom.entries.map((e) => e.id)).toContain('?1.2');
  });
});

// ---------------------------------------------------------------------------
// Generated registers

const piece = fc.constantFrom(
  'a',
  'Z',
  'æ',
  'Ø',
  'å',
  ' ',
  ';',
  '"',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '=',
  '+',
  '-',
  '@',
  "'",
  '1',
  '2.1',
  ',',
  '.',
  'kr',
  'til',
  'TRUE',
  '#REF!',
  '\u00a0',
  '?',
  ZWSP,
  '\uFEFF',
);
const rawText = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
/** Text as the register holds it: trimmed. */
const text = rawText.map((s) => s.trim());
const nonEmpty = text.filter((s) => s !== '');
const listItem = nonEmpty.map((s) => s.replace(/;/g, ',').trim()).filter((s) => s !== '');
const list = fc.array(listItem, { maxLength: 4 });
const ore = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000_00 }),
  fc.integer({ min: -1_000_00, max: 1_000_000_000_000 }),
  fc.constantFrom(0, 1, 99, 100, 150),
);
const extraValue: fc.Arbitrary<ExtraValue> = fc.oneof(
  fc.constant(null),
  rawText,
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
  fc.boolean(),
  fc.constantFrom('', '5', '1,5', 'FALSE', "'x", ' 7 '),
);
const RESERVED = new Set<string>([...PROJECT_KEYS, ...SOURCE_KEYS, 'formatVersion', '__proto__']);
const columns = fc.uniqueArray(
  nonEmpty.filter((s) => !RESERVED.has(s)),
  { maxLength: 3, selector: (s) => s.toLowerCase() },
);

function extraFor(cols: readonly string[]): fc.Arbitrary<Record<string, ExtraValue>> {
  return fc
    .tuple(...cols.map(() => extraValue))
    .map((vs) => Object.fromEntries(cols.map((c, i) => [c, vs[i]])));
}

const contribution = fc.oneof(
  fc.constant({ contribution: null, basis: null }),
  fc.record({
    contribution: fc.constant(null),
    basis: fc.constantFrom('per år' as const, 'totalt' as const),
  }),
  fc.record({ contribution: ore, basis: fc.constantFrom('per år' as const, 'totalt' as const) }),
  fc
    .tuple(
      fc.integer({ min: 0, max: 5_000_000_00 }),
      fc.integer({ min: 0, max: 5_000_000_00 }),
      fc.constantFrom('per år' as const, 'totalt' as const),
    )
    .map(([a, b, basis]) => ({
      contribution: Math.min(a, b),
      contributionRange: { min: Math.min(a, b), max: Math.max(a, b) },
      basis,
    })),
);

function entryArb(cols: readonly string[]): fc.Arbitrary<RegisterEntry> {
  return fc
    .record({
      kind: fc.constantFrom('project' as const, 'operations' as const),
      id: text,
      name: nonEmpty,
      area: text,
      phase: text,
      owner: text,
      role: text,
      partners: list,
      goals: list,
      c: contribution,
      contributionNote: text,
      budgetLine: text,
      aliases: list,
      extra: extraFor(cols),
    })
    .map(({ c, extra, ...e }) => ({
      ...e,
      id: e.kind === 'project' && e.id === '' ? 'P1' : e.id,
      ...c,
      ...(cols.length > 0 ? { extra } : {}),
    }));
}

function sourceArb(cols: readonly string[]): fc.Arbitrary<FundingSource> {
  return fc
    .record({
      name: nonEmpty,
      kind: fc.constantFrom('own' as const, 'external' as const, 'memo' as const),
      aliases: list,
      extra: extraFor(cols),
    })
    .map(({ extra, ...s }) => ({ ...s, ...(cols.length > 0 ? { extra } : {}) }));
}

const registerArb: fc.Arbitrary<Register> = fc.tuple(columns, columns).chain(([pc, sc]) =>
  fc.record({
    formatVersion: fc.constant(1),
    entries: fc.array(entryArb(pc), { maxLength: 6 }),
    sources: fc.array(sourceArb(sc), { maxLength: 4 }),
    extraProjectColumns: fc.constant(pc),
    extraSourceColumns: fc.constant(sc),
  }),
);

describe('generated registers', () => {
  it('read back exactly from JSON', () => {
    fc.assert(
      fc.property(registerArb, (r) => {
        expect(ok(registerFromJson(registerToJson(r)))).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it('read back exactly from CSV', () => {
    fc.assert(
      fc.property(registerArb, (r) => {
        expect(ok(registerFromCsv(registerToCsv(r)))).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it('export → import → export gives the same bytes', () => {
    fc.assert(
      fc.property(registerArb, (r) => {
        const csv = registerToCsv(r);
        expect(registerToCsv(ok(registerFromCsv(csv)))).toBe(csv);
      }),
      { numRuns: 300 },
    );
  });

  it('read back exactly after Excel saved the CSV as Windows-1252 (no BOM, each mark a «?»)', () => {
    fc.assert(
      fc.property(registerArb, (r) => {
        const csv = registerToCsv(r).slice(1);
        // Only registers whose own text Windows-1252 can hold: Excel would lose any other character too.
        fc.pre(!/[\u200B\uFEFF]/.test(JSON.stringify(r)));
        const ansi = csv.replace(new RegExp(ZWSP, 'g'), '?');
        expect(ok(registerFromCsv(ansi))).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it('read back exactly from CSV with LF line ends and no BOM (as some editors save it)', () => {
    fc.assert(
      fc.property(registerArb, (r) => {
        // Only record ends become LF: line breaks inside quoted text stay as they were.
        const csv = registerToCsv(r).slice(1);
        const lf = csv.replace(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\n');
        expect(ok(registerFromCsv(lf))).toEqual(r);
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------
// Reading what people write

describe('importing CSV edited by hand or saved from Excel', () => {
  const header = PROJECT_KEYS.join(';');
  const csv = (projectRows: string[], sourceRows: string[] = ['SNR;own;'], pad = '') =>
    [
      'formatVersion;1' + pad,
      'Prosjekter' + pad,
      header,
      ...projectRows,
      '',
      'Kilder' + pad,
      'name;kind;aliases' + pad,
      ...sourceRows,
    ].join('\n');
  const row = (fields: Partial<Record<(typeof PROJECT_KEYS)[number], string>>) =>
    PROJECT_KEYS.map((k) => fields[k] ?? '').join(';');

  it('reads Norwegian amounts, ranges, basis spellings and kinds as the register sheet does', () => {
    const r = ok(
      registerFromCsv(
        csv([
          row({ id: '1', name: 'A', contribution: 'kr 1.500.000', basis: 'pr. år' }),
          row({ id: '2', name: 'B', contribution: 'ca kr 2-300.000', basis: 'Totalt' }),
          row({ id: '3', name: 'C', contribution: '1 234,50', basis: 'per år', kind: 'Prosjekt' }),
          row({ name: 'Drift', kind: 'drift' }),
        ]),
      ),
    );
    expect(r.entries.map((e) => [e.contribution, e.contributionRange, e.basis, e.kind])).toEqual([
      [150_000_000, undefined, 'per år', 'project'],
      [20_000_000, { min: 20_000_000, max: 30_000_000 }, 'totalt', 'project'],
      [123_450, undefined, 'per år', 'project'],
      [null, undefined, null, 'operations'],
    ]);
  });

  it('accepts Excel padding every line with ; to the widest row, and trims list items', () => {
    const r = ok(
      registerFromCsv(csv([row({ id: '1', name: 'A', partners: '" x ;; y "' })], ['SNR;own;;;;;'], ';;;;')),
    );
    expect(r.entries[0].partners).toEqual(['x', 'y']);
    expect(r.sources).toEqual([{ name: 'SNR', kind: 'own', aliases: [] }]);
  });

  it('reads tab or comma separated files (saved by other spreadsheet settings)', () => {
    const r = storedSample();
    const tabbed = registerToCsv(r).replace(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, '\t');
    expect(ok(registerFromCsv(tabbed))).toEqual(r);
    const comma = [
      'formatVersion,1',
      'Prosjekter',
      PROJECT_KEYS.join(','),
      '1,"Helsedesign , Arena",,,,,,,"200000",per år,,,"a; b",project',
      'Kilder',
      'name,kind,aliases',
      'SNR,own,',
    ].join('\r\n');
    expect(ok(registerFromCsv(comma)).entries[0]).toMatchObject({
      name: 'Helsedesign , Arena',
      contribution: 20_000_000,
      aliases: ['a', 'b'],
    });
  });

  it('reports every bad field with its line, and gives no register', () => {
    const text = csv(
      [
        row({ id: '1', name: 'A', contribution: '100', basis: 'per år' }),
        row({ id: '2', name: 'B', contribution: 'abc', basis: 'per år' }),
        row({ id: '', name: '', kind: 'prosjekter' }),
        row({ id: '4', name: 'D', contribution: '5', basis: 'ukentlig' }),
        row({ id: '5', name: 'E', contribution: '5' }),
      ],
      ['SNR;egen;', ';own;', 'X;?;'],
    );
    const errs = errors(registerFromCsv(text));
    expect(errs.map((e) => [e.line, e.field, e.code])).toEqual([
      [5, 'contribution', 'amount'],
      [6, 'kind', 'unknownKind'],
      [6, 'name', 'required'],
      [6, 'id', 'required'],
      [7, 'basis', 'basis'],
      [8, 'basis', 'basis'],
      [13, 'name', 'required'],
      [14, 'kind', 'unknownKind'],
    ]);
    expect(errs[0].text).toBe('abc');
    expect(importErrorMessage(errs[0], 'nb')).toBe('Linje 5, felt contribution: «abc» er ikke et beløp.');
    expect(importErrorMessage(errs[0], 'en')).toBe('Line 5, field contribution: «abc» is not an amount.');
    // A field of 30 000 characters is quoted shortened; the error keeps the whole text.
    const long = 'x'.repeat(30_000);
    const [longError] = errors(registerFromCsv(text.replace('abc', long)));
    expect(longError.text).toHaveLength(30_000);
    expect(importErrorMessage(longError, 'en')).toBe(
      `Line 5, field contribution: «${'x'.repeat(99)}…» is not an amount.`,
    );
    expect(importErrorMessage(errs[5], 'nb')).toBe(
      'Linje 8, felt basis: grunnlag («per år» eller «totalt») mangler, men et beløp er oppgitt.',
    );
    expect(importErrorDetail(errs[7], 'en')).toBe(
      'field kind: «?» is not a valid kind (own, external, memo).',
    );
  });

  it('gives the line a field starts on when quoted text spans lines', () => {
    const text = csv([row({ id: '1', name: 'A', role: '"two\nlines"', contribution: 'x', basis: 'per år' })]);
    expect(errors(registerFromCsv(text)).map((e) => [e.line, e.field])).toEqual([[5, 'contribution']]);
    const text2 = csv([
      row({ id: '1', name: 'A', role: '"two\r\nlines\nthree"' }),
      row({ id: '2', name: 'B', kind: 'x' }),
    ]);
    expect(errors(registerFromCsv(text2)).map((e) => [e.line, e.field])).toEqual([[7, 'kind']]);
  });

  it('reports missing columns, unknown sections content and broken quoting', () => {
    const noBasis = [
      'formatVersion;1',
      'Prosjekter',
      header.replace(';basis', ''),
      'Kilder',
      'name;kind;aliases',
    ].join('\r\n');
    expect(errors(registerFromCsv(noBasis))).toEqual([
      { line: 3, field: 'basis', code: 'missingColumn', table: 'projects' },
    ]);
    const noSources = ['formatVersion;1', 'Prosjekter', header].join('\r\n');
    expect(errors(registerFromCsv(noSources))).toMatchObject([
      { code: 'shape', reason: 'missingSection', text: 'Kilder' },
    ]);
    const unclosed = csv([row({ id: '1', name: '"A' })]);
    expect(errors(registerFromCsv(unclosed))).toEqual([{ line: 4, code: 'notCsv', reason: 'unclosedQuote' }]);
    const outside = [
      'formatVersion;1',
      'stray;line',
      'Prosjekter',
      header,
      'Kilder',
      'name;kind;aliases',
    ].join('\n');
    expect(errors(registerFromCsv(outside))).toMatchObject([
      { line: 2, code: 'shape', reason: 'outsideSection' },
    ]);
    const extraCell = csv([row({ id: '1', name: 'A' }) + ';surplus']);
    expect(errors(registerFromCsv(extraCell))).toMatchObject([
      { line: 4, code: 'shape', reason: 'extraCell' },
    ]);
  });

  it('refuses a newer or a missing format version', () => {
    const newer = registerToCsv(storedSample()).replace('formatVersion;1', 'formatVersion;2');
    expect(errors(registerFromCsv(newer))).toEqual([
      { line: 1, code: 'formatVersion', reason: 'newer', text: '2' },
    ]);
    expect(importErrorMessage(errors(registerFromCsv(newer))[0], 'en')).toMatch(/format version 2 is newer/);
    const missing = registerToCsv(storedSample()).replace('formatVersion;1\r\n', '');
    expect(errors(registerFromCsv(missing))[0]).toMatchObject({ code: 'formatVersion', reason: 'missing' });
  });
});

describe('importing JSON', () => {
  const json = registerToJson(storedSample());

  it('reports the line of each bad field, all of them, and gives no register', () => {
    const bad = json
      .replace('"contribution": 100000,', '"contribution": "abc",')
      .replace('"kind": "external"', '"kind": "extern"')
      .replace('"goals": [\n        "Klargjøres i forprosjektet"\n      ]', '"goals": ["a;b", ""]');
    const errs = errors(registerFromJson(bad));
    // In line order: 1.1a's contribution stands before 1.2's goals, the sources last.
    expect(errs.map((e) => [e.line, e.field, e.code, e.text])).toEqual([
      [lineOf(bad, '"contribution": "abc"'), 'contribution', 'amount', 'abc'],
      [lineOf(bad, '"goals": ["a;b"'), 'goals', 'badList', 'a;b'],
      [lineOf(bad, '"goals": ["a;b"'), 'goals', 'badList', undefined],
      [lineOf(bad, '"kind": "extern"'), 'kind', 'unknownKind', 'extern'],
    ]);
  });

  it('reports the line of a missing name and of an unknown key', () => {
    const bad = json
      .replace('"name": "Akkvisisjon",', '"name": "",')
      .replace('"owner": "SNR",', '"ower": "SNR",');
    const errs = errors(registerFromJson(bad));
    expect(errs.map((e) => [e.line, e.code, e.reason ?? e.field])).toEqual([
      [lineOf(bad, '"ower"'), 'shape', 'unknownKey'],
      [lineOf(bad, '"name": ""'), 'required', 'name'],
    ]);
  });

  it('refuses a newer format version, and says where syntax breaks', () => {
    const newer = json.replace('"formatVersion": 1', '"formatVersion": 2');
    expect(errors(registerFromJson(newer))).toEqual([
      { line: 2, code: 'formatVersion', reason: 'newer', text: '2' },
    ]);
    const broken = json.replace(
      '"area": "1 Verdiskapende klynger",\n      "phase": "Ny forstudie"',
      '"area": "x"\n      "phase": "Ny forstudie"',
    );
    const e = errors(registerFromJson(broken));
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({
      code: 'notJson',
      line: lineOf(broken, '"phase": "Ny forstudie"', '"area": "x"'),
    });
    expect(errors(registerFromJson('{"formatVersion": 1, "projects": [], "sources": [}'))[0]).toMatchObject({
      code: 'notJson',
      line: 1,
    });
    expect(errors(registerFromJson('')).map((x) => x.code)).toEqual(['notJson']);
  });

  it('accepts hand-written JSON: omitted keys, amounts as text, lists as text, derived extra columns', () => {
    const r = ok(
      registerFromJson(
        JSON.stringify({
          formatVersion: 1,
          projects: [
            {
              id: '1',
              name: 'A',
              contribution: 'kr 200 000',
              basis: 'per år',
              partners: 'x; y',
              extra: { Note: 'n' },
            },
            { id: '2', name: 'B', extra: { Note: 1, Other: true } },
          ],
          sources: [{ name: 'SNR', kind: 'egen' }],
        }),
      ),
    );
    expect(r.extraProjectColumns).toEqual(['Note', 'Other']);
    expect(r.entries[0]).toMatchObject({
      contribution: 20_000_000,
      partners: ['x', 'y'],
      extra: { Note: 'n', Other: null },
    });
    expect(r.entries[1].extra).toEqual({ Note: 1, Other: true });
    expect(r.sources).toEqual([{ name: 'SNR', kind: 'own', aliases: [] }]);
  });

  it('refuses an amount with more than two decimals and a range that disagrees with contribution', () => {
    const base = { formatVersion: 1, sources: [] };
    const e1 = errors(
      registerFromJson(
        JSON.stringify({ ...base, projects: [{ id: '1', name: 'A', contribution: 0.001, basis: 'totalt' }] }),
      ),
    );
    expect(e1).toMatchObject([{ field: 'contribution', code: 'amount', text: '0.001' }]);
    const e2 = errors(
      registerFromJson(
        JSON.stringify({
          ...base,
          projects: [
            { id: '1', name: 'A', contribution: 5, contributionRange: { min: 1, max: 9 }, basis: 'totalt' },
          ],
        }),
      ),
    );
    expect(e2).toMatchObject([{ field: 'contribution', code: 'amount', reason: 'rangeConflict' }]);
  });
});

describe('amount text and format detection', () => {
  it('reads a full range with til, an abbreviated one as the sheet does', () => {
    expect(parseContribution('20000 til 300000')).toEqual({ min: 2_000_000, max: 30_000_000 });
    expect(parseContribution('2-300.000')).toEqual({ min: 20_000_000, max: 30_000_000 });
    expect(parseContribution('300 til 2')).toBeNull();
    expect(parseContribution('abc')).toBeNull();
  });

  it('writes a range as sheet text only when the sheet reads it back', () => {
    expect(sheetRangeText(20_000_000, 30_000_000)).toBe('200 000–300 000');
    expect(sheetRangeText(2_000_000, 30_000_000)).toBeNull();
    expect(sheetRangeText(123_450, 150_000)).toBe('1 234,50–1 500');
  });

  it('keeps a contribution range through the register sheet (the pane and the CLI both write it)', () => {
    const range = { min: 20_000_000, max: 30_000_000 };
    const entry = {
      ...registerEntry({ id: '9', name: 'Spenn', budgetLine: 'Spenn' }),
      contribution: range.min,
      contributionRange: range,
      basis: 'per år' as const,
    };
    const register = { formatVersion: 1, entries: [entry], sources: [] };
    const back = readRegister({
      sheets: [modelToSnapshot({ sheets: [registerSheetModel(register)] }).sheets[0]],
    });
    expect(back.register?.entries[0].contributionRange).toEqual(range);
    expect(back.register?.entries[0].contribution).toBe(range.min);
  });

  it('detects the format by extension, else by content', () => {
    expect(detectFormat('r.json', 'x')).toBe('json');
    expect(detectFormat('r.CSV', '{')).toBe('csv');
    expect(detectFormat('r', '\uFEFF  {"a":1}')).toBe('json');
    expect(detectFormat('r.dat', 'formatVersion;1')).toBe('csv');
  });
});

describe('the register sheet agrees with the codecs', () => {
  it('a register read from its sheet exports the same as the register itself', () => {
    const r = storedSample();
    const again = readRegister(modelToSnapshot({ sheets: [registerSheetModel(r)] })).register!;
    expect(registerToCsv(again)).toBe(registerToCsv(r));
    expect(registerToJson(again)).toBe(registerToJson(r));
  });
});

describe('decodeImportBytes', () => {
  it('reads UTF-8, and Windows-1252 (Excel’s plain CSV) when the bytes are not UTF-8', () => {
    const text = 'id;basis\r\n1;per år;Energi og miljø;Næring\r\n';
    expect(decodeImportBytes(new TextEncoder().encode(text))).toBe(text);
    const cp1252 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    expect(decodeImportBytes(cp1252)).toBe(text);
    const csv = registerToCsv(sampleRegister()).replace(/^\uFEFF/, '');
    const back = registerFromCsv(
      decodeImportBytes(Uint8Array.from([...csv].map((c) => c.charCodeAt(0) & 0xff))),
    );
    expect(back.ok && back.register.entries.map((e) => e.name)).toEqual(
      sampleRegister().entries.map((e) => e.name),
    );
  });
});
