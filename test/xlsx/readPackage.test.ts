/**
 * The .xlsx reader on packages as other programs write them, part by part: namespace prefixes
 * (.NET's Open XML SDK), strict OOXML, absolute targets, every kind of stored value, and hostile
 * files that must be refused or read in bounded work, never hang.
 */
import { zipSync, strToU8, type Zippable } from 'fflate';
import { PackageError } from '../../src/xlsx/package/guard';
import { readWorkbookBytes } from '../../src/xlsx/read/readPackage';
import { shiftFormula } from '../../src/xlsx/read/formula';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

interface Options {
  /** Element prefix of SpreadsheetML parts ('' for none). */
  readonly prefix?: string;
  readonly strict?: boolean;
  /** Targets written absolute (`/xl/worksheets/sheet1.xml`). */
  readonly absolute?: boolean;
  readonly sharedStrings?: string;
  readonly styles?: string;
  readonly workbookPr?: string;
  readonly extra?: Zippable;
}

/** A one-sheet package whose sheet's `<sheetData>` (and what follows it) is `sheetBody`. */
function workbook(sheetBody: string, o: Options = {}): Uint8Array {
  const p = o.prefix ? `${o.prefix}:` : '';
  const ns = o.prefix ? `xmlns:${o.prefix}` : 'xmlns';
  const main = o.strict ? STRICT_MAIN : MAIN;
  const rel = o.strict ? STRICT_REL : REL;
  const target = (t: string) => (o.absolute ? `/xl/${t}` : t);
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<Relationships xmlns="${PKG}"><Relationship Id="r1" Type="${rel}/officeDocument" Target="${o.absolute ? '/' : ''}xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<${p}workbook ${ns}="${main}" xmlns:rr="${rel}">${o.workbookPr ?? ''}<${p}sheets><${p}sheet name="Budsjett" sheetId="1" rr:id="rId1"/></${p}sheets></${p}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="${target('worksheets/sheet1.xml')}"/>` +
        (o.sharedStrings
          ? `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="${target('sharedStrings.xml')}"/>`
          : '') +
        (o.styles ? `<Relationship Id="rId3" Type="${rel}/styles" Target="${target('styles.xml')}"/>` : '') +
        '</Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<${p}worksheet ${ns}="${main}">${sheetBody.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`)}</${p}worksheet>`,
    ),
    ...o.extra,
  };
  if (o.sharedStrings) files['xl/sharedStrings.xml'] = strToU8(o.sharedStrings.replace('NS', main));
  if (o.styles) files['xl/styles.xml'] = strToU8(o.styles.replace('NS', main));
  return zipSync(files);
}

const read = (bytes: Uint8Array, options = {}) =>
  readWorkbookBytes(bytes, { allSheets: true, ...options }).snapshot.sheets[0];

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PackageError);
    return (e as PackageError).reason;
  }
  throw new Error('not refused');
}

describe('what Excel reads, the reader reads', () => {
  const cells =
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Drift</t></is></c><c r="B1"><v>700000</v></c></row></sheetData>';

  it.each([
    ['no prefix', {}],
    ['an x: prefix (Open XML SDK, ClosedXML)', { prefix: 'x' }],
    ['absolute part targets', { absolute: true, prefix: 'x' }],
    ['strict OOXML namespaces', { strict: true }],
  ])('SpreadsheetML with %s', (_, options) => {
    expect(read(workbook(cells, options)).values).toEqual([['Drift', 700000]]);
  });

  it('reads shared strings with rich text runs, leaving out phonetic runs, and decodes _xHHHH_', () => {
    const sst =
      '<sst xmlns="NS"><si><t>Helse</t></si><si><r><t>Helse</t></r><r><rPr><b/></rPr><t xml:space="preserve">design , Arena</t></r><rPh sb="0" eb="1"><t>へるせ</t></rPh></si><si><t>A_x000D_B</t></si></sst>';
    const sheet =
      '<sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c></row></sheetData>';
    expect(read(workbook(sheet, { sharedStrings: sst })).values).toEqual([['Helsedesign , Arena', 'A\rB']]);
  });

  it('reads inline strings in CDATA, ISO dates, booleans, errors, and every cached result type of a formula', () => {
    const sheet =
      '<sheetData><row r="1">' +
      '<c r="A1" t="inlineStr"><is><t><![CDATA[Hello <CDATA>]]></t></is></c>' +
      '<c r="B1" t="d"><v>2010-01-01T12:00:00</v></c>' +
      '<c r="C1" t="b"><v>1</v></c>' +
      '<c r="D1" t="e"><v>#N/A</v></c>' +
      '<c r="E1" t="str"><f>"x"&amp;1</f><v>x1</v></c>' +
      '<c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c r="G1" t="b"><f>1&gt;2</f><v>0</v></c>' +
      '<c r="H1"><f>_xlfn.XLOOKUP(1,A:A,B:B)</f><v>3</v></c>' +
      '</row></sheetData>';
    const s = read(workbook(sheet));
    expect(s.values).toEqual([
      ['Hello <CDATA>', 40179.5, true, { error: '#N/A' }, 'x1', { error: '#DIV/0!' }, false, 3],
    ]);
    expect(s.formulas).toEqual([[null, null, null, null, '="x"&1', '=1/0', '=1>2', '=XLOOKUP(1,A:A,B:B)']]);
  });

  it('moves a shared formula to each cell that shares it; names a data table’s cells as Excel shows them', () => {
    const sheet =
      '<sheetData>' +
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*$A$1+SUM($A1:A$2)</f><v>2</v></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>' +
      '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c><c r="C3"><f t="dataTable" ref="C3:C4" dt2D="0" dtr="0" r1="A1"/><v>7</v></c></row>' +
      '</sheetData>';
    const s = read(workbook(sheet));
    expect(s.formulas!.map((r) => r[1])).toEqual([
      '=A1*$A$1+SUM($A1:A$2)',
      '=A2*$A$1+SUM($A2:A$2)',
      '=A3*$A$1+SUM($A3:A$2)',
    ]);
    expect(s.formulas![2][2]).toBe('=TABLE(,A1)');
    expect(s.values[2]).toEqual([3, 6, 7]);
  });

  it('moves references, not names, function names or text', () => {
    expect(shiftFormula('LOG10(A1)+"A1"+Sheet1!B2+\'Q1 A1\'!C3+A1B', 1, 1)).toBe(
      'LOG10(B2)+"A1"+Sheet1!C3+\'Q1 A1\'!D4+A1B',
    );
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });

  it('reads cells without references, rows out of order, and indents from the cell formats', () => {
    const styles =
      '<styleSheet xmlns="NS"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="0" applyAlignment="1"><alignment indent="2"/></xf></cellXfs></styleSheet>';
    const sheet =
      '<sheetData><row r="3"><c><v>3</v></c><c s="1" t="inlineStr"><is><t>Etablerer</t></is></c></row><row r="1"><c r="A1"><v>1</v></c></row></sheetData>';
    const s = read(workbook(sheet, { styles }));
    expect(s.values).toEqual([
      [1, null],
      [null, null],
      [3, 'Etablerer'],
    ]);
    expect(s.indents).toEqual([
      [0, 0],
      [0, 0],
      [0, 2],
    ]);
  });

  it('reads the 1904 date system', () => {
    const sheet = '<sheetData><row r="1"><c r="A1" t="d"><v>2010-01-01</v></c></row></sheetData>';
    expect(read(workbook(sheet, { workbookPr: '<workbookPr date1904="1"/>' })).values).toEqual([
      [40179 - 1462],
    ]);
  });
});

