/**
 * LibreOffice as a second spreadsheet engine (scripts/libreoffice.js): it opens a workbook,
 * recalculates every formula and saves the results, which ExcelJS then reads back as cached
 * values. First the harness itself, on formulas written without results or with wrong ones;
 * then the sheets `plan-reconciler reconcile --out` writes, whose live formulas must give the
 * engine's own figures, and follow an edit of a source cell.
 *
 * Needs the Debian packages libreoffice-calc and poppler-utils (.ci/run installs them). Like the
 * browser and manifest tests, these fail rather than skip when the tools are missing.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { findSoffice, pdfToPng, recalculate, renderPdf, LibreOfficeError } from '../../scripts/libreoffice';
import { main } from '../../src/cli/main';
import { outputText } from '../../src/domain/outputs/text';
import {
  ARTIFACTS,
  cached,
  formulaErrors,
  readReconciliation,
  readWorkbook,
  sheet,
  sizeOf,
  tablesWithHeaders,
  type Cached,
  type LineView,
  type Table,
  type YearView,
} from './sheets';
import { writeEnglishTwoYearWorkbook } from '../helpers/englishWorkbook';

/** A cold LibreOffice start is 3–8 s; a run is killed after 120 s. */
jest.setTimeout(300_000);

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-lotest-'));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Processes of a LibreOffice run still alive (their command line names the run's temp dir). */
function leftoverSoffice(): string[] {
  const ps = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return ps.split('\n').filter((l) => l.includes('plan-reconciler-lo-') && /soffice|oosplash/.test(l));
}

