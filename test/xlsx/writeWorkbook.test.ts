import path from 'path';
import ExcelJS from 'exceljs';
import type { CellModel, SheetModel, WorkbookModel } from '../../src/domain/model';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { XlsxModelError, workbookBytes } from '../../src/xlsx';
import { writeWorkbookBuffer, writeWorkbookFile } from '../../src/cli/workbookFiles';
import { excelJsWorkbook, snapshotFile } from '../helpers/xlsxFiles';
import { expectedValues, makeTempDir, removeTempDir } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await removeTempDir(dir);
});

/** What was written, as ExcelJS reads it (an independent reader); `snap` as the CLI reads it. */
const snapshots = new WeakMap<ExcelJS.Workbook, WorkbookSnapshot>();
async function saveAndLoad(model: WorkbookModel, name: string): Promise<ExcelJS.Workbook> {
  const file = path.join(dir, `${name}.xlsx`);
  await writeWorkbookFile(model, file);
  const wb = await excelJsWorkbook(file);
  snapshots.set(wb, await snapshotFile(file));
  return wb;
}
const snapshotWorkbook = (wb: ExcelJS.Workbook): WorkbookSnapshot => snapshots.get(wb)!;
/** The writer's checks, as a promise. */
const buildWorkbook = async (model: WorkbookModel) => workbookBytes(model);

/** What ExcelJS keeps of a loaded table (its typings do not describe it). */
interface LoadedTable {
  model: {
    name: string;
    tableRef: string;
    headerRow: boolean;
    columns: { name: string; filterButton?: boolean }[];
    style: { theme: string; showRowStripes: boolean };
  };
}

function loadedTable(ws: ExcelJS.Worksheet, name: string): LoadedTable['model'] {
  const table = ws.getTable(name) as unknown as LoadedTable | undefined;
  if (!table) throw new Error(`no table ${name}`);
  return table.model;
}

const budget: SheetModel = {
  name: 'Budsjett',
  columnWidths: [
    { col: 0, width: 32 },
    { col: 1, width: 14 },
  ],
  merges: ['A1:C1'],
  cells: [
    {
      row: 0,
      col: 0,
      value: 'Handlingsplan 2010–2011',
      bold: true,
      fontSize: 14,
    },
    { row: 1, col: 0, value: 'Budsjett', bold: true },
    { row: 1, col: 1, value: 2010, bold: true, horizontalAlignment: 'right' },
    { row: 2, col: 0, value: 'Koordinering, drift', indent: 1 },
    { row: 2, col: 1, value: 700000, numberFormat: '# ##0' },
    { row: 3, col: 0, value: 'Energi og miljø', indent: 1, italic: true },
    {
      row: 3,
      col: 1,
      value: 100000,
      numberFormat: '# ##0',
      fontColor: '#c00000',
      fill: '#FFF2CC',
    },
    { row: 4, col: 0, value: 'Sum', bold: true },
    {
      row: 4,
      col: 1,
      formula: '=SUM(B3:B4)',
      numberFormat: '# ##0',
      bold: true,
    },
    { row: 5, col: 0, value: 'Merknad med lang tekst', wrapText: true },
    { row: 5, col: 2, value: false },
  ],
};