describe('hostile files: refused in words, or read in bounded work', () => {
  it('refuses a document type declaration (entity expansion), before expanding anything', () => {
    const laughs =
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    const bytes = zipSync({
      '[Content_Types].xml': strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      '_rels/.rels': strToU8(
        `${laughs}<Relationships xmlns="${PKG}"><Relationship Id="a" Type="x" Target="&lol2;"/></Relationships>`,
      ),
    });
    expect(refusal(() => readWorkbookBytes(bytes))).toBe('dtd');
  });

  it('refuses a part that inflates beyond what it declares (a zip bomb), without inflating it all', () => {
    // 50 MB of spaces inside the sheet deflate to 50 kB; the directory says 100 bytes.
    const spaces = ' '.repeat(50 * 1024 * 1024);
    const zip = workbook(`<sheetData/>${spaces}`);
    expect(zip.length).toBeLessThan(200_000);
    expect(refusal(() => readWorkbookBytes(declaring(zip, 'xl/worksheets/sheet1.xml', 100)))).toBe(
      'zip-bomb',
    );
  });

  it('refuses a sheet beyond the size limit, and work beyond the time limit', () => {
    const sheet =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row><row r="5"><c r="A5"><v>1</v></c></row></sheetData>';
    expect(refusal(() => read(workbook(sheet), { limits: { maxSheetCells: 20_000 } }))).toBe('too-large');
    let t = 0;
    expect(refusal(() => read(workbook(sheet), { now: () => (t += 60_000) }))).toBe('timeout');
  });

  it('reads a sheet with a whole-sheet validation, a used range to XFD1048576 and 50 000 merges as the cells it has', () => {
    const merges = Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="C${i + 1}:D${i + 1}"/>`).join(
      '',
    );
    const sheet =
      '<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Budsjett 2010</t></is></c><c r="B1"><v>5</v></c></row></sheetData>' +
      `<mergeCells count="50000">${merges}</mergeCells>` +
      '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>';
    const s = read(workbook(sheet));
    expect(s.values).toEqual([['Budsjett 2010', 5]]);
  });

  it('refuses a zip that is not a workbook, and an encrypted (OLE) file, each by name', () => {
    expect(refusal(() => readWorkbookBytes(zipSync({ 'a.txt': strToU8('hei') })))).toBe('not-workbook');
    expect(
      refusal(() =>
        readWorkbookBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      ),
    ).toBe('not-zip');
  });
});

/**
 * The zip with the central directory (and local header) of `name` declaring it inflates to
 * `declared` bytes: what a zip bomb looks like.
 */
function declaring(zip: Uint8Array, name: string, declared: number): Uint8Array {
  const out = zip.slice();
  const v = new DataView(out.buffer);
  const enc = new TextEncoder().encode(name);
  const named = (o: number, nameAt: number, len: number) =>
    len === enc.length && enc.every((b, i) => out[o + nameAt + i] === b);
  for (let o = 0; o < out.length - 46; o++) {
    const sig = v.getUint32(o, true);
    if (sig === 0x04034b50 && named(o, 30, v.getUint16(o + 26, true))) v.setUint32(o + 22, declared, true);
    if (sig === 0x02014b50 && named(o, 46, v.getUint16(o + 28, true))) v.setUint32(o + 24, declared, true);
  }
  return out;
}
