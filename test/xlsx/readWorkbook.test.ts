import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { XlsxInputError, readWorkbookData } from '../../src/xlsx';
import { loadWorkbook } from '../../src/cli/workbookFiles';
import type { SheetSnapshot } from '../../src/domain/snapshot';
import { makeTempDir, makeZip, removeTempDir } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await removeTempDir(dir);
});

/** Saves a workbook built with ExcelJS directly, loads it through the adapter, snapshots it. */
async function roundTrip(build: (wb: ExcelJS.Workbook) => void, name: string): Promise<SheetSnapshot[]> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return [...(await loadWorkbook(file, { allSheets: true })).snapshot.sheets];
}

describe('reading a workbook written by ExcelJS', () => {
  it('reads plain values into a rectangle anchored at A1', async () => {
    const [sheet] = await roundTrip((wb) => {
      const ws = wb.addWorksheet('Budsjett');
      ws.getCell('B2').value = 'Energi og miljø';
      ws.getCell('C2').value = 100000;
      ws.getCell('D3').value = true;
    }, 'plain');
    expect(sheet.name).toBe('Budsjett');
    expect(sheet.visibility).toBe('visible');
    expect(sheet.origin).toEqual({ row: 0, col: 0 });
    expect(sheet.values).toEqual([
      [null, null, null, null],
      [null, 'Energi og miljø', 100000, null],
      [null, null, null, true],
    ]);
    expect(sheet.formulas).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [null, null, null, null],
    ]);
    expect(sheet.indents).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(sheet.texts).toBeUndefined();
  });

  it('reads formulas with their cached results, including falsy ones', async () => {
    const [sheet] = await roundTrip((wb) => {
      const ws = wb.addWorksheet('F');
      ws.getCell('A1').value = 2;
      ws.getCell('B1').value = { formula: 'A1*2', result: 4 };
      ws.getCell('C1').value = { formula: 'A1*0', result: 0 };
      ws.getCell('D1').value = { formula: 'A1>5', result: false };
      ws.getCell('E1').value = { formula: '"x"&A1', result: 'x2' };
      ws.getCell('F1').value = { formula: 'A1+1' };
    }, 'formulas');
    expect(sheet.values).toEqual([[2, 4, 0, false, 'x2', null]]);
    expect(sheet.formulas).toEqual([[null, '=A1*2', '=A1*0', '=A1>5', '="x"&A1', '=A1+1']]);
  });

  it('translates shared formulas for the cells that share them', async () => {
    const [sheet] = await roundTrip((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = 1;
      ws.getCell('A2').value = 2;
      // ExcelJS's typings omit the shared-formula master fields it documents.
      const master = {
        formula: 'A1*10',
        result: 10,
        shareType: 'shared',
        ref: 'B1:B2',
      };
      ws.getCell('B1').value = master as ExcelJS.CellFormulaValue;
      ws.getCell('B2').value = { sharedFormula: 'B1', result: 20 };
    }, 'shared');
    expect(sheet.formulas).toEqual([
      [null, '=A1*10'],
      [null, '=A2*10'],
    ]);
    expect(sheet.values).toEqual([
      [1, 10],
      [2, 20],
    ]);
  });

  it('removes the _xlfn. prefix of newer functions outside string literals', async () => {
    const [sheet] = await roundTrip((wb) => {
      wb.addWorksheet('X').getCell('A1').value = {
        formula: '_xlfn.CONCAT("_xlfn.a",1)',
        result: '_xlfn.a1',
      };
    }, 'xlfn');
    expect(sheet.formulas).toEqual([['=CONCAT("_xlfn.a",1)']]);
  });

  it('reads error values, literal and as formula results', async () => {
    const [sheet] = await roundTrip((wb) => {
      const ws = wb.addWorksheet('E');
      ws.getCell('A1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      ws.getCell('B1').value = {
        formula: '1/0',
        result: { error: '#DIV/0!' } as ExcelJS.CellErrorValue,
      };
    }, 'errors');
    expect(sheet.values).toEqual([[{ error: '#REF!' }, { error: '#DIV/0!' }]]);
    expect(sheet.formulas).toEqual([[null, '=1/0']]);
  });

  it('keeps a merged value only in the top-left cell', async () => {
    const [sheet] = await roundTrip((wb) => {
      const ws = wb.addWorksheet('M');
      ws.getCell('A1').value = 'Handlingsplan 2010';
      ws.mergeCells('A1:C2');
      ws.getCell('A3').value = 1;
      ws.getCell('C3').value = 3;
    }, 'merged');
    expect(sheet.values).toEqual([
      ['Handlingsplan 2010', null, null],
      [null, null, null],
      [1, null, 3],
    ]);
  });

  it('flattens rich text and hyperlinks to their text', async () => {
    const [sheet] = await roundTrip((wb) => {
      const ws = wb.addWorksheet('R');
      ws.getCell('A1').value = {
        richText: [{ text: 'Helse', font: { bold: true } }, { text: 'design , Arena' }],
      };
      ws.getCell('B1').value = {
        text: 'Lenke',
        hyperlink: 'https://example.com',
      };
    }, 'richtext');
    expect(sheet.values).toEqual([['Helsedesign , Arena', 'Lenke']]);
  });

  it('turns dates into Excel serial numbers', async () => {
    const [sheet] = await roundTrip((wb) => {
      const ws = wb.addWorksheet('D');
      ws.getCell('A1').value = new Date(Date.UTC(2010, 0, 1));
      ws.getCell('B1').value = new Date(Date.UTC(2010, 0, 1, 12));
    }, 'dates');
    expect(sheet.values).toEqual([[40179, 40179.5]]);
  });

  it('reads indents', async () => {
    const [sheet] = await roundTrip((wb) => {
      const ws = wb.addWorksheet('I');
      ws.getCell('A1').value = 'Innovasjon Norge,';
      ws.getCell('A2').value = 'Etablerertjenester';
      ws.getCell('A2').alignment = { indent: 2 };
    }, 'indents');
    expect(sheet.indents).toEqual([[0], [2]]);
  });

  it('lists every sheet in tab order with its visibility; an empty sheet is an empty array', async () => {
    const sheets = await roundTrip((wb) => {
      wb.addWorksheet('Budsjett').getCell('A1').value = 1;
      wb.addWorksheet('Prosjektregister', { state: 'hidden' }).getCell('A1').value = 'id';
      wb.addWorksheet('Skjult', { state: 'veryHidden' });
    }, 'visibility');
    expect(sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Budsjett', 'visible'],
      ['Prosjektregister', 'hidden'],
      ['Skjult', 'veryHidden'],
    ]);
    expect(sheets[2].values).toEqual([]);
  });

  it('snapshots a 100 000-row sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Stor');
    for (let i = 1; i <= 100_000; i++)
      ws.addRow([`Linje ${i}`, i * 1000, { formula: `B${i}*2`, result: i * 2000 }]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const [sheet] = readWorkbookData(bytes, 'stor.xlsx', { allSheets: true }).snapshot.sheets;
    expect(sheet.values).toHaveLength(100_000);
    expect(sheet.values[99_999]).toEqual(['Linje 100000', 100_000_000, 200_000_000]);
    expect(sheet.formulas?.[99_999]).toEqual([null, null, '=B100000*2']);
  });
});

