/**
 * Real workbooks from other libraries' test suites (test/fixtures/corpus): each is read, and
 * `reconcile --out` writes a copy that keeps every part of the original byte for byte, except the
 * bookkeeping the new sheets are entered in. The copy opens in LibreOffice with its PivotTables,
 * charts, chart sheets and comments.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { convert } from '../../scripts/libreoffice';
import { readWorkbookData } from '../../src/xlsx';
import { runCli } from '../helpers/runCli';

jest.setTimeout(300_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'corpus');
const files = fs.readdirSync(FIXTURES).filter((f) => /\.xls[xm]$/.test(f));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-corpus-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = runCli;

/** The parts the writer may change: where the new sheets are entered. */
const BOOKKEEPING = new Set([
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'docProps/app.xml',
]);

/** The parts of a zip by name, directories left out. */
function parts(file: string): Record<string, Uint8Array> {
  const all = unzipSync(fs.readFileSync(file));
  return Object.fromEntries(Object.entries(all).filter(([name]) => !name.endsWith('/')));
}

describe.each(files)('%s', (name) => {
  const input = path.join(FIXTURES, name);
  let output: string;
  let result: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    // A copy of a workbook with macros is an .xlsm, as Excel requires.
    output = path.join(dir, `out-${name}`);
    result = await run(['reconcile', input, '--out', output, '--json', '--lang', 'en']);
  });

  it('reconciles (exit 0 or 1) with one JSON object, and writes the copy', () => {
    expect(result.err).not.toMatch(/TypeError|undefined|Cannot read/);
    expect([0, 1]).toContain(result.code);
    expect(() => JSON.parse(result.out)).not.toThrow();
    expect(fs.existsSync(output)).toBe(true);
  });

  it('keeps every original part byte for byte, except the bookkeeping', () => {
    const before = parts(input);
    const after = parts(output);
    for (const [part, bytes] of Object.entries(before)) {
      if (BOOKKEEPING.has(part)) continue;
      expect({ part, kept: part in after }).toEqual({ part, kept: true });
      expect({ part, same: Buffer.compare(Buffer.from(after[part]), Buffer.from(bytes)) === 0 }).toEqual({
        part,
        same: true,
      });
    }
  });

  it('reads the copy back with the original sheets first and the three outputs after them', () => {
    const original = readWorkbookData(fs.readFileSync(input), input, { allSheets: true }).snapshot;
    const copy = readWorkbookData(fs.readFileSync(output), output, { allSheets: true }).snapshot;
    expect(copy.sheets.slice(0, original.sheets.length)).toEqual(original.sheets);
    expect(copy.sheets.slice(original.sheets.length).map((s) => s.name)).toEqual([
      'Reconciliation',
      'Project cards',
      'Summary',
    ]);
  });
});

/** The kinds of part in a package (`xl/pivotTables/`, `xl/charts/`, `xl/comments`…), numbers left out. */
function kinds(file: string): string[] {
  return [...new Set(Object.keys(parts(file)).map((n) => n.replace(/\d+/g, '#')))].sort();
}

describe('a copy with PivotTables, charts, a chart sheet, a VBA project and comments', () => {
  const cases: [string, RegExp][] = [
    ['sheetjs__BlankSheetTypes.xlsm', /chart/],
    ['sheetjs__pivot_table_test.xlsm', /pivot|chart/],
    ['xlsxpop__template_3.xlsx', /pivot|comments|chart/],
  ];

  it.each(cases)(
    '%s: LibreOffice opens the copy and saves again everything it saves of the original',
    async (name, expected) => {
      const input = path.join(FIXTURES, name);
      const output = path.join(dir, `lo-${name}`);
      expect([0, 1]).toContain((await run(['reconcile', input, '--out', output])).code);
      const base = path.basename(name, path.extname(name));
      const fromOriginal = await convert(
        input,
        path.join(dir, `lo-in-${base}`),
        'xlsx:Calc MS Excel 2007 XML',
        'xlsx',
      );
      const fromCopy = await convert(
        output,
        path.join(dir, `lo-out-${base}`),
        'xlsx:Calc MS Excel 2007 XML',
        'xlsx',
      );
      const original = kinds(fromOriginal);
      expect(original.filter((k) => expected.test(k)).length).toBeGreaterThan(0);
      expect(kinds(fromCopy)).toEqual(expect.arrayContaining(original));
      // The three sheets added, recalculated.
      const sheets = (f: string) =>
        Object.keys(parts(f)).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
      expect(sheets(fromCopy).length).toBe(sheets(fromOriginal).length + 3);
    },
  );

  it('one workbook with all four: LibreOffice opens the copy with its PivotTable, chart sheet, VBA project and comments', async () => {
    // Put together by scripts/make-combined-fixture.js from two files of this folder.
    const name = 'combined__pivot_chartsheet_vba_comments.xlsm';
    const input = path.join(FIXTURES, name);
    const output = path.join(dir, `lo-${name}`);
    expect([0, 1]).toContain((await run(['reconcile', input, '--out', output])).code);
    const copy = parts(output);
    for (const part of [
      'xl/pivotTables/pivotTable1.xml',
      'xl/pivotCache/pivotCacheDefinition1.xml',
      'xl/chartsheets/sheet1.xml',
      'xl/vbaProject.bin',
      'xl/comments1.xml',
    ])
      expect({ part, kept: part in copy }).toEqual({ part, kept: true });
    // LibreOffice saves as an .xlsm what it loaded: each of the four is there again.
    const vba = 'xlsm:Calc MS Excel 2007 VBA XML';
    const fromOriginal = kinds(await convert(input, path.join(dir, 'lo-in-combined'), vba, 'xlsm'));
    const savedCopy = await convert(output, path.join(dir, 'lo-out-combined'), vba, 'xlsm');
    const fromCopy = kinds(savedCopy);
    for (const kind of [
      /pivotTables\/pivotTable/,
      /pivotCache\/pivotCacheDefinition/,
      /charts\/chart/,
      /vbaProject\.bin/,
      /comments/,
    ])
      expect({ kind: String(kind), found: fromCopy.some((k) => kind.test(k)) }).toEqual({
        kind: String(kind),
        found: true,
      });
    expect(fromCopy).toEqual(expect.arrayContaining(fromOriginal));
    // The comments' text, as LibreOffice saved it again.
    const comments = Object.entries(parts(savedCopy)).find(([n]) => /comments\d*\.xml$/.test(n));
    expect(comments && Buffer.from(comments[1]).toString('utf8')).toMatch(/foo[\s\S]*bar/);
  });

  it('keeps the VBA project in the copy (an .xlsm, as Excel requires), and refuses an .xlsx name for it', async () => {
    const input = path.join(FIXTURES, 'sheetjs__BlankSheetTypes.xlsm');
    const output = path.join(dir, 'vba.xlsm');
    expect([0, 1]).toContain((await run(['reconcile', input, '--out', output])).code);
    expect(Buffer.from(parts(output)['xl/vbaProject.bin'])).toEqual(
      Buffer.from(parts(input)['xl/vbaProject.bin']),
    );
    const refused = await run(['reconcile', input, '--out', path.join(dir, 'vba.xlsx')]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/must end in \.xlsm/);
  });
});
