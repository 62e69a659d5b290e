/**
 * `reconcile IN.xlsx --out OUT.xlsx`: the outputs go into a copy of IN; IN
 * is never changed; user sheets survive; running again on OUT changes nothing.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { main, type Io } from '../../src/cli/main';
import type { WorkbookModel } from '../../src/domain/model';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { writeWorkbookFile } from '../../src/cli/workbookFiles';
import { excelJsWorkbook, snapshotFile } from '../helpers/xlsxFiles';

let dir: string;
let samplePath: string;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), env: {} };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const hash = (p: string) => createHash('sha256').update(fs.readFileSync(p)).digest('hex');
const snap = (p: string): Promise<WorkbookSnapshot> => snapshotFile(p);
const sheetsOf = (s: WorkbookSnapshot) => s.sheets.map((x) => `${x.name}:${x.visibility}`);

async function run(args: string[]) {
  const c = capture();
  const code = await main(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-out-'));
  samplePath = path.join(dir, 'sample.xlsx');
  await writeWorkbookFile(sampleWorkbookModel(), samplePath);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('reconcile --out', () => {
  let outPath: string;
  let result: Awaited<ReturnType<typeof run>>;
  let before: string;

  beforeAll(async () => {
    outPath = path.join(dir, 'out.xlsx');
    before = hash(samplePath);
    result = await run(['reconcile', samplePath, '--out', outPath, '--json', '--lang', 'nb']);
  });

  it('prints exactly one JSON object on stdout and one line on stderr, in the language of --lang', () => {
    expect(result.code).toBe(1); // the sample has an error: duplicate id 1.3
    expect(result.out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.out).years).toEqual([2010]);
    // The summary's chart is in the file (test/xlsx/chart.test.ts): nothing is said left out.
    expect(result.err.trim().split('\n')).toEqual([
      `skrev ${outPath} (Avstemming, Prosjektkort, Sammendrag)`,
    ]);
  });

  it('leaves IN unchanged', () => {
    expect(hash(samplePath)).toBe(before);
  });

  it('adds the three outputs after the user sheets, which keep their cells and the very hidden register', async () => {
    const [inSnap, outSnap] = [await snap(samplePath), await snap(outPath)];
    expect(sheetsOf(outSnap)).toEqual([
      'Budsjett:visible',
      'Finansiering:visible',
      'Prosjektregister:veryHidden',
      'Avstemming:visible',
      'Prosjektkort:visible',
      'Sammendrag:visible',
    ]);
    expect(outSnap.sheets.slice(0, 3)).toEqual(inSnap.sheets);
    const wb = await excelJsWorkbook(outPath);
    expect(wb.getWorksheet('Budsjett')!.getCell('B9').numFmt).toBe('#,##0');
    expect(wb.getWorksheet('Prosjektregister')!.getTables().length).toBe(2);
  });

  it('writes formulas without cached results', async () => {
    const wb = await excelJsWorkbook(outPath);
    const cell = wb.getWorksheet('Avstemming')!.getCell('C15');
    expect(cell.formula).toBe('Budsjett!B9');
    expect(cell.result).toBeUndefined();
  });

  it('gives the same workbook when run again on OUT', async () => {
    const again = path.join(dir, 'again.xlsx');
    const r = await run(['reconcile', outPath, '--out', again, '--lang', 'nb']);
    expect(r.code).toBe(1);
    const [a, b] = [await snap(outPath), await snap(again)];
    expect(sheetsOf(b)).toEqual(sheetsOf(a));
    expect(b).toEqual(a);
  });
});

/**
 * A sheet as stored in the file: its XML part byte for byte, with the shared strings and the cell
 * formats (`<xf>` of styles.xml) it refers to, resolved, since their indices are workbook-wide.
 */
