/**
 * The summary's chart in the file `--out` writes: a DrawingML chart part and the drawing that
 * places it, reached from the summary sheet through relationships, each with its content type.
 * It is the chart the add-in's Office.js writer inserts (a clustered column chart with the same
 * title, series, cells and top-left cell), fed by the summary's cells, with a copy of what they
 * hold for readers that do not recalculate. How LibreOffice draws it: test/libreoffice/chart.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { cellRef, parseCellRef } from '../../src/domain/address';
import type { ChartModel, SheetModel } from '../../src/domain/model';
import { buildOutputs } from '../../src/domain/outputs';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { registerSheetModel } from '../../src/domain/register/registerSheet';
import { sampleRegister, sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { applyOutputs, readWorkbookData, workbookBytes, type WorkbookFile } from '../../src/xlsx';
import { chartSpaceXml, drawingNamespaces } from '../../src/xlsx/write/chartXml';
import { Evaluator } from '../domain/outputs/evaluate';
import { gatewayOn, outputsFor } from '../excel/writeHelpers';
import { writeEnglishTwoYearWorkbook } from '../helpers/englishWorkbook';
import { hostFromModel } from '../helpers/host';
import { all, chartsOf, contentTypes, parseXml, readChart, relsOf, type Parts } from './packageParts';

const TRANSITIONAL = {
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  drawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

function withOutputs(file: WorkbookFile, lang: 'nb' | 'en' = 'nb') {
  const outputs = buildOutputs(reconcile(file.snapshot), lang, file.snapshot);
  const applied = applyOutputs(file, outputs);
  const summary = outputs.sheets.find((o) => o.placement.kind === 'summary')!.sheet;
  return { outputs, applied, summary, parts: unzipSync(applied.bytes) as Parts };
}

const sampleFile = () => readWorkbookData(workbookBytes(sampleWorkbookModel()), 'sample.xlsx');

/** Rows and column of a one-column range `Sammendrag!$C$5:$C$9`. */
function columnRange(ref: string): { col: number; rows: number[] } {
  const [first, last] = ref
    .split('!')[1]
    .split(':')
    .map((a) => parseCellRef(a)!);
  return {
    col: first.col,
    rows: Array.from({ length: last.row - first.row + 1 }, (_, i) => first.row + i),
  };
}