describe('the LibreOffice harness', () => {
  let source: string;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const mainSheet = wb.addWorksheet('Main');
    const other = wb.addWorksheet('Other sheet');
    mainSheet.getCell('A1').value = 2;
    mainSheet.getCell('A2').value = 3;
    mainSheet.getCell('A3').value = { formula: 'A1+A2' } as ExcelJS.CellFormulaValue;
    // A wrong cached result: LibreOffice keeps it unless told to recalculate on load.
    mainSheet.getCell('A4').value = { formula: 'A1*10', result: 999 } as ExcelJS.CellFormulaValue;
    mainSheet.getCell('B1').value = 1;
    mainSheet.getCell('B2').value = 2;
    mainSheet.getCell('B3').value = 4;
    mainSheet.getCell('B4').value = { formula: 'SUM(B1:B3)' } as ExcelJS.CellFormulaValue;
    other.getCell('A1').value = 42;
    mainSheet.getCell('C1').value = { formula: "'Other sheet'!A1" } as ExcelJS.CellFormulaValue;
    mainSheet.getCell('C2').value = { formula: "'Other sheet'!A1*2", result: 0 } as ExcelJS.CellFormulaValue;
    // Text that looks like a formula, in a text-formatted cell: must stay text.
    mainSheet.getCell('D1').value = '=HYPERLINK("x")';
    mainSheet.getCell('D1').numFmt = '@';
    mainSheet.getCell('D2').value = { formula: 'IF(A3>4,"over","under")' } as ExcelJS.CellFormulaValue;
    mainSheet.getCell('D3').value = { formula: 'A1/0' } as ExcelJS.CellFormulaValue;
    // Without cached results Excel needs this too; LibreOffice ignores it (its own setting decides).
    wb.calcProperties.fullCalcOnLoad = true;
    source = path.join(dir, 'harness.xlsx');
    await wb.xlsx.writeFile(source);
  });

  it('recalculates formulas without cached results, and ones with wrong results', async () => {
    const out = await recalculate(source, path.join(dir, 'recalc'));
    expect(out).toBe(path.join(dir, 'recalc', 'harness.xlsx'));
    const mainSheet = sheet(await readWorkbook(out), 'Main');
    const v = (a: string) => cached(mainSheet.getCell(a));
    expect(v('A3')).toBe(5);
    expect(v('A4')).toBe(20); // was 999: only OOXMLRecalcMode = always fixes this
    expect(v('B4')).toBe(7);
    expect(v('C1')).toBe(42);
    expect(v('C2')).toBe(84);
    expect(v('D2')).toBe('over');
    expect(v('D3')).toEqual({ error: '#DIV/0!' });
    expect(mainSheet.getCell('D1').value).toBe('=HYPERLINK("x")');
    expect(mainSheet.getCell('D1').type).toBe(ExcelJS.ValueType.String);
    expect(formulaErrors(mainSheet)).toEqual(['Main!D3: =A1/0 → #DIV/0!']);
    expect(leftoverSoffice()).toEqual([]);
  });

  it('runs in parallel, one profile per call', async () => {
    const outs = await Promise.all([1, 2].map((i) => recalculate(source, path.join(dir, `parallel-${i}`))));
    for (const out of outs) expect(cached(sheet(await readWorkbook(out), 'Main').getCell('A4'))).toBe(20);
    expect(leftoverSoffice()).toEqual([]);
  });

  it('renders the visible sheets to PDF and PNG pages', async () => {
    fs.rmSync(path.join(ARTIFACTS, 'harness'), { recursive: true, force: true });
    const pdf = await renderPdf(source, path.join(ARTIFACTS, 'harness'));
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(sizeOf(pdf)).toBeGreaterThan(2_000);
    const pngs = await pdfToPng(pdf, path.join(ARTIFACTS, 'harness', 'harness'));
    expect(pngs.length).toBe(2); // Main and Other sheet
    for (const png of pngs) expect(sizeOf(png)).toBeGreaterThan(1_000);
  });

  it('kills a run that takes too long and leaves no process behind', async () => {
    await expect(recalculate(source, path.join(dir, 'slow'), { timeoutMs: 300 })).rejects.toThrow(
      /did not finish .* within 300 ms/,
    );
    expect(leftoverSoffice()).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'slow', 'harness.xlsx'))).toBe(false);
  });

  it('says which file could not be loaded', async () => {
    const broken = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(broken, 'not a spreadsheet');
    // LibreOffice says it could not load the file and exits 0; LibreOffice 7.4 may abort instead
    // (SIGABRT, nothing printed). Either way the message names the file and what happened.
    await expect(recalculate(broken, path.join(dir, 'broken'))).rejects.toThrow(
      /^LibreOffice could not convert \S*broken\.xlsx to xlsx: LibreOffice (could not load it|aborted)/,
    );
    expect(fs.existsSync(path.join(dir, 'broken', 'broken.xlsx'))).toBe(false);
    expect(leftoverSoffice()).toEqual([]);
    await expect(recalculate(path.join(dir, 'missing.xlsx'), dir)).rejects.toThrow(LibreOfficeError);
    await expect(recalculate(source, dir)).rejects.toThrow(/overwrite the input/);
  });

  describe('a LibreOffice that fails in each way it can (a stand-in soffice)', () => {
    const saved = process.env.SOFFICE_PATH;
    afterEach(() => {
      if (saved === undefined) delete process.env.SOFFICE_PATH;
      else process.env.SOFFICE_PATH = saved;
    });

    /** Runs recalculate with SOFFICE_PATH set to a shell script made of `body`; returns the error. */
    async function failure(name: string, body: string): Promise<string> {
      const fake = path.join(dir, `soffice-${name}`);
      fs.writeFileSync(fake, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
      process.env.SOFFICE_PATH = fake;
      const error = await recalculate(source, path.join(dir, `fake-${name}`)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(LibreOfficeError);
      return (error as Error).message;
    }

    it('says "could not load it" when LibreOffice says so and exits 0', async () => {
      expect(await failure('unloadable', 'echo "Error: source file could not be loaded" >&2')).toMatch(
        /^LibreOffice could not convert \S*harness\.xlsx to xlsx: LibreOffice could not load it \(exit 0\)\. LibreOffice said:\nError: source file could not be loaded$/,
      );
    });

    it('says it aborted when it is killed by SIGABRT and prints nothing (LibreOffice 7.4)', async () => {
      expect(await failure('abort', 'kill -ABRT $$')).toBe(
        `LibreOffice could not convert ${source} to xlsx: LibreOffice aborted (as LibreOffice 7.4 can on a ` +
          'file it cannot load) (SIGABRT). LibreOffice printed nothing.',
      );
      // The same abort seen through soffice's wrapper script: exit 128 + 6.
      expect(await failure('abort-wrapped', 'exit 134')).toMatch(
        /: LibreOffice aborted .* \(exit 134, SIGABRT\)\./,
      );
    });

    it('gives the exit code of any other failure, and says when no file was written', async () => {
      expect(await failure('exit1', 'echo "something broke"; exit 1')).toMatch(
        /: LibreOffice failed \(exit 1\)\. LibreOffice said:\nsomething broke$/,
      );
      expect(await failure('silent', 'exit 0')).toMatch(
        /: LibreOffice wrote no xlsx file \(exit 0\)\. LibreOffice printed nothing\.$/,
      );
    });
  });

  it('names the Debian package when soffice is missing', () => {
    expect(() => findSoffice({ PATH: '' }, [])).toThrow(/libreoffice-calc/);
    expect(() => findSoffice({ SOFFICE_PATH: path.join(dir, 'nope') })).toThrow(
      /SOFFICE_PATH.*libreoffice-calc/,
    );
    expect(findSoffice()).toMatch(/soffice|libreoffice/);
  });
});