async function userSheetPart(file: string, name: string) {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const text = async (part: string) => (await zip.file(part)?.async('string')) ?? '';
  const workbook = await text('xl/workbook.xml');
  const rels = await text('xl/_rels/workbook.xml.rels');
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
  const xml = await text(`xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`);
  const strings = [...(await text('xl/sharedStrings.xml')).matchAll(/<si>(.*?)<\/si>/gs)].map((m) => m[1]);
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s
    .exec(await text('xl/styles.xml'))![1]
    .match(/<xf .*?(?:\/>|<\/xf>)/gs)!;
  return {
    xml,
    strings: [...xml.matchAll(/t="s"[^>]*><v>(\d+)<\/v>/g)].map((m) => strings[Number(m[1])]),
    formats: [...xml.matchAll(/ s="(\d+)"/g)].map((m) => xfs[Number(m[1])]),
  };
}

describe('reconcile --out with a user sheet named like an output', () => {
  it('leaves the user sheet alone and writes the output to Avstemming (2)', async () => {
    const model = sampleWorkbookModel();
    const withUser: WorkbookModel = {
      sheets: [
        ...model.sheets.slice(0, 2),
        {
          name: 'Avstemming',
          cells: [
            { row: 0, col: 0, value: 'Mine notater', bold: true, fill: '#FFEE00' },
            { row: 1, col: 1, value: 42, numberFormat: '#,##0.00' },
            { row: 2, col: 1, formula: '=B2*2' },
            { row: 3, col: 0, value: '=ikke en formel' },
          ],
          merges: ['A5:C6'],
          columnWidths: [{ col: 0, width: 30 }],
        },
        ...model.sheets.slice(2),
      ],
    };
    const input = path.join(dir, 'user.xlsx');
    await writeWorkbookFile(withUser, input);
    const out = path.join(dir, 'user-out.xlsx');
    expect((await run(['reconcile', input, '--out', out, '--lang', 'nb'])).code).toBe(1);
    const s = await snap(out);
    expect(s.sheets.map((x) => x.name)).toEqual([
      'Budsjett',
      'Finansiering',
      'Avstemming',
      'Prosjektregister',
      'Avstemming (2)',
      'Prosjektkort',
      'Sammendrag',
    ]);
    expect(s.sheets[2]).toEqual((await snap(input)).sheets[2]);
    expect(await userSheetPart(out, 'Avstemming')).toEqual(await userSheetPart(input, 'Avstemming'));
    expect(s.names).toContainEqual({
      name: 'PlanReconciler_Reconciliation',
      sheet: 'Avstemming (2)',
      ref: '$A$1',
    });

    // Again on its own output: the marked sheet is replaced in place, nothing is added.
    const again = path.join(dir, 'user-again.xlsx');
    expect((await run(['reconcile', out, '--out', again, '--lang', 'en'])).code).toBe(1);
    const t = await snap(again);
    expect(t.sheets.map((x) => x.name)).toEqual(s.sheets.map((x) => x.name));
    expect(t.sheets[2]).toEqual(s.sheets[2]);
    expect(t.sheets[4].values[0][0]).toBe('Action plan reconciliation');
  });
});

describe('reconcile --out refuses what it cannot do', () => {
  it('exits 2 with one line when OUT is IN', async () => {
    const before = hash(samplePath);
    for (const out of [samplePath, path.join(dir, '.', 'sample.xlsx')]) {
      const r = await run(['reconcile', samplePath, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/--out must not be the input file/);
    }
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(samplePath, link);
    expect((await run(['reconcile', samplePath, '--out', link])).code).toBe(2);
    expect(hash(samplePath)).toBe(before);
  });

  it('exits 2 when OUT is not an .xlsx name or --out has no value', async () => {
    expect((await run(['reconcile', samplePath, '--out', path.join(dir, 'x.csv')])).code).toBe(2);
    expect((await run(['reconcile', samplePath, '--out'])).code).toBe(2);
  });

  it('mentions --out in the help', async () => {
    expect((await run(['--help'])).out).toMatch(/--out OUT\.xlsx/);
  });
});
