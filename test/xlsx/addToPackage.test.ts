/**
 * Writing by adding: what the copy of a package changes, part by part. A replaced output sheet
 * takes its own parts with it (a chart Excel added to the summary, its drawing, its tables) and
 * nothing else; the user's formats keep their indices; the workbook's namespace prefix is kept.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { buildOutputs } from '../../src/domain/outputs';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { applyOutputs, readWorkbookData, workbookBytes } from '../../src/xlsx';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The sample with its outputs added once, as `--out` writes it. */
function sampleWithOutputs(): Uint8Array {
  const file = readWorkbookData(workbookBytes(sampleWorkbookModel()), 'sample.xlsx');
  return applyOutputs(file, buildOutputs(reconcile(file.snapshot), 'nb', file.snapshot)).bytes;
}

/** The sheet part of the sheet named `name`. */
function sheetPart(parts: Record<string, Uint8Array>, name: string): string {
  const wb = strFromU8(parts['xl/workbook.xml']);
  const id = new RegExp(`<sheet name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
  return `xl/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
}

/** Adds a drawing with a chart to a sheet (what Excel saves after the add-in drew a chart on it). */
function withChart(parts: Record<string, Uint8Array>, sheet: string, n: number): void {
  const rels = sheet.replace(/([^/]+)$/, '_rels/$1.rels');
  parts[rels] = strToU8(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdD" Type="${REL}/drawing" Target="../drawings/drawing${n}.xml"/></Relationships>`,
  );
  parts[`xl/drawings/drawing${n}.xml`] = strToU8(
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`,
  );
  parts[`xl/drawings/_rels/drawing${n}.xml.rels`] = strToU8(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdC" Type="${REL}/chart" Target="../charts/chart${n}.xml"/></Relationships>`,
  );
  parts[`xl/charts/chart${n}.xml`] = strToU8(
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>`,
  );
  const ct = strFromU8(parts['[Content_Types].xml']).replace(
    '</Types>',
    `<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
  );
  parts['[Content_Types].xml'] = strToU8(ct);
  const xml = strFromU8(parts[sheet]).replace(
    /<\/worksheet>$/,
    `<drawing xmlns:r="${REL}" r:id="rIdD"/></worksheet>`,
  );
  parts[sheet] = strToU8(xml);
}

describe('replacing an output sheet', () => {
  const parts = unzipSync(sampleWithOutputs());
  // The summary has its chart (xl/charts/chart1.xml, written with it); the user has put one on
  // the budget sheet.
  withChart(parts, sheetPart(parts, 'Budsjett'), 2);
  const input = zipSync(parts as Zippable);
  const file = readWorkbookData(input, 'in.xlsx');
  const again = unzipSync(
    applyOutputs(file, buildOutputs(reconcile(file.snapshot), 'nb', file.snapshot)).bytes,
  );

  it('removes the parts only the old sheet used, and keeps the user’s chart byte for byte', () => {
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining(['xl/drawings/drawing1.xml', 'xl/charts/chart1.xml']),
    );
    expect(Object.keys(again)).not.toContain('xl/drawings/drawing1.xml');
    expect(Object.keys(again)).not.toContain('xl/charts/chart1.xml');
    for (const p of ['xl/drawings/drawing2.xml', 'xl/charts/chart2.xml', sheetPart(parts, 'Budsjett')]) {
      expect(Buffer.from(again[p])).toEqual(Buffer.from(parts[p]));
    }
    const ct = strFromU8(again['[Content_Types].xml']);
    expect(ct).not.toContain('/xl/charts/chart1.xml');
    expect(ct).toContain('/xl/charts/chart2.xml');
  });

  it('keeps the sheets, their order and the markers; no part refers to a part that is gone', () => {
    const names = (p: Record<string, Uint8Array>) =>
      [...strFromU8(p['xl/workbook.xml']).matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names(again)).toEqual(names(parts));
    for (const [name, bytes] of Object.entries(again)) {
      if (!name.endsWith('.rels')) continue;
      const dir = name.replace(/_rels\/[^/]+$/, '');
      for (const m of strFromU8(bytes).matchAll(/Target="([^"]+)"(?![^>]*TargetMode="External")/g)) {
        const target = new URL(m[1], `file:///${dir}`).pathname.slice(1);
        expect({ from: name, target, exists: target in again }).toEqual({ from: name, target, exists: true });
      }
    }
    const ct = strFromU8(again['[Content_Types].xml']);
    for (const m of ct.matchAll(/PartName="\/([^"]+)"/g))
      expect({ part: m[1], exists: m[1] in again }).toEqual({ part: m[1], exists: true });
  });

  it('appends formats to styles.xml: every format the user’s sheets use is unchanged at its index', () => {
    const xfs = (p: Record<string, Uint8Array>) =>
      /<cellXfs[^>]*>(.*?)<\/cellXfs>/s
        .exec(strFromU8(p['xl/styles.xml']))![1]
        .match(/<xf .*?(?:\/>|<\/xf>)/gs)!;
    const before = xfs(parts);
    expect(xfs(again).slice(0, before.length)).toEqual(before);
  });
});