describe('loadWorkbook', () => {
  async function reasonFor(file: string): Promise<string> {
    try {
      await loadWorkbook(file);
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxInputError);
      expect((e as Error).message).toContain(file);
      expect((e as Error).message).not.toContain('\n');
      return (e as XlsxInputError).reason;
    }
    throw new Error(`loadWorkbook(${file}) did not throw`);
  }

  it('reports a missing file as not-found', async () => {
    expect(await reasonFor(path.join(dir, 'finnes-ikke.xlsx'))).toBe('not-found');
  });

  it('reports a text file named .xlsx as not a zip', async () => {
    const file = path.join(dir, 'tekst.xlsx');
    await fs.writeFile(file, 'Budsjett;2010\nSum;3430000\n');
    expect(await reasonFor(file)).toBe('not-zip');
  });

  it('reports an old .xls or an encrypted workbook (both OLE2 files) as such', async () => {
    const file = path.join(dir, 'gammel.xls');
    await fs.writeFile(
      file,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    );
    expect(await reasonFor(file)).toBe('not-zip');
    const error = await loadWorkbook(file).catch((e: XlsxInputError) => e);
    expect((error as XlsxInputError).messageIn('nb')).toBe(
      `${file} er en passordbeskyttet arbeidsbok eller en gammel .xls-fil: lagre den som .xlsx uten passord først`,
    );
  });

  it('reports an empty zip as not a zip workbook', async () => {
    const file = path.join(dir, 'tom.xlsx');
    await fs.writeFile(file, makeZip({}));
    expect(await reasonFor(file)).toBe('not-zip');
  });

  it('reports a zip without a workbook inside as not a workbook', async () => {
    const file = path.join(dir, 'annen.xlsx');
    await fs.writeFile(file, makeZip({ 'readme.txt': 'hei' }));
    expect(await reasonFor(file)).toBe('not-workbook');
  });

  it('reports a truncated workbook as damaged and a directory as unreadable', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').getCell('A1').value = 1;
    const full = Buffer.from(await wb.xlsx.writeBuffer());
    const file = path.join(dir, 'avkuttet.xlsx');
    await fs.writeFile(file, full.subarray(0, Math.floor(full.length / 2)));
    expect(await reasonFor(file)).toBe('damaged');
    expect(await reasonFor(dir)).toBe('unreadable');
  });
});