describe('writeWorkbookFile', () => {
  it('round-trips values, formulas, indents and sheet order', async () => {
    const wb = await saveAndLoad({ sheets: [budget] }, 'budget');
    const [sheet] = snapshotWorkbook(wb).sheets;
    expect(sheet.name).toBe('Budsjett');
    expect(sheet.values).toEqual(expectedValues(budget));
    expect(sheet.formulas?.[4]).toEqual([null, '=SUM(B3:B4)', null]);
    expect(sheet.indents?.map((row) => row[0])).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('writes formats, column widths and merges', async () => {
    const ws = (await saveAndLoad({ sheets: [budget] }, 'formats')).getWorksheet('Budsjett')!;
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell('A4').font).toMatchObject({ italic: true });
    expect(ws.getCell('A4').alignment).toMatchObject({
      indent: 1,
      horizontal: 'left',
    });
    expect(ws.getCell('B2').alignment).toMatchObject({ horizontal: 'right' });
    expect(ws.getCell('A6').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('B3').numFmt).toBe('# ##0');
    expect(ws.getCell('B4').font.color).toEqual({ argb: 'FFC00000' });
    expect(ws.getCell('B4').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFFFF2CC' },
    });
    expect(ws.getCell('B5').formula).toBe('SUM(B3:B4)');
    expect(ws.getColumn(1).width).toBe(32);
    expect(ws.getColumn(2).width).toBe(14);
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getCell('C1').master.address).toBe('A1');
  });

  it('stores strings that look like formulas as literal text', async () => {
    const tricky = ['=HYPERLINK("x")', '+SUM(1,1)', '-2+3', '@x'];
    const model: WorkbookModel = {
      sheets: [
        {
          name: 'Tekst',
          cells: tricky.map((value, row) => ({ row, col: 0, value })),
        },
      ],
    };
    const wb = await saveAndLoad(model, 'injection');
    const [sheet] = snapshotWorkbook(wb).sheets;
    expect(sheet.values).toEqual(tricky.map((t) => [t]));
    expect(sheet.formulas).toEqual(tricky.map(() => [null]));
    const ws = wb.getWorksheet('Tekst')!;
    tricky.forEach((_, i) => {
      expect(ws.getCell(i + 1, 1).type).toBe(ExcelJS.ValueType.String);
      // Text format, so that editing the cell in Excel keeps it text.
      expect(ws.getCell(i + 1, 1).numFmt).toBe('@');
    });
  });

  it('gives number-like, boolean-like and quote-prefixed text the Text format too, as the Office.js writer does', async () => {
    const texts = ['1.3', '2010', 'TRUE', "'x", '#N/A', '(5 000)', 'Drift'];
    const wb = await saveAndLoad(
      { sheets: [{ name: 'Tekst', cells: texts.map((value, row) => ({ row, col: 0, value })) }] },
      'text-format',
    );
    const ws = wb.getWorksheet('Tekst')!;
    expect(texts.map((_, i) => ws.getCell(i + 1, 1).value)).toEqual(texts);
    expect(texts.map((_, i) => ws.getCell(i + 1, 1).numFmt ?? 'General')).toEqual([
      '@',
      '@',
      '@',
      '@',
      '@',
      '@',
      'General',
    ]);
  });

  it('keeps text XML cannot hold as such: controls, CR, U+FFFE, lone surrogates and literal _xHHHH_ read back as written', async () => {
    const texts = [
      '=\u0000',
      'a\rb',
      'x\ufffey\uffff',
      '_x0041_ and _X0041_',
      'del\u007f',
      'a\u0001\u001fb',
      'lone \ud800',
      'pair 😀',
      'tab\tand\nnewline',
    ];
    const cells = texts.map((value, row) => ({ row, col: 0, value }));
    const table: SheetModel = {
      name: 'Tabell',
      cells: [{ row: 0, col: 0, value: 'name' }, ...texts.map((value, i) => ({ row: i + 1, col: 0, value }))],
      tables: [{ name: 'T', range: `A1:A${texts.length + 1}` }],
    };
    const wb = await saveAndLoad({ sheets: [{ name: 'Tekst', cells }, table] }, 'xml-safe');
    const [plain, inTable] = snapshotWorkbook(wb).sheets;
    expect(plain.values.map((r) => r[0])).toEqual(texts);
    expect(inTable.values.slice(1).map((r) => r[0])).toEqual(texts);
  });

  it('writes hidden and very hidden sheets and keeps a visible one active', async () => {
    const model: WorkbookModel = {
      sheets: [
        {
          name: 'Prosjektregister',
          visibility: 'veryHidden',
          cells: [{ row: 0, col: 0, value: 'id' }],
        },
        { name: 'Notater', visibility: 'hidden', cells: [] },
        { name: 'Budsjett', cells: [{ row: 0, col: 0, value: 1 }] },
      ],
    };
    const wb = await saveAndLoad(model, 'hidden');
    expect(snapshotWorkbook(wb).sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Prosjektregister', 'veryHidden'],
      ['Notater', 'hidden'],
      ['Budsjett', 'visible'],
    ]);
    expect(wb.views[0].activeTab).toBe(2);
  });

  it('protects a sheet without a password', async () => {
    const model: WorkbookModel = {
      sheets: [
        {
          name: 'Avstemming',
          protect: true,
          cells: [{ row: 0, col: 0, value: 1 }],
        },
      ],
    };
    const ws = (await saveAndLoad(model, 'protect')).getWorksheet('Avstemming')!;
    const protection = (ws as unknown as { sheetProtection: unknown }).sheetProtection as {
      sheet?: boolean;
      hashValue?: string;
      selectLockedCells?: boolean;
    };
    expect(protection.sheet).toBe(true);
    expect(protection.hashValue).toBeUndefined();
    // ExcelJS reads `false` only when selecting is forbidden.
    expect(protection.selectLockedCells).toBeUndefined();
  });

  it('returns the file as a buffer that starts like a zip', async () => {
    const buf = await writeWorkbookBuffer({ sheets: [budget] });
    expect(buf.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
  });
});