// ---------------------------------------------------------------------------------------------
// The real thing: the sheets `plan-reconciler reconcile IN.xlsx --out OUT.xlsx` writes.

interface EngineJson {
  years: number[];
  totals: Record<string, { budget: number; financing: number; ownFunded: number; ownSources: number }>;
  findings: {
    code: string;
    projectId?: string;
    year?: number;
    expected?: number;
    actual?: number;
    difference?: number;
    cells: string[];
  }[];
}

/** The CLI in this process (the same `main` as bin/plan-reconciler.js, without the build step). */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), env: {} });
  return { code, out: out.join(''), err: err.join('') };
}

/** `reconcile IN --out OUT --json --lang L`: the engine's JSON; OUT must have been written. */
async function reconcileToFile(input: string, out: string, lang: 'nb' | 'en'): Promise<EngineJson> {
  const r = await cli(['reconcile', input, '--out', out, '--json', '--lang', lang]);
  if (r.code === 2) throw new Error(`reconcile --out failed: ${r.err}`);
  expect(fs.existsSync(out)).toBe(true);
  return JSON.parse(r.out) as EngineJson;
}

interface Produced {
  readonly json: EngineJson;
  /** What the CLI wrote: formulas without results. */
  readonly outFile: string;
  /** outFile as LibreOffice recalculated and saved it. */
  readonly wb: ExcelJS.Workbook;
}

/** Writes the input with `write`, runs `reconcile --out` on it and recalculates the output. */
async function produce(
  name: string,
  write: (file: string) => Promise<void>,
  lang: 'nb' | 'en',
): Promise<Produced> {
  const input = path.join(dir, name, 'in.xlsx');
  fs.mkdirSync(path.dirname(input), { recursive: true });
  await write(input);
  const outFile = path.join(dir, name, 'out.xlsx');
  const json = await reconcileToFile(input, outFile, lang);
  const wb = await readWorkbook(await recalculate(outFile, path.join(dir, name, 'recalc')));
  return { json, outFile, wb };
}

const OUTPUT_SHEETS = {
  nb: ['Avstemming', 'Prosjektkort', 'Sammendrag'],
  en: ['Reconciliation', 'Project cards', 'Summary'],
} as const;

/** The engine's figures of `year`, read back from the recalculated reconciliation sheet. */
function expectYearMatchesEngine(view: YearView, json: EngineJson, year: number, lang: 'nb' | 'en'): void {
  const t = outputText(lang);
  const totals = json.totals[String(year)];
  expect(view.total).toEqual({ budget: totals.budget, ownFunded: totals.ownFunded });
  const b = (label: string) => {
    const row = view.balance[label.toLowerCase()];
    if (!row) throw new Error(`no balance row «${label}» in ${Object.keys(view.balance).join(', ')}`);
    return row;
  };
  expect(b(t.budgetVsFinancing)).toMatchObject({
    amount: totals.budget,
    against: totals.financing,
    difference: totals.budget - totals.financing,
  });
  expect(b(t.ownFundedVsOwnSources)).toMatchObject({
    amount: totals.ownFunded,
    against: totals.ownSources,
    difference: totals.ownFunded - totals.ownSources,
  });
  // The lines add up to the totals row.
  const num = (v: Cached) => (typeof v === 'number' ? v : 0);
  expect(view.lines.reduce((s, l) => s + num(l.budget), 0)).toBe(totals.budget);
  expect(view.lines.reduce((s, l) => s + num(l.ownFunded), 0)).toBe(totals.ownFunded);
  // Every promise: the engine's mismatches show their own-funded amount and difference; every
  // other promised line has difference 0.
  const mismatches = json.findings.filter(
    (f) => f.code === 'CONTRIBUTION_MISMATCH' && (f.year === undefined || f.year === year),
  );
  for (const f of mismatches) {
    expect({ id: f.projectId, ...pick(view.line(f.projectId!)) }).toEqual({
      id: f.projectId,
      ownFunded: f.actual,
      promised: f.expected,
      difference: f.difference,
      status: t.deviation,
    });
  }
  const mismatched = new Set(mismatches.map((f) => f.projectId));
  const kept = view.lines.filter(
    (l) => typeof l.promised === 'number' && !mismatched.has(String(l.project).split(' ')[0]),
  );
  for (const l of kept)
    expect({ project: l.project, difference: l.difference, status: l.status }).toEqual({
      project: l.project,
      difference: 0,
      status: t.ok,
    });
}