describe('the summary’s chart in the written file', () => {
  const file = sampleFile();
  const { parts, summary } = withOutputs(file);
  const found = chartsOf(parts, 'Sammendrag')!;
  const model = summary.charts![0];

  it('is reached from the summary sheet: sheet → drawing → chart, each part with its content type', () => {
    expect(found).not.toBeNull();
    expect(found.drawingRel.type).toBe(`${TRANSITIONAL.rel}/drawing`);
    expect(found.anchors).toHaveLength(1);
    expect(found.anchors[0].relType).toBe(`${TRANSITIONAL.rel}/chart`);
    const types = contentTypes(parts);
    expect(types.get(found.drawingRel.target)).toBe(CT_DRAWING);
    expect(types.get(found.anchors[0].part)).toBe(CT_CHART);
    expect(found.drawing.uri).toBe(TRANSITIONAL.drawing);
    expect(found.anchors[0].chart.uri).toBe(TRANSITIONAL.chart);
    // Only the summary has a drawing; the chart is in no other sheet.
    for (const sheet of ['Budsjett', 'Finansiering', 'Avstemming', 'Prosjektkort'])
      expect(chartsOf(parts, sheet)).toBeNull();
  });

  it('has every relationship pointing at a part that exists, and every part a content type', () => {
    const types = contentTypes(parts);
    for (const name of Object.keys(parts)) {
      if (!name.endsWith('.rels')) continue;
      const source = name.replace(/_rels\/([^/]+)\.rels$/, '$1');
      for (const r of relsOf(parts, source).filter((x) => !/hyperlink/.test(x.type)))
        expect({ from: source, target: r.target, exists: r.target in parts }).toEqual({
          from: source,
          target: r.target,
          exists: true,
        });
    }
    for (const name of Object.keys(parts).filter((n) => /^xl\/(drawings|charts)\/[^/]+\.xml$/.test(n)))
      expect({ name, type: types.get(name) }).toEqual({ name, type: expect.any(String) });
  });

  it('writes the <drawing> element where the schema puts it: after the page setup, before the tables', () => {
    const order = found.sheetXml.children.map((c) => c.local);
    const at = (n: string) => order.indexOf(n);
    expect(at('drawing')).toBeGreaterThan(at('pageSetup'));
    expect(at('drawing')).toBeGreaterThan(at('pageMargins'));
    if (at('tableParts') >= 0) expect(at('drawing')).toBeLessThan(at('tableParts'));
    expect(at('drawing')).toBe(
      order.length - 1 - (at('tableParts') >= 0 ? 1 : 0) - (at('extLst') >= 0 ? 1 : 0),
    );
  });

  it('is the model’s chart: clustered columns, its title, one series per year on the summary’s cells, two axes', () => {
    const chart = readChart(found.anchors[0].chart);
    expect(chart).toEqual({
      barDir: 'col',
      grouping: 'clustered',
      title: model.title,
      series: model.series.map((s) => ({
        name: s.name,
        values: s.values,
        categories: model.categories,
        valueCount: columnRange(s.values).rows.length,
        valueCache: expect.any(Object),
        categoryCache: expect.any(Object),
        color: expect.stringMatching(/^[0-9A-F]{6}$/),
      })),
      axes: [1, 1],
    });
    expect(model.title).toBe('Budsjett etter innsatsområde');
  });

  it('caches what the cells compute: each focus area’s name and budget, adding up to the engine’s budget', () => {
    const chart = readChart(found.anchors[0].chart);
    const result = reconcile(file.snapshot);
    const ev = new Evaluator(file.snapshot, [summary]);
    const cats = columnRange(model.categories);
    for (const s of chart.series) {
      const values = columnRange(s.values);
      expect(Object.keys(s.valueCache)).toHaveLength(values.rows.length);
      values.rows.forEach((r, i) => expect(Number(s.valueCache[i])).toBe(ev.at(summary.name, r, values.col)));
      cats.rows.forEach((r, i) => expect(s.categoryCache[i]).toBe(ev.at(summary.name, r, cats.col)));
      const total = Object.values(s.valueCache).reduce((a, v) => a + Number(v), 0);
      expect(total * 100).toBe(result.totals[2010].budget);
    }
  });

  it('stands at the model’s cell, at Excel’s size for a new chart (5 × 3 in), over the sheet’s widths and heights', () => {
    const { from, to, frame } = found.anchors[0];
    expect(from).toEqual({ col: model.anchor.col, colOff: 0, row: model.anchor.row, rowOff: 0 });
    // Excel's width in pixels of a column stored as w characters (7 px a character, Calibri 11).
    const widths = new Map((summary.columnWidths ?? []).map((w) => [w.col, w.width]));
    const px = (c: number) =>
      widths.has(c) ? Math.trunc(((256 * widths.get(c)! + Math.trunc(128 / 7)) / 256) * 7) : 64;
    const heights = new Map((summary.rowHeights ?? []).map((h) => [h.row, h.height]));
    let x = to.colOff / 9525;
    for (let c = from.col; c < to.col; c++) x += px(c);
    let y = to.rowOff / 12700;
    for (let r = from.row; r < to.row; r++) y += heights.get(r) ?? 15;
    expect(x).toBeCloseTo(480, 3);
    expect(y * (96 / 72)).toBeCloseTo(288, 3);
    expect(frame.name).toBe(model.title);
    expect(frame.descr).toBe(model.title);
  });

  it('names the sheet’s font (else the workbook’s body font) on every text of the chart', () => {
    const { chart } = found.anchors[0];
    const faces = all(chart, 'latin').map((l) => l.attrs.typeface);
    expect(faces.length).toBeGreaterThanOrEqual(5); // title, both axes, legend, the chart's default
    expect(new Set(faces)).toEqual(new Set([summary.font?.name ?? 'Calibri']));
  });

  it('loads in ExcelJS, a second reader, with the summary’s formulas intact', async () => {
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(Buffer.from(zipSync(parts as Zippable)) as unknown as ExcelJS.Buffer);
    const ws = again.getWorksheet('Sammendrag')!;
    const values = columnRange(model.series[0].values);
    expect(ws.getCell(values.rows[0] + 1, values.col + 1).formula).toBe(
      summary.cells.find((c) => c.row === values.rows[0] && c.col === values.col)!.formula!.slice(1),
    );
  });

  it('is the chart the Office.js writer inserts into Excel: type, title, series, cells and top-left cell', async () => {
    const host = hostFromModel(sampleWorkbookModel());
    const outputs = await outputsFor(host);
    await gatewayOn(host).writeOutputs(outputs);
    const name = outputs.sheets.find((o) => o.placement.kind === 'summary')!.placement.sheet;
    const [inExcel] = host.readSheet(name)!.charts;
    const plain = (ref: string | null) => (ref ?? '').replace(/\$/g, '').replace(/'/g, '');
    const chart = readChart(found.anchors[0].chart);
    const { from } = found.anchors[0];
    expect({
      type: `${chart.barDir === 'col' ? 'Column' : '?'}${chart.grouping === 'clustered' ? 'Clustered' : '?'}`,
      title: chart.title,
      series: chart.series.map((s) => ({
        name: s.name,
        values: plain(s.values),
        categories: plain(s.categories),
      })),
      position: cellRef(from.row, from.col),
    }).toEqual({
      type: inExcel.type,
      title: inExcel.title,
      series: inExcel.series.map((s) => ({
        name: s.name,
        values: plain(s.values),
        categories: plain(s.categories),
      })),
      position: inExcel.position,
    });
  });
});

describe('a two-year plan’s chart', () => {
  let parts: Parts;
  let summary: SheetModel;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-chart-'));
    const input = path.join(dir, 'english.xlsx');
    await writeEnglishTwoYearWorkbook(input);
    ({ parts, summary } = withOutputs(readWorkbookData(fs.readFileSync(input), input), 'en'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has a series per year, each on its year’s budget column, in colours of their own', () => {
    const chart = readChart(chartsOf(parts, 'Summary')!.anchors[0].chart);
    expect(chart.title).toBe('Budget by focus area');
    expect(chart.series.map((s) => s.name)).toEqual(['Budget 2012', 'Budget 2013']);
    const cols = chart.series.map((s) => columnRange(s.values).col);
    const header = (col: number) =>
      summary.cells.find((c) => c.col === col && /^Budget \d{4}$/.test(String(c.value)));
    expect(cols.map((c) => header(c)?.value)).toEqual(['Budget 2012', 'Budget 2013']);
    expect(new Set(chart.series.map((s) => s.color)).size).toBe(2);
  });
});

describe('writing the outputs again on a file that has them', () => {
  it('replaces the chart: one drawing and one chart part, the old ones gone, nothing dangling', () => {
    const first = withOutputs(sampleFile()).applied.bytes;
    const { parts } = withOutputs(readWorkbookData(first, 'out.xlsx'));
    const names = Object.keys(parts);
    expect(names.filter((n) => /^xl\/drawings\/[^/]+\.xml$/.test(n))).toHaveLength(1);
    expect(names.filter((n) => /^xl\/charts\/[^/]+\.xml$/.test(n))).toHaveLength(1);
    const found = chartsOf(parts, 'Sammendrag')!;
    expect(found.anchors).toHaveLength(1);
    const types = contentTypes(parts);
    for (const part of types.keys()) expect({ part, exists: part in parts }).toEqual({ part, exists: true });
  });
});

describe('a strict (ISO 29500) workbook', () => {
  it('gets its chart in the strict namespaces and relationship types', () => {
    const parts = unzipSync(workbookBytes(sampleWorkbookModel())) as Parts;
    const strict: Parts = {};
    for (const [name, bytes] of Object.entries(parts)) {
      strict[name] = /\.(xml|rels)$/.test(name)
        ? strToU8(
            strFromU8(bytes)
              .replaceAll(
                'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
                'http://purl.oclc.org/ooxml/spreadsheetml/main',
              )
              .replaceAll(TRANSITIONAL.rel, 'http://purl.oclc.org/ooxml/officeDocument/relationships'),
          )
        : bytes;
    }
    const file = readWorkbookData(zipSync(strict as Zippable), 'strict.xlsx');
    const out = withOutputs(file).parts;
    const found = chartsOf(out, 'Sammendrag')!;
    expect(found.drawingRel.type).toBe('http://purl.oclc.org/ooxml/officeDocument/relationships/drawing');
    expect(found.anchors[0].relType).toBe('http://purl.oclc.org/ooxml/officeDocument/relationships/chart');
    expect(found.drawing.uri).toBe('http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing');
    expect(found.anchors[0].chart.uri).toBe('http://purl.oclc.org/ooxml/drawingml/chart');
  });
});

describe('text in the chart', () => {
  const sheet: SheetModel = {
    name: "Sum & 'x'",
    cells: [
      { row: 0, col: 0, value: 'Næring & <vekst> "2010"' },
      { row: 1, col: 0, value: 'tab\there, _x0041_ stays' },
      { row: 0, col: 1, value: 5 },
      { row: 1, col: 1, formula: '=B1*2' },
    ],
  };
  const chart: ChartModel = {
    type: 'column',
    title: 'A <title> & more',
    categories: "'Sum & ''x'''!$A$1:$A$2",
    series: [{ name: 'Serie "1"', values: "'Sum & ''x'''!$B$1:$B$2", cache: [5, 10] }],
    anchor: { row: 0, col: 3 },
  };

  it('keeps register text and names as they are, and quotes a sheet name that needs it', () => {
    const read = readChart(parseXml(chartSpaceXml(sheet, chart, { ns: drawingNamespaces(false) })));
    expect(read.title).toBe('A <title> & more');
    expect(read.series[0]).toMatchObject({
      name: 'Serie "1"',
      categories: "'Sum & ''x'''!$A$1:$A$2",
      values: "'Sum & ''x'''!$B$1:$B$2",
      categoryCache: { 0: 'Næring & <vekst> "2010"', 1: 'tab\there, _x005F_x0041_ stays' },
      valueCache: { 0: '5', 1: '10' },
    });
  });

  it('refuses a range that is not one row or column, and a series of another length than the categories', () => {
    const ns = drawingNamespaces(false);
    expect(() => chartSpaceXml(sheet, { ...chart, categories: 'A1:B2' }, { ns })).toThrow(
      /not one row or one column/,
    );
    expect(() =>
      chartSpaceXml(sheet, { ...chart, series: [{ name: 's', values: 'B1:B3' }] }, { ns }),
    ).toThrow(/3 values for 2 categories/);
    expect(() => chartSpaceXml(sheet, { ...chart, categories: 'nonsense' }, { ns })).toThrow(/not a range/);
  });
});

describe('a register whose focus area is written with XML’s special characters', () => {
  it('writes a well-formed chart whose cached category is the area’s name', () => {
    const reg = sampleRegister();
    const area = 'Næring & <vekst> "i regionen"';
    const entries = reg.entries.map((e) => (e.area === reg.entries[0].area ? { ...e, area } : e));
    const model = sampleWorkbookModel();
    const file = readWorkbookData(
      workbookBytes({
        sheets: model.sheets.map((s) =>
          s.name === 'Prosjektregister' ? registerSheetModel({ ...reg, entries }) : s,
        ),
      }),
      'in.xlsx',
    );
    const { parts } = withOutputs(file);
    const chart = readChart(chartsOf(parts, 'Sammendrag')!.anchors[0].chart);
    expect(Object.values(chart.series[0].categoryCache)).toContain(area);
  });
});