describe('tables', () => {
  const header = ['id', 'name', 'contribution', 'budgetLine'];
  const rows: (string | number | null)[][] = [
    ['1.1a', 'Energi- og miljøklyngen', 100000, 'Energi og miljø'],
    ['3.1', '=Akkvisisjon', 200000, null],
  ];
  const cells: CellModel[] = [
    { row: 0, col: 0, value: 'Registerformat 1' },
    ...header.map((value, col) => ({ row: 2, col, value })),
    ...rows.flatMap((r, i) =>
      r.map((value, col) => ({
        row: 3 + i,
        col,
        value,
        ...(col === 2 ? { numberFormat: '# ##0' } : {}),
      })),
    ),
    { row: 5, col: 2, formula: '=SUM(C4:C5)' },
    ...['name', 'kind', 'aliases'].map((value, col) => ({
      row: 8,
      col,
      value,
    })),
  ];
  const register: SheetModel = {
    name: 'Prosjektregister',
    visibility: 'hidden',
    cells,
    tables: [
      { name: 'Prosjekter', range: 'A3:D5' },
      { name: 'Kilder', range: 'A9:C9', style: 'TableStyleLight9' },
    ],
  };

  it('writes tables whose header names and values equal the model', async () => {
    const wb = await saveAndLoad({ sheets: [{ name: 'Budsjett', cells: [] }, register] }, 'tables');
    const ws = wb.getWorksheet('Prosjektregister')!;
    const projects = loadedTable(ws, 'Prosjekter');
    expect(projects.tableRef).toBe('A3:D5');
    expect(projects.headerRow).toBe(true);
    expect(projects.columns.map((c) => c.name)).toEqual(header);
    expect(projects.style).toMatchObject({
      theme: 'TableStyleMedium2',
      showRowStripes: true,
    });
    const [, sheet] = snapshotWorkbook(wb).sheets;
    expect(sheet.values).toEqual(expectedValues(register));
    expect(sheet.formulas?.[5][2]).toBe('=SUM(C4:C5)');
    expect(ws.getCell('C4').numFmt).toBe('# ##0');
  });

  it('gives a table without data rows one empty row', async () => {
    const wb = await saveAndLoad({ sheets: [{ name: 'Budsjett', cells: [] }, register] }, 'empty-table');
    const sources = loadedTable(wb.getWorksheet('Prosjektregister')!, 'Kilder');
    expect(sources.tableRef).toBe('A9:C10');
    expect(sources.columns.map((c) => c.name)).toEqual(['name', 'kind', 'aliases']);
    expect(sources.style.theme).toBe('TableStyleLight9');
    const [, sheet] = snapshotWorkbook(wb).sheets;
    expect(sheet.values[9] ?? []).toEqual([]);
  });

  it('rejects a table whose header cell is missing or repeated', async () => {
    const sheet = (headers: string[]): WorkbookModel => ({
      sheets: [
        {
          name: 'S',
          cells: headers.map((value, col) => ({ row: 0, col, value })),
          tables: [{ name: 'T', range: 'A1:C2' }],
        },
      ],
    });
    await expect(buildWorkbook(sheet(['a', 'b']))).rejects.toThrow(/header cell C1 is empty/);
    await expect(buildWorkbook(sheet(['a', 'b', 'A']))).rejects.toThrow(XlsxModelError);
  });
});

describe('model checks', () => {
  it('rejects models Excel could not open', async () => {
    const one = (sheet: Partial<SheetModel>): WorkbookModel => ({
      sheets: [{ name: 'S', cells: [], ...sheet }],
    });
    await expect(buildWorkbook({ sheets: [] })).rejects.toThrow(XlsxModelError);
    await expect(buildWorkbook(one({ name: 'Et altfor langt arknavn som Excel kutter' }))).rejects.toThrow(
      /31/,
    );
    await expect(buildWorkbook(one({ visibility: 'hidden' }))).rejects.toThrow(/visible sheet/);
    await expect(
      buildWorkbook(
        one({
          cells: [
            { row: 0, col: 0, value: 1 },
            { row: 0, col: 0, value: 2 },
          ],
        }),
      ),
    ).rejects.toThrow(/A1 is given twice/);
    await expect(buildWorkbook(one({ cells: [{ row: 0, col: 0, value: Number.NaN }] }))).rejects.toThrow(
      XlsxModelError,
    );
    await expect(buildWorkbook(one({ cells: [{ row: 0, col: 0, value: 1, fill: 'red' }] }))).rejects.toThrow(
      /#RRGGBB/,
    );
    await expect(
      buildWorkbook(one({ merges: ['A1:B1'], cells: [{ row: 0, col: 1, value: 'x' }] })),
    ).rejects.toThrow(/inside merged area/);
    await expect(
      buildWorkbook(
        one({
          cells: [{ row: 0, col: 0, value: 'a' }],
          tables: [{ name: 'A1', range: 'A1:A2' }],
        }),
      ),
    ).rejects.toThrow(/not a valid Excel name/);
  });
});