/**
 * The summary's tables, read by their headers: the totals row of «by focus area» (Budsjett <year>,
 * Egenfinansiert <year>) and of «by funding source» (<year>), and the own sources' rows.
 */
function expectSummaryMatchesEngine(
  ws: ExcelJS.Worksheet,
  json: EngineJson,
  year: number,
  lang: 'nb' | 'en',
): void {
  const t = outputText(lang);
  const totals = json.totals[String(year)];
  const key = (h: string) => h.toLowerCase();
  const totalRow = (table: Table, first: string) => {
    const rows = table.rows.filter((r) => r.values[key(first)] === t.total);
    expect(rows).toHaveLength(1);
    return rows[0].values;
  };
  const [byArea] = tablesWithHeaders(ws, [t.area, `${t.budget} ${year}`, `${t.ownFunded} ${year}`]);
  expect(byArea).toBeDefined();
  const area = totalRow(byArea, t.area);
  expect([area[key(`${t.budget} ${year}`)], area[key(`${t.ownFunded} ${year}`)]]).toEqual([
    totals.budget,
    totals.ownFunded,
  ]);
  const [bySource] = tablesWithHeaders(ws, [t.source, t.kind, String(year)]);
  expect(bySource).toBeDefined();
  expect(totalRow(bySource, t.source)[String(year)]).toBe(totals.financing);
  const own = bySource.rows.filter((r) => r.values[key(t.kind)] === t.own);
  expect(own.reduce((sum, r) => sum + Number(r.values[String(year)]), 0)).toBe(totals.ownSources);
}

function pick(l: LineView) {
  return { ownFunded: l.ownFunded, promised: l.promised, difference: l.difference, status: l.status };
}

