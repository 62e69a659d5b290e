/**
 * `docProps/app.xml` in a copy: its list of worksheets (what file browsers and search show) names
 * the sheets the copy has; when the part is in any shape other than Excel's, it is kept byte for
 * byte.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { buildOutputs } from '../../src/domain/outputs';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { applyOutputs, readWorkbookData, workbookBytes } from '../../src/xlsx';
import { editAppProperties } from '../../src/xlsx/write/appProperties';

const VT = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
const EP = 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties';

/** An app.xml as Excel writes it: worksheets under a heading in Excel's language, then names. */
function appXml(heading: string, sheets: readonly string[], names: readonly string[]): string {
  const lp = (s: string) => `<vt:lpstr>${s}</vt:lpstr>`;
  const pair = (h: string, n: number) =>
    `<vt:variant>${lp(h)}</vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant>`;
  const pairs = [
    pair(heading, sheets.length),
    ...(names.length ? [pair('Navngitte områder', names.length)] : []),
  ];
  const titles = [...sheets, ...names];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${EP}" xmlns:vt="${VT}">` +
    `<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity>` +
    `<HeadingPairs><vt:vector size="${pairs.length * 2}" baseType="variant">${pairs.join('')}</vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${titles.map(lp).join('')}</vt:vector></TitlesOfParts>` +
    `<Company>Nedre Romerike</Company><AppVersion>16.0300</AppVersion></Properties>`
  );
}

/** The heading pairs and titles of an app.xml, read back. */
function listed(xml: string) {
  const titles = /<TitlesOfParts><vt:vector size="(\d+)"[^>]*>(.*?)<\/vt:vector>/.exec(xml)!;
  const headings = /<HeadingPairs><vt:vector size="(\d+)"[^>]*>(.*?)<\/vt:vector>/.exec(xml)!;
  return {
    titlesSize: Number(titles[1]),
    titles: [...titles[2].matchAll(/<vt:lpstr>(.*?)<\/vt:lpstr>/g)].map((m) => m[1]),
    headingsSize: Number(headings[1]),
    counts: [...headings[2].matchAll(/<vt:i4>(\d+)<\/vt:i4>/g)].map((m) => Number(m[1])),
  };
}

describe('editAppProperties', () => {
  const before = appXml('Regneark', ['Budsjett', 'Finansiering'], ['Utskriftsområde']);

  it('lists the new worksheets in the worksheets group and keeps the other groups', () => {
    const out = editAppProperties(
      before,
      ['Budsjett', 'Finansiering'],
      ['Budsjett', 'Finansiering', 'Avstemming'],
    )!;
    expect(listed(out)).toEqual({
      titlesSize: 4,
      titles: ['Budsjett', 'Finansiering', 'Avstemming', 'Utskriftsområde'],
      headingsSize: 4,
      counts: [3, 1],
    });
    // Everything else as it was.
    expect(out.replace(/<HeadingPairs>.*<\/TitlesOfParts>/, '')).toBe(
      before.replace(/<HeadingPairs>.*<\/TitlesOfParts>/, ''),
    );
  });

  it('escapes a sheet name as XML text', () => {
    const out = editAppProperties(
      before,
      ['Budsjett', 'Finansiering'],
      ['Budsjett', 'Finansiering', 'R&D <1>'],
    )!;
    expect(listed(out).titles).toContain('R&amp;D &lt;1&gt;');
  });

  it('leaves a part that does not list the original worksheets exactly (null: keep it byte for byte)', () => {
    expect(editAppProperties(before, ['Budsjett'], ['Budsjett', 'Avstemming'])).toBeNull();
    expect(editAppProperties(before, ['Finansiering', 'Budsjett'], ['x'])).toBeNull();
    expect(
      editAppProperties(
        `<Properties xmlns="${EP}"><Application>LibreOffice</Application></Properties>`,
        ['A'],
        ['A', 'B'],
      ),
    ).toBeNull();
    // A vector whose size does not match its items.
    expect(
      editAppProperties(before.replace('size="3"', 'size="4"'), ['Budsjett', 'Finansiering'], ['B']),
    ).toBeNull();
  });

  it('changes nothing when the worksheets are the same', () => {
    expect(editAppProperties(before, ['Budsjett', 'Finansiering'], ['Budsjett', 'Finansiering'])).toBeNull();
  });
});

describe('--out: the copy’s docProps/app.xml', () => {
  /** The sample as Excel would have saved it: app.xml lists its worksheets. */
  function sampleSavedByExcel(): Uint8Array {
    const parts = unzipSync(workbookBytes(sampleWorkbookModel()));
    const sheets = [...strFromU8(parts['xl/workbook.xml']).matchAll(/<sheet name="([^"]+)"/g)].map(
      (m) => m[1],
    );
    parts['docProps/app.xml'] = strToU8(appXml('Worksheets', sheets, []));
    return zipSync(parts as Zippable);
  }

  function withOutputs(bytes: Uint8Array): Record<string, Uint8Array> {
    const file = readWorkbookData(bytes, 'in.xlsx');
    return unzipSync(applyOutputs(file, buildOutputs(reconcile(file.snapshot), 'nb', file.snapshot)).bytes);
  }

  it('names every worksheet of the copy, in tab order, and again after the outputs are replaced', () => {
    const once = withOutputs(sampleSavedByExcel());
    const sheets = [...strFromU8(once['xl/workbook.xml']).matchAll(/<sheet name="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(listed(strFromU8(once['docProps/app.xml'])).titles).toEqual(sheets);
    expect(listed(strFromU8(once['docProps/app.xml'])).counts).toEqual([sheets.length]);
    const twice = withOutputs(zipSync(once as Zippable));
    expect(listed(strFromU8(twice['docProps/app.xml'])).titles).toEqual(sheets);
  });

  it('keeps an app.xml without a list of sheets byte for byte', () => {
    const original = unzipSync(workbookBytes(sampleWorkbookModel()));
    const copy = withOutputs(workbookBytes(sampleWorkbookModel()));
    expect(Buffer.from(copy['docProps/app.xml'])).toEqual(Buffer.from(original['docProps/app.xml']));
  });
});
