/**
 * The summary's chart in the file `plan-reconciler reconcile --out` writes, as LibreOffice sees
 * it. Rendered to PDF and PNG, the summary's page has the chart's bars, one per focus area with a
 * budget, their heights in the proportions of the cells they stand for. Saved again by
 * LibreOffice as .xlsx, the chart is still there, still on the summary's cells, with the values
 * LibreOffice computed from those cells: after a source cell is edited in the file, the chart
 * shows the new figure, not the copy the file carried (the chart is live).
 *
 * The pages are left in test-artifacts/libreoffice/chart/{sample,english} to look at.
 * Needs libreoffice-calc and poppler-utils, like recalc.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import ExcelJS from 'exceljs';
import { pdfToPng, recalculate, renderPdf } from '../../scripts/libreoffice';
import { cellRef, parseCellRef } from '../../src/domain/address';
import { SERIES_COLORS } from '../../src/xlsx/write/chartXml';
import { writeEnglishTwoYearWorkbook } from '../helpers/englishWorkbook';
import { runCli } from '../helpers/runCli';
import { all, chartsOf, one, parseXml, readChart, sheetPart, type Parts } from '../xlsx/packageParts';
import { barsOf, readPng } from './png';
import { ARTIFACTS, cached, readWorkbook, sheet } from './sheets';

/** A cold LibreOffice start is 3–8 s; a run is killed after 120 s. */
jest.setTimeout(300_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-lochart-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const parts = (file: string) => unzipSync(fs.readFileSync(file)) as Parts;

/** `Sammendrag!$C$5:$C$9` → its sheet and cells (one column or row), without `$` or quotes. */
function cellsOf(ref: string): { sheet: string; cells: { row: number; col: number }[] } {
  const bang = ref.lastIndexOf('!');
  const sheetName = ref
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  const [a, b = a] = ref
    .slice(bang + 1)
    .split(':')
    .map((x) => parseCellRef(x)!);
  const cells = [];
  for (let row = a.row; row <= b.row; row++)
    for (let col = a.col; col <= b.col; col++) cells.push({ row, col });
  return { sheet: sheetName, cells };
}

/** A range as written by anyone: no `$`, no quotes. */
const plain = (ref: string) => ref.replace(/\$/g, '').replace(/'/g, '');

interface Produced {
  readonly summary: string;
  readonly outFile: string;
  /** The chart as written. */
  readonly written: ReturnType<typeof readChart>;
  readonly anchor: { row: number; col: number };
}

async function produce(name: string, write: (file: string) => Promise<void>, lang: 'nb' | 'en') {
  const input = path.join(dir, name, 'in.xlsx');
  fs.mkdirSync(path.dirname(input), { recursive: true });
  await write(input);
  const outFile = path.join(dir, name, 'out.xlsx');
  const r = await runCli(['reconcile', input, '--out', outFile, '--lang', lang]);
  if (r.code === 2) throw new Error(`reconcile --out failed: ${r.err}`);
  const summary = lang === 'nb' ? 'Sammendrag' : 'Summary';
  const found = chartsOf(parts(outFile), summary)!;
  return {
    summary,
    outFile,
    written: readChart(found.anchors[0].chart),
    anchor: { row: found.anchors[0].from.row, col: found.anchors[0].from.col },
  } satisfies Produced;
}

/**
 * A copy of `file` with one source cell of the chart's first series changed by `delta`: a value
 * cell of the summary whose formula is one reference (`=Budsjett!B9`), followed to that cell.
 * Returns the copy and the point of the series it feeds.
 */
function editSource(file: string, summary: string, series: string, delta: number) {
  const p = parts(file);
  const summaryXml = parseXml(strFromU8(p[sheetPart(p, summary)]));
  const formulas = new Map(
    all(summaryXml, 'c')
      .filter((c) => all(c, 'f').length === 1)
      .map((c) => [c.attrs.r, one(c, 'f').text]),
  );
  const points = cellsOf(series).cells;
  const index = points.findIndex((c) => /^[^!:]+![A-Z]+\d+$/.test(formulas.get(cellRef(c.row, c.col)) ?? ''));
  if (index < 0) throw new Error(`no value of ${series} is one reference`);
  const [source, cell] = formulas
    .get(cellRef(points[index].row, points[index].col))!
    .replace(/'/g, '')
    .split('!');
  const part = sheetPart(p, source);
  const xml = strFromU8(p[part]);
  let old = NaN;
  const edited = xml.replace(
    new RegExp(`(<c r="${cell}"[^>]*>)<v>([^<]*)</v>`),
    (_, open: string, v: string) => {
      old = Number(v);
      return `${open}<v>${old + delta}</v>`;
    },
  );
  if (!Number.isFinite(old)) throw new Error(`${source}!${cell} holds no number`);
  p[part] = strToU8(edited);
  const out = path.join(path.dirname(file), 'edited', 'edited.xlsx');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, zipSync(p as Zippable));
  return { file: out, index };
}

/** The values LibreOffice computed for a range, read from the workbook it saved. */
function computed(wb: ExcelJS.Workbook, ref: string): (number | string | null)[] {
  const { sheet: name, cells } = cellsOf(ref);
  return cells.map(({ row, col }) => {
    const v = cached(sheet(wb, name).getCell(row + 1, col + 1));
    return typeof v === 'number' || typeof v === 'string' ? v : null;
  });
}

describe.each([
  ['sample', (file: string) => runCli(['sample', file]).then(() => undefined), 'nb'],
  ['english', writeEnglishTwoYearWorkbook, 'en'],
] as const)('the summary’s chart of the %s workbook, in LibreOffice', (name, write, lang) => {
  let produced: Produced;
  let saved: Parts;
  let savedWb: ExcelJS.Workbook;
  let pages: string[];

  beforeAll(async () => {
    produced = await produce(name, write, lang);
    const target = path.join(ARTIFACTS, 'chart', name);
    fs.rmSync(target, { recursive: true, force: true });
    const [resaved, pdf] = await Promise.all([
      recalculate(produced.outFile, path.join(dir, name, 'recalc')),
      renderPdf(produced.outFile, target),
    ]);
    saved = parts(resaved);
    savedWb = await readWorkbook(resaved);
    pages = await pdfToPng(pdf, path.join(target, 'page'), { resolution: 100 });
  });

  it('is still there when LibreOffice saves the file: on the summary, at its cell, fed by its cells', () => {
    const found = chartsOf(saved, produced.summary);
    expect(found?.anchors).toHaveLength(1);
    const { from, chart } = found!.anchors[0];
    expect({ row: from.row, col: from.col }).toEqual(produced.anchor);
    const read = readChart(chart);
    expect(read.barDir).toBe('col');
    expect(read.grouping).toBe('clustered');
    expect(read.title).toBe(produced.written.title);
    expect(read.series.map((s) => [s.name, plain(s.values), plain(s.categories)])).toEqual(
      produced.written.series.map((s) => [s.name, plain(s.values), plain(s.categories)]),
    );
  });

  it('holds the values LibreOffice computed from the summary’s cells, which are what the file cached', () => {
    const read = readChart(chartsOf(saved, produced.summary)!.anchors[0].chart);
    read.series.forEach((s, i) => {
      const values = computed(savedWb, s.values);
      expect(values.every((v) => typeof v === 'number')).toBe(true);
      expect(values.map((_, k) => Number(s.valueCache[k]))).toEqual(values);
      expect(values.map((_, k) => Number(produced.written.series[i].valueCache[k]))).toEqual(values);
      expect(Object.values(s.categoryCache)).toEqual(computed(savedWb, s.categories));
    });
  });

  it('draws a bar per focus area with a budget, as tall as its cell says, in its series’ colour', () => {
    const read = readChart(chartsOf(saved, produced.summary)!.anchors[0].chart);
    const withBars = pages.filter((png) => barsOf(readPng(png), SERIES_COLORS[0]).length > 0);
    // One page: the summary's (no other sheet uses the chart's colours).
    expect(withBars).toHaveLength(1);
    const image = readPng(withBars[0]);
    read.series.forEach((s, i) => {
      const values = computed(savedWb, s.values) as number[];
      const bars = barsOf(image, SERIES_COLORS[i]);
      const shown = values.filter((v) => v > 0);
      expect({ series: s.name, bars: bars.length }).toEqual({ series: s.name, bars: shown.length });
      const tallest = Math.max(...bars.map((b) => b.bottom - b.top + 1));
      const biggest = Math.max(...shown);
      expect(tallest).toBeGreaterThan(40); // a real chart, not a speck
      bars.forEach((b, k) => {
        // Within 2 px of the proportion (edges are anti-aliased).
        expect(Math.abs(b.bottom - b.top + 1 - (tallest * shown[k]) / biggest)).toBeLessThanOrEqual(2);
      });
    });
  });

  it('is live: after a source cell of the file is edited, LibreOffice draws the new figure', async () => {
    const series = produced.written.series[0];
    const delta = 123_456;
    const edited = editSource(produced.outFile, produced.summary, series.values, delta);
    const resaved = await recalculate(edited.file, path.join(dir, name, 'recalc-edited'));
    const read = readChart(chartsOf(parts(resaved), produced.summary)!.anchors[0].chart);
    const before = Number(series.valueCache[edited.index]);
    expect(Number(read.series[0].valueCache[edited.index])).toBe(before + delta);
    expect(computed(await readWorkbook(resaved), series.values)[edited.index]).toBe(before + delta);
  });
});