// `plan-reconciler reconcile IN.xlsx --out OUT.xlsx` writes the sheets Avstemming, Prosjektkort and
// Sammendrag (Reconciliation, Project cards, Summary with --lang en) into a copy of IN. The readers go
// by the labels of src/domain/outputs/text.ts, not by fixed addresses; the project cards are only
// checked for formula errors.
describe('the sheets reconcile --out writes, recalculated by LibreOffice', () => {
  let sample: Produced;
  let english: Produced;

  // Both workbooks through the CLI and LibreOffice at once (one soffice each, in parallel).
  beforeAll(async () => {
    [sample, english] = await Promise.all([
      produce('sample', async (file) => expect((await cli(['sample', file])).code).toBe(0), 'nb'),
      produce('english', writeEnglishTwoYearWorkbook, 'en'),
    ]);
  });

  describe('on the sample workbook', () => {
    const t = outputText('nb');
    let json: EngineJson;
    let outFile: string;
    let wb: ExcelJS.Workbook;

    beforeAll(() => {
      ({ json, outFile, wb } = sample);
    });

    it('adds the three sheets to a copy of the input; no formula gives an error', () => {
      const names = wb.worksheets.map((w) => w.name);
      expect(names).toEqual(
        expect.arrayContaining(['Budsjett', 'Finansiering', 'Prosjektregister', ...OUTPUT_SHEETS.nb]),
      );
      expect(OUTPUT_SHEETS.nb.flatMap((n) => formulaErrors(sheet(wb, n)))).toEqual([]);
    });

    it('gives the engine’s figures for 2010: 3 430 000 / 3 430 000 / 1 850 000 / 1 850 000', () => {
      expect(json.years).toEqual([2010]);
      expect(json.totals['2010']).toEqual({
        budget: 3_430_000,
        financing: 3_430_000,
        ownFunded: 1_850_000,
        ownSources: 1_850_000,
      });
      const view = readReconciliation(sheet(wb, t.sheets.reconciliation), t, 2010);
      expectYearMatchesEngine(view, json, 2010, 'nb');
      expect(pick(view.line('3.1'))).toEqual({
        ownFunded: 300_000,
        promised: 200_000,
        difference: 100_000,
        status: t.deviation,
      });
      expect(pick(view.line('1.2'))).toEqual({
        ownFunded: 0,
        promised: 200_000,
        difference: -200_000,
        status: t.deviation,
      });
    });

    it('gives the engine’s totals on the summary, by focus area and by source', () => {
      expectSummaryMatchesEngine(sheet(wb, t.sheets.summary), json, 2010, 'nb');
    });

    it('is live: after Budsjett!B9 300 000 → 200 000, 3.1’s difference is 0', async () => {
      const mismatch = json.findings.find(
        (f) => f.code === 'CONTRIBUTION_MISMATCH' && f.projectId === '3.1',
      )!;
      expect(mismatch.cells).toEqual(['Budsjett!B9']);
      const [sheetName, address] = mismatch.cells[0].split('!');
      // Edit what the CLI wrote (ExcelJS cannot save a workbook LibreOffice wrote back: the tables
      // lose their style info and ExcelJS's table writer throws); the harness tests cover stale results.
      const edited = await readWorkbook(outFile);
      expect(cached(sheet(edited, sheetName).getCell(address))).toBe(300_000);
      sheet(edited, sheetName).getCell(address).value = 200_000;
      const editedFile = path.join(dir, 'sample', 'edited.xlsx');
      await edited.xlsx.writeFile(editedFile);
      const again = await readWorkbook(
        await recalculate(editedFile, path.join(dir, 'sample', 'recalc-edited')),
      );
      const view = readReconciliation(sheet(again, t.sheets.reconciliation), t, 2010);
      expect(pick(view.line('3.1'))).toEqual({
        ownFunded: 200_000,
        promised: 200_000,
        difference: 0,
        status: t.ok,
      });
      expect(view.total).toEqual({ budget: 3_330_000, ownFunded: 1_750_000 });
      // The stated sum (Budsjett!B11, a literal 3 430 000) now disagrees with the lines.
      expect(view.balance[t.budgetVsStated.toLowerCase()]).toMatchObject({
        difference: -100_000,
        status: t.deviation,
      });
      expect(view.balance[t.budgetVsFinancing.toLowerCase()]).toMatchObject({
        difference: -100_000,
        status: t.deviation,
      });
    });
  });

  describe('on an English two-year workbook', () => {
    const t = outputText('en');
    let json: EngineJson;
    let wb: ExcelJS.Workbook;

    beforeAll(() => {
      ({ json, wb } = english);
    });

    it('gives the engine’s figures for both years, the pasted text amount included', () => {
      expect(json.years).toEqual([2012, 2013]);
      expect(json.totals).toEqual({
        '2012': { budget: 700_000, financing: 700_000, ownFunded: 600_000, ownSources: 600_000 },
        '2013': { budget: 720_000, financing: 720_000, ownFunded: 620_000, ownSources: 620_000 },
      });
      expect(OUTPUT_SHEETS.en.flatMap((n) => formulaErrors(sheet(wb, n)))).toEqual([]);
      for (const year of json.years) {
        const view = readReconciliation(sheet(wb, t.sheets.reconciliation), t, year);
        expectYearMatchesEngine(view, json, year, 'en');
        expect(pick(view.line('A'))).toEqual({
          ownFunded: 100_000,
          promised: 100_000,
          difference: 0,
          status: t.ok,
        });
        expectSummaryMatchesEngine(sheet(wb, t.sheets.summary), json, year, 'en');
      }
    });
  });

  // Both renderings at once; the pages are left in test-artifacts/libreoffice/{sample,english}.
  it('renders both outputs to PDF and PNG pages', async () => {
    await Promise.all(
      [
        ['sample', sample.outFile],
        ['english', english.outFile],
      ].map(async ([name, outFile]) => {
        const target = path.join(ARTIFACTS, name);
        fs.rmSync(target, { recursive: true, force: true });
        const pdf = await renderPdf(outFile, target);
        expect(sizeOf(pdf)).toBeGreaterThan(20_000);
        const pngs = await pdfToPng(pdf, path.join(target, 'out'));
        // At least one page per visible sheet: budget, financing and the three outputs.
        expect(pngs.length).toBeGreaterThanOrEqual(5);
        for (const png of pngs) expect(sizeOf(png)).toBeGreaterThan(2_000);
      }),
    );
  });
});
