/**
 * The in-memory Excel host, driven through Microsoft's own Office.js client
 * (`@microsoft/office-js`): it answers as Excel does where the add-in depends
 * on it (docs/EXCEL-BEHAVIOUR.md): load and sync, null objects, values as
 * Excel shows them, what written text becomes, payload and cell limits, cell
 * edit mode, requirement sets, errors by Excel's codes, and round trips.
 * Every `context` below is Microsoft's `Excel.RequestContext`.
 */
import type { WorkbookModel } from '../../src/domain/model';
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import { DEFAULT_PROTECTION_OPTIONS, utf8Length, type HostChange } from '../../src/host';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { blankHost, excelRun, hostFromModel, hostFromSnapshot } from '../helpers/host';

const small: WorkbookModel = {
  sheets: [
    {
      name: 'Budsjett',
      cells: [
        { row: 0, col: 0, value: 'Post', bold: true },
        { row: 0, col: 1, value: 'Budsjett 2010' },
        { row: 1, col: 0, value: 'Drift', indent: 2 },
        { row: 1, col: 1, value: 700_000, numberFormat: '#,##0' },
        { row: 2, col: 0, value: 'Sum' },
        { row: 2, col: 1, formula: '=SUM(B2:B2)' },
      ],
    },
    { name: 'Skjult', visibility: 'hidden', protect: true, cells: [{ row: 0, col: 0, value: 'x' }] },
  ],
};

/** What Microsoft's client throws: `OfficeExtension.Error` (its name `RichApi.Error`). */
interface ClientError {
  readonly name: string;
  readonly code: string;
  readonly message: string;
  readonly debugInfo: { readonly code: string; readonly errorLocation?: string };
}

/** The rejection of `promise`, which must reject. */
async function rejection(promise: Promise<unknown>): Promise<ClientError> {
  try {
    await promise;
  } catch (e) {
    return e as ClientError;
  }
  throw new Error('expected a rejection');
}

function thrown(f: () => unknown): ClientError {
  try {
    f();
  } catch (e) {
    return e as ClientError;
  }
  throw new Error('expected a throw');
}

describe("the requests are Microsoft's client's", () => {
  it('every sync reaches the host as the RichApi JSON Excel receives, and its answer is parsed by the client', async () => {
    const host = hostFromModel(small);
    const requests: unknown[] = [];
    const handle = host.handle.bind(host);
    host.handle = (request) => {
      // A copy: the client rewrites its paths once answered (a kept Range becomes a reference).
      requests.push(
        JSON.parse(typeof request.body === 'string' ? request.body : JSON.stringify(request.body)),
      );
      return handle(request);
    };
    await excelRun(host, async (context) => {
      const range = context.workbook.worksheets.getItem('Budsjett').getUsedRange(true).load('address');
      await context.sync();
      expect(range.address).toBe('Budsjett!A1:B3');
    });
    const [request] = requests as {
      Actions: { ActionType: number }[];
      ObjectPaths: Record<string, { Name: string }>;
    }[];
    expect(Object.values(request.ObjectPaths).map((p) => p.Name)).toEqual([
      '',
      'Worksheets',
      '',
      'GetUsedRange',
    ]);
    expect(request.Actions.map((a) => a.ActionType)).toContain(2);
  });

  it('Excel.run syncs what the batch left queued, as Microsoft’s Excel.run does', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      context.workbook.worksheets.getItem('Budsjett').getRange('A1').values = [['Endret']];
    });
    expect(host.readSheet('Budsjett')!.cells[0].value).toBe('Endret');
    expect(host.stats.syncs).toBe(1);
  });
});

describe('load and sync', () => {
  it('a property cannot be read before it is loaded and synced (PropertyNotLoaded)', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      const range = context.workbook.worksheets.getItem('Budsjett').getRange('A1:B3');
      expect(thrown(() => range.values)).toMatchObject({ code: 'PropertyNotLoaded' });
      range.load('values');
      expect(thrown(() => range.values).code).toBe('PropertyNotLoaded');
      await context.sync();
      expect(range.values).toEqual([
        ['Post', 'Budsjett 2010'],
        ['Drift', 700_000],
        ['Sum', 700_000],
      ]);
      // Only what was loaded.
      expect(thrown(() => range.address).code).toBe('PropertyNotLoaded');
      expect(thrown(() => range.address).debugInfo.errorLocation).toBe('Range.address');
    });
  });

  it('takes comma lists, leaf paths, arrays and the object forms', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      const sheets = context.workbook.worksheets.load('items/name, items/visibility');
      const a = context.workbook.worksheets.getItem('Budsjett').getRange('A2');
      a.load(['address', 'format/horizontalAlignment', 'format/font/bold']);
      const b = context.workbook.worksheets.getItem('Budsjett').getRange('A1');
      b.load({ select: 'rowIndex,columnIndex', expand: 'format/font' });
      const c = context.workbook.worksheets.getItem('Budsjett').getRange('B2');
      c.load({ numberFormat: true, text: true, format: { font: { bold: true } } });
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ['Budsjett', 'Visible'],
        ['Skjult', 'Hidden'],
      ]);
      expect(thrown(() => sheets.items[0].position).code).toBe('PropertyNotLoaded');
      expect([a.address, a.format.horizontalAlignment, a.format.font.bold]).toEqual([
        'Budsjett!A2',
        'General',
        false,
      ]);
      expect([b.rowIndex, b.columnIndex, b.format.font.bold, b.format.font.size]).toEqual([0, 0, true, 11]);
      expect([c.numberFormat, c.text, c.format.font.bold]).toEqual([[['#,##0']], [['700,000']], false]);
    });
  });

  it('a bare load() loads every scalar this Excel has', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      const range = context.workbook.worksheets.getItem('Budsjett').getRange('B2').load();
      await context.sync();
      expect(range.valueTypes).toEqual([['Double']]);
      expect(range.cellCount).toBe(1);
    });
  });

  it('an unknown property fails at sync with InvalidArgument', async () => {
    const host = hostFromModel(small);
    const e = await rejection(
      excelRun(host, async (context) => {
        context.workbook.worksheets.getItem('Budsjett').getRange('A1').load('valuez');
        await context.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  it('a member the host does not model is ApiNotFound, never a silent default', async () => {
    const host = hostFromModel(small);
    const e = await rejection(
      excelRun(host, async (context) => {
        context.workbook.worksheets
          .getItem('Budsjett')
          .getRange('A1')
          .getSpillingToRangeOrNullObject()
          .load('address');
        await context.sync();
      }),
    );
    expect(e).toMatchObject({ code: 'ApiNotFound' });
    expect(e.message).toContain('Range.getSpillingToRangeOrNullObject');
  });

  it('getItem of a missing sheet fails at sync with ItemNotFound, not before', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Finansiering');
      const range = sheet.getRange('A1');
      range.load('values');
      const e = await rejection(context.sync());
      expect(e).toMatchObject({ name: 'RichApi.Error', code: 'ItemNotFound' });
      expect(e.debugInfo.code).toBe('ItemNotFound');
      expect(thrown(() => range.values).code).toBe('PropertyNotLoaded');
    });
  });

  it('sheet names are found without regard to case, and a sheet keeps its identity when renamed', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem('BUDSJETT');
      sheet.load('name,id');
      await context.sync();
      expect(sheet.name).toBe('Budsjett');
      const renamed = context.workbook.worksheets.getItem(sheet.id);
      renamed.name = 'Budsjett 2010';
      await context.sync();
      renamed.load('name');
      await context.sync();
      expect(renamed.name).toBe('Budsjett 2010');
    });
    expect(host.sheets().map((s) => s.name)).toEqual(['Budsjett 2010', 'Skjult']);
  });

  it('a sheet added in one round trip is addressed by its id in the next (the client rewrites its path)', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      const added = context.workbook.worksheets.add('Ny');
      await context.sync();
      added.getRange('A1').values = [['i den nye']];
      await context.sync();
    });
    expect(host.sheets().map((s) => s.name)).toEqual(['Budsjett', 'Skjult', 'Ny']);
    expect(host.readSheet('Ny')!.cells[0].value).toBe('i den nye');
  });
});

describe('null objects', () => {
  it('isNullObject is known after a sync that loaded the object; other properties cannot be read', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Finansiering');
      const present = context.workbook.worksheets.getItemOrNullObject('budsjett');
      missing.load('name');
      present.load('name');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      // The client gives nothing for a null object's properties, and no error.
      expect(missing.name).toBeUndefined();
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe('Budsjett');
    });
  });

  it('nothing is reached or called through a null object: the host refuses it (InvalidObjectPath)', async () => {
    const host = hostFromModel(small);
    for (const use of [
      (s: Excel.Worksheet) => s.getUsedRangeOrNullObject(true).load('address'),
      (s: Excel.Worksheet) => s.activate(),
      (s: Excel.Worksheet) => (s.name = 'Ny'),
    ]) {
      const e = await rejection(
        excelRun(host, async (context) => {
          use(context.workbook.worksheets.getItemOrNullObject('Finansiering'));
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one batch per case, each its own run
          await context.sync();
        }),
      );
      expect(e.code).toBe('InvalidObjectPath');
      expect(e.message).toContain('null object');
    }
    expect(host.activeSheet).toBe('Budsjett');
  });

  it('the used range: A1 (or a null object) for a blank sheet; valuesOnly leaves out cells that only have a format', async () => {
    const host = blankHost();
    await excelRun(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const blank = sheet.getUsedRangeOrNullObject(true).load('address');
      const blankAll = sheet.getUsedRange().load('address');
      await context.sync();
      expect(blank.isNullObject).toBe(true);
      expect(blankAll.address).toBe('Sheet1!A1');
      sheet.getRange('C3:D4').values = [
        [1, 2],
        [3, 4],
      ];
      sheet.getRange('F10').numberFormat = [['0.00']];
      const values = sheet.getUsedRange(true).load('address,rowIndex,columnIndex,rowCount,columnCount');
      const all = sheet.getUsedRange(false).load('address');
      await context.sync();
      expect([
        values.address,
        values.rowIndex,
        values.columnIndex,
        values.rowCount,
        values.columnCount,
      ]).toEqual(['Sheet1!C3:D4', 2, 2, 2, 2]);
      expect(all.address).toBe('Sheet1!C3:F10');
    });
  });

  it('an intersection that is empty is a null object; getBoundingRect spans both', async () => {
    const host = blankHost();
    await excelRun(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const a = sheet.getRange('B2:C3');
      const none = a.getIntersectionOrNullObject(sheet.getRange('E5')).load('address');
      const some = a.getIntersectionOrNullObject(sheet.getRange('C3:D9')).load('address');
      const both = a.getBoundingRect(sheet.getRange('A1')).load('address');
      await context.sync();
      expect([none.isNullObject, some.address, both.address]).toEqual([true, 'Sheet1!C3', 'Sheet1!A1:C3']);
    });
  });
});

describe('values as Office.js shows them', () => {
  it('empty cells read "", errors as their text with valueType Error, formulas by text and result', async () => {
    const host = hostFromSnapshot({
      sheets: [
        {
          name: 'Budget',
          origin: { row: 2, col: 1 },
          values: [
            ['Line', 'Budget 2024', null],
            ['A', { error: '#REF!' }, true],
            ['Sum', 1234, null],
          ],
          formulas: [
            [null, null, null],
            [null, '=Gone!B2', null],
            [null, '=SUM(C4:C4)', null],
          ],
        },
      ],
    });
    await excelRun(host, async (context) => {
      const r = context.workbook.worksheets.getItem('Budget').getRange('B3:E5');
      r.load('values,formulas,valueTypes,text');
      await context.sync();
      expect(r.values).toEqual([
        ['Line', 'Budget 2024', '', ''],
        ['A', '#REF!', true, ''],
        ['Sum', 1234, '', ''],
      ]);
      expect(r.formulas).toEqual([
        ['Line', 'Budget 2024', '', ''],
        ['A', '=Gone!B2', true, ''],
        ['Sum', '=SUM(C4:C4)', '', ''],
      ]);
      expect(r.valueTypes).toEqual([
        ['String', 'String', 'Empty', 'Empty'],
        ['String', 'Error', 'Boolean', 'Empty'],
        ['String', 'Double', 'Empty', 'Empty'],
      ]);
      expect(r.text[2][1]).toBe('1234');
    });
  });

  it('a file formula keeps its cached result until the workbook changes, then is recalculated', async () => {
    const host = hostFromSnapshot({
      sheets: [
        {
          name: 'S',
          origin: { row: 0, col: 0 },
          values: [[1], [2], [999]],
          formulas: [[null], [null], ['=SUM(A1:A2)']],
        },
      ],
    });
    const a3 = () =>
      excelRun(host, async (context) => {
        const r = context.workbook.worksheets.getItem('S').getRange('A3').load('values');
        await context.sync();
        return r.values[0][0];
      });
    expect(await a3()).toBe(999);
    host.typeInto('S', 'A1', '10');
    expect(await a3()).toBe(12);
  });

  it('a read of more cells than the limit is refused with RangeExceedsLimit (or answered null, as Excel may)', async () => {
    for (const overLimitRead of ['error', 'null'] as const) {
      const host = hostFromModel(small, { maxReadCells: 5, overLimitRead });
      const batch = excelRun(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem('Budsjett');
        const big = sheet.getRange('A1:B3').load('values,rowCount');
        const ok = sheet.getRange('A1:B2').load('values');
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one batch per case, each its own run
        await context.sync();
        return { big: big.values, rows: big.rowCount, ok: ok.values };
      });
      if (overLimitRead === 'error') expect((await rejection(batch)).code).toBe('RangeExceedsLimit');
      else
        expect(await batch).toEqual({
          big: null,
          rows: 3,
          ok: [
            ['Post', 'Budsjett 2010'],
            ['Drift', 700_000],
          ],
        });
    }
  });

  it('the default cell limit is Excel’s 5 000 000: a whole-sheet read is refused', async () => {
    const host = hostFromModel(small);
    const e = await rejection(
      excelRun(host, async (context) => {
        context.workbook.worksheets.getItem('Budsjett').getRange().load('values');
        await context.sync();
      }),
    );
    expect(e.code).toBe('RangeExceedsLimit');
    await excelRun(host, async (context) => {
      const all = context.workbook.worksheets.getItem('Budsjett').getRange().load('address');
      const columns = context.workbook.worksheets.getItem('Budsjett').getRange('A:B').load('address');
      await context.sync();
      expect([all.address, columns.address]).toEqual(['Budsjett!A:XFD', 'Budsjett!A:B']);
    });
  });
});

describe('writing', () => {
  async function write(
    host: ReturnType<typeof blankHost>,
    address: string,
    values: unknown[][],
    format?: string,
  ) {
    return excelRun(host, async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange(address);
      if (format !== undefined) r.numberFormat = [[format]];
      r.values = values;
      await context.sync();
      const back = context.workbook.worksheets
        .getItem('Sheet1')
        .getRange(address)
        .load('values,formulas,valueTypes,numberFormat');
      await context.sync();
      return {
        values: back.values[0],
        formulas: back.formulas[0],
        types: back.valueTypes[0],
        formats: back.numberFormat[0],
      };
    });
  }

  it('a string beginning with = is taken as a formula and evaluated', async () => {
    const host = blankHost();
    await write(host, 'A1:A2', [[2], [3]]);
    const r = await write(host, 'B1', [['=SUM(A1:A2)*10']]);
    expect(r).toMatchObject({ values: [50], formulas: ['=SUM(A1:A2)*10'], types: ['Double'] });
  });

  it('+ and - before something that is not a number make a formula; numbers and TRUE become values', async () => {
    const host = blankHost();
    const r = await write(host, 'A1:F1', [['+A2', '-A2', '-5', '123', 'true', '#N/A']]);
    expect(r.formulas).toEqual(['=+A2', '=-A2', -5, 123, true, '#N/A']);
    expect(r.values).toEqual([0, 0, -5, 123, true, '#N/A']);
    expect(r.types).toEqual(['Double', 'Double', 'Double', 'Double', 'Boolean', 'Error']);
  });

  it('text Excel reads as typed becomes a number, a date or a boolean, with the format Excel gives it', async () => {
    const host = blankHost();
    const r = await write(host, 'A1:H1', [
      ['May 2024', '1/2/2024', '12%', '1e5', 'TRUE', '$1,200.50', '1,000', '12:30'],
    ]);
    expect(r.types).toEqual([
      'Double',
      'Double',
      'Double',
      'Double',
      'Boolean',
      'Double',
      'Double',
      'Double',
    ]);
    expect(r.values).toEqual([45413, 45293, 0.12, 100000, true, 1200.5, 1000, 0.5208333333333334]);
    expect(r.formats).toEqual([
      'mmm-yy',
      'm/d/yyyy',
      '0%',
      'General',
      'General',
      '$#,##0.00',
      '#,##0',
      'h:mm',
    ]);
    // Under the text format each stays the text it is.
    const text = blankHost();
    await text.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:H1').numberFormat = [Array(8).fill('@')];
      await context.sync();
    });
    const t = await write(text, 'A1:H1', [
      ['May 2024', '1/2/2024', '12%', '1e5', 'TRUE', '$1,200.50', '1,000', '12:30'],
    ]);
    expect(t.values).toEqual(['May 2024', '1/2/2024', '12%', '1e5', 'TRUE', '$1,200.50', '1,000', '12:30']);
    expect(t.types).toEqual(Array(8).fill('String'));
  });

  it.each<[string, unknown]>([
    ['=2+3*4', 14],
    ['=(2+3)*4', 20],
    ['=-2^2', 4],
    ['=2^3^2', 64],
    ['=10%', 0.1],
    ['=1/0', '#DIV/0!'],
    ['=A1*2', 6],
    ['=$A$1+A2', 7],
    ['=SUM(A1:A2,10)', 17],
    ['=MAX(A1:A2)-MIN(A1:A2)', 1],
    ['=AVERAGE(A1:A2)', 3.5],
    ['=COUNT(A1:A3)', 2],
    ['=COUNTA(A1:A3)', 3],
    ['=IF(A1>A2,"større","mindre")', 'mindre'],
    ['=A3&" kr"', 'tekst kr'],
    ['=A1+A3', '#VALUE!'],
    ['=IFERROR(A1+A3,0)', 0],
    ['=ROUND(2.345,2)', 2.35],
    ['=AND(A1=3,NOT(A2<>4))', true],
    ["='Ark 2'!A1*10", 50],
    ['=Mangler!A1', '#REF!'],
    ['=B9', 0],
  ])('%s evaluates to %p', async (formula, expected) => {
    const host = blankHost();
    await excelRun(host, async (context) => {
      context.workbook.worksheets.add('Ark 2').getRange('A1').values = [[5]];
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').values = [[3], [4], ['tekst']];
      await context.sync();
    });
    const r = await write(host, 'C1', [[formula]]);
    expect(r.values[0]).toBe(expected);
  });

  it('a formula the host cannot evaluate reads #NAME?', async () => {
    const host = blankHost();
    const r = await write(host, 'A1:B1', [['=VLOOKUP(1,C:D,2)', '- punkt']]);
    expect(r.values).toEqual(['#NAME?', '#NAME?']);
    expect(r.formulas).toEqual(['=VLOOKUP(1,C:D,2)', '=- punkt']);
  });

  it('a cell formatted @ keeps any string as text, even in the same batch as the format', async () => {
    const host = blankHost();
    const r = await write(host, 'A1', [['=1+1']], '@');
    expect(r).toMatchObject({ values: ['=1+1'], formulas: ['=1+1'], types: ['String'] });
    const n = await write(host, 'A2', [['1.3']], '@');
    expect(n.values).toEqual(['1.3']);
  });

  it("a leading ' stores text, and formulas reads it without the prefix (office-js #6687)", async () => {
    const host = blankHost();
    const r = await write(host, 'A1', [["'=1+1"]]);
    expect(r).toMatchObject({ values: ['=1+1'], formulas: ['=1+1'], types: ['String'] });
  });

  it('null entries leave a cell as it is; "" clears it; a wrongly sized array fails', async () => {
    const host = blankHost();
    await write(host, 'A1:B1', [['a', 'b']]);
    const r = await write(host, 'A1:B1', [[null, '']]);
    expect(r.values).toEqual(['a', '']);
    const e = await rejection(write(host, 'A1:B1', [['x']]));
    expect(e.code).toBe('InvalidArgument');
  });

  it('the client writes an array of over 1 500 cells in parts (getRow, getBoundingRect), which the host follows', async () => {
    const host = blankHost();
    const grid = Array.from({ length: 400 }, (_, r) => Array.from({ length: 5 }, (_, c) => r * 5 + c));
    await excelRun(host, async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:E400').values = grid;
      await context.sync();
    });
    expect(host.stats.log[0].actions).toBeGreaterThan(4);
    expect(host.toSnapshot().sheets[0].values).toEqual(grid);
  });

  it('writing to a protected sheet fails with AccessDenied and changes nothing', async () => {
    const host = hostFromModel(small);
    const e = await rejection(
      excelRun(host, async (context) => {
        context.workbook.worksheets.getItem('Skjult').getRange('A1').values = [['y']];
        await context.sync();
      }),
    );
    expect(e.code).toBe('AccessDenied');
    expect(host.readSheet('Skjult')!.cells[0].value).toBe('x');
    await excelRun(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Skjult');
      sheet.protection.unprotect();
      sheet.getRange('A1').values = [['y']];
      await context.sync();
    });
    expect(host.readSheet('Skjult')!.cells[0].value).toBe('y');
  });

  it('formats are written to every cell and read back when they agree', async () => {
    const host = blankHost();
    await excelRun(host, async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      r.format.wrapText = true;
      r.format.font.bold = true;
      r.getCell(1, 1).format.font.bold = false;
      r.load('format/wrapText,format/font/bold');
      await context.sync();
      expect([r.format.wrapText, r.format.font.bold]).toEqual([true, null]);
    });
  });

  it('a row height above 409 points is refused', async () => {
    const host = blankHost();
    const e = await rejection(
      excelRun(host, async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').format.rowHeight = 410;
        await context.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
    await excelRun(host, async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').format.rowHeight = 409;
      await context.sync();
    });
    expect(host.readSheet('Sheet1')!.rowHeights).toEqual([
      { row: 0, height: 409 },
      { row: 1, height: 409 },
    ]);
  });

  it('merging over a merged area is MergedRangeConflict; merge(true) merges each row', async () => {
    const host = blankHost();
    await excelRun(host, async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:C3').merge(true);
      await context.sync();
    });
    expect(host.readSheet('Sheet1')!.merges).toEqual(['A1:C1', 'A2:C2', 'A3:C3']);
    const e = await rejection(
      excelRun(host, async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('B2:D4').merge(false);
        await context.sync();
      }),
    );
    expect(e.code).toBe('MergedRangeConflict');
  });
});

describe('calculation', () => {
  it('formulas written while calculation is suspended keep their old result until calculate()', async () => {
    const host = blankHost({ excelApi: '1.6' });
    await excelRun(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:A2').values = [[2], [3]];
      await context.sync();
      context.application.suspendApiCalculationUntilNextSync();
      sheet.getRange('B1').formulas = [['=A1*A2']];
      await context.sync();
      const b1 = sheet.getRange('B1').load('values');
      await context.sync();
      expect(b1.values).toEqual([[0]]);
      context.application.calculate('Recalculate');
      b1.load('values');
      await context.sync();
      expect(b1.values).toEqual([[6]]);
    });
  });

  it('a later change made with calculation on does not: re-calculating is the add-in’s job', async () => {
    const host = blankHost({ excelApi: '1.6' });
    await excelRun(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      context.application.suspendApiCalculationUntilNextSync();
      sheet.getRange('A1:B1').formulas = [[4, '=A1+1']];
      await context.sync();
      sheet.getRange('C1').values = [['x']];
      const b1 = sheet.getRange('B1').load('values');
      await context.sync();
      expect(b1.values).toEqual([[0]]);
      context.application.calculate('Recalculate');
      b1.load('values');
      await context.sync();
      expect(b1.values).toEqual([[5]]);
    });
  });
});

describe('getCellProperties (ExcelApi 1.9)', () => {
  it('returns the asked properties per cell, readable after the sync', async () => {
    const host = hostFromModel(small, { excelApi: '1.9' });
    await excelRun(host, async (context) => {
      const result = context.workbook.worksheets
        .getItem('Budsjett')
        .getRange('A1:A3')
        .getCellProperties({ format: { indentLevel: true } });
      expect(thrown(() => result.value).code).toBe('ValueNotLoaded');
      await context.sync();
      expect(result.value).toEqual([
        [{ format: { indentLevel: 0 } }],
        [{ format: { indentLevel: 2 } }],
        [{ format: { indentLevel: 0 } }],
      ]);
    });
  });
});

describe('requirement sets', () => {
  it('Office.context.requirements and the host agree on the profile', () => {
    const host = hostFromModel(small, { excelApi: '1.8' });
    expect(host.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(host.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(host.isSetSupported('ExcelApi', '1.10')).toBe(false);
    expect(host.isSetSupported('WordApi', '1.1')).toBe(false);
  });

  it('a method above the profile is refused by Microsoft’s client where it is called (its own check, switched on)', async () => {
    const host = hostFromModel(small, { excelApi: '1.8' });
    const e = await rejection(
      excelRun(host, async (context) => {
        context.workbook.worksheets
          .getItem('Budsjett')
          .getRange('A1')
          .getCellProperties({ format: { indentLevel: true } });
        await context.sync();
      }),
    );
    expect(e.code).toBe('ApiNotFound');
    expect(host.stats.syncs).toBe(0);
  });

  it('…and by the host, as an older Excel answers, where the client cannot tell (property sets, options)', async () => {
    for (const [what, batch] of [
      [
        'Range.hyperlink (1.7)',
        (c: Excel.RequestContext) =>
          (c.workbook.worksheets.getItem('Budsjett').getRange('A1').hyperlink = { address: 'x' }),
      ],
      [
        'RangeFormat.indentLevel (1.9)',
        (c: Excel.RequestContext) =>
          (c.workbook.worksheets.getItem('Budsjett').getRange('A1').format.indentLevel = 1),
      ],
      [
        'allowEditObjects (1.7)',
        (c: Excel.RequestContext) =>
          c.workbook.worksheets.getItem('Budsjett').protection.protect({ allowEditObjects: false }),
      ],
      [
        'a password (1.7)',
        (c: Excel.RequestContext) =>
          c.workbook.worksheets.getItem('Budsjett').protection.protect(undefined, 'pw'),
      ],
    ] as const) {
      const host = hostFromModel(small, { excelApi: '1.6', clientCheck: false });
      const e = await rejection(
        excelRun(host, async (context) => {
          batch(context);
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one batch per case, each its own run
          await context.sync();
        }),
      );
      expect([what, e.code]).toEqual([what, 'ApiNotFound']);
    }
  });

  it('with the client’s check off (as Office.js ships), a missing method is the host’s ApiNotFound at the sync', async () => {
    const host = hostFromModel(small, { excelApi: '1.3', clientCheck: false });
    const e = await rejection(
      excelRun(host, async (context) => {
        context.workbook.worksheets.getItemOrNullObject('Budsjett').load('name');
        await context.sync();
      }),
    );
    expect(e.code).toBe('ApiNotFound');
    expect(host.stats.log[0].error).toBe('ApiNotFound');
  });
});

describe('round trips and payload', () => {
  it('counts round trips and the JSON bytes of request and response; a sync with nothing queued sends nothing', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      const r = context.workbook.worksheets.getItem('Budsjett').getRange('A1:B1').load('values');
      await context.sync();
      await context.sync();
      expect(r.values).toEqual([['Post', 'Budsjett 2010']]);
    });
    const { syncs, log, responseBytes } = host.stats;
    expect(syncs).toBe(1);
    expect(responseBytes).toBeGreaterThan(utf8Length(JSON.stringify([['Post', 'Budsjett 2010']])));
    expect(log[0].requestBytes).toBeGreaterThan(0);
    // Excel.run released the Range it kept, on its own: not a round trip of the add-in's.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(host.housekeeping).toBe(1);
    expect(host.references.size).toBe(0);
    host.resetStats();
    expect(host.stats.syncs).toBe(0);
  });

  it('bytes are UTF-8: æøå count twice', () => {
    expect(utf8Length('Område')).toBe(7);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });

  it('a response over the limit fails like Excel on the web and applies nothing', async () => {
    const host = hostFromModel(sampleWorkbookModel(), { payloadLimit: 2000 });
    const listener = jest.fn();
    host.subscribe(listener);
    await excelRun(host, async (context) => {
      context.workbook.worksheets.getItem('Budsjett').getRange('A1').values = [['Endret']];
      const big = context.workbook.worksheets.getItem('Prosjektregister').getUsedRange().load('values');
      const e = await rejection(context.sync());
      expect(e).toMatchObject({ name: 'RichApi.Error', code: 'ResponsePayloadSizeLimitExceeded' });
      expect(thrown(() => big.values).code).toBe('PropertyNotLoaded');
    });
    expect(host.readSheet('Budsjett')!.cells[0].value).toBe('Post');
    expect(listener).not.toHaveBeenCalled();
    expect(host.stats.log[0]).toMatchObject({ error: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('a request over the limit is refused before anything is done', async () => {
    const host = blankHost({ payloadLimit: 1000 });
    const e = await rejection(
      excelRun(host, async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x'.repeat(2000)]];
        await context.sync();
      }),
    );
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(host.stats.log[0].requestBytes).toBeGreaterThan(2000);
    expect(host.readSheet('Sheet1')!.cells).toEqual([]);
  });

  it('the default limit is 5 MB', () => {
    expect(blankHost().payloadLimit).toBe(5 * 1024 * 1024);
  });
});

describe('cell edit mode', () => {
  it('every sync fails with InvalidOperationInCellEditMode until the edit ends', async () => {
    const host = hostFromModel(small);
    host.cellEditMode = true;
    const batch = () =>
      excelRun(host, async (context) => {
        context.workbook.worksheets.getItem('Budsjett').getRange('A1').values = [['Endret']];
        await context.sync();
      });
    expect(await rejection(batch())).toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(host.readSheet('Budsjett')!.cells[0].value).toBe('Post');
    host.cellEditMode = false;
    await batch();
    expect(host.readSheet('Budsjett')!.cells[0].value).toBe('Endret');
  });
});

describe('sheets, activation and selection', () => {
  it('activate and select change the active sheet and the selection; a hidden sheet cannot be activated', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      context.workbook.worksheets.getItem('Budsjett').getRange('B2:B3').select();
      await context.sync();
    });
    expect(host.selectedAddress).toBe('Budsjett!B2:B3');
    const e = await rejection(
      excelRun(host, async (context) => {
        context.workbook.worksheets.getItem('Skjult').activate();
        await context.sync();
      }),
    );
    expect(e.code).toBe('InvalidOperation');
    expect(host.activeSheet).toBe('Budsjett');
  });

  it('add, walk the tabs (ExcelApi 1.5), delete; duplicate names fail with ItemAlreadyExists', async () => {
    const host = hostFromModel(small, { excelApi: '1.5' });
    await excelRun(host, async (context) => {
      const added = context.workbook.worksheets.add('Avstemming');
      added.load('name,position');
      await context.sync();
      expect([added.name, added.position]).toEqual(['Avstemming', 2]);
      const first = context.workbook.worksheets.getFirst();
      const second = first.getNextOrNullObject();
      const third = second.getNextOrNullObject();
      for (const s of [first, second, third]) s.load('name');
      const count = context.workbook.worksheets.getCount();
      await context.sync();
      const fourth = third.getNextOrNullObject().load('name');
      await context.sync();
      expect([first.name, second.name, third.name, fourth.isNullObject, count.value]).toEqual([
        'Budsjett',
        'Skjult',
        'Avstemming',
        true,
        3,
      ]);
      context.workbook.worksheets.add('avstemming');
      expect((await rejection(context.sync())).code).toBe('ItemAlreadyExists');
      context.workbook.worksheets.getItem('Avstemming').delete();
      await context.sync();
    });
    expect(host.sheets().map((s) => s.name)).toEqual(['Budsjett', 'Skjult']);
  });

  it('hiding the active sheet activates another; the last visible sheet cannot be hidden', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      context.workbook.worksheets.getItem('Skjult').visibility = 'Visible';
      context.workbook.worksheets.getItem('Budsjett').visibility = 'VeryHidden';
      await context.sync();
    });
    expect(host.activeSheet).toBe('Skjult');
    expect(host.sheets().map((s) => s.visibility)).toEqual(['veryHidden', 'visible']);
    const e = await rejection(
      excelRun(host, async (context) => {
        context.workbook.worksheets.getItem('Skjult').visibility = 'Hidden';
        await context.sync();
      }),
    );
    expect(e.code).toBe('InvalidOperation');
  });

  it('a very hidden sheet cannot be deleted (InvalidOperation, as documented); made hidden, it can', async () => {
    const host = hostFromModel(small);
    const e = await rejection(
      excelRun(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem('Skjult');
        sheet.visibility = 'VeryHidden';
        await context.sync();
        sheet.delete();
        await context.sync();
      }),
    );
    expect(e.code).toBe('InvalidOperation');
    await excelRun(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Skjult');
      sheet.visibility = 'Hidden';
      sheet.delete();
      await context.sync();
    });
    expect(host.sheets().map((s) => s.name)).toEqual(['Budsjett']);
  });

  it('a renamed sheet takes its references along: names, formulas and chart series, as in Excel', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      const other = context.workbook.worksheets.add('Andre');
      other.getRange('A1').formulas = [['=Budsjett!B2*2']];
      context.workbook.names.add('Topp', context.workbook.worksheets.getItem('Budsjett').getRange('A1'));
      other.charts.add(
        'ColumnClustered',
        context.workbook.worksheets.getItem('Budsjett').getRange('B2:B3'),
        'Columns',
      );
      await context.sync();
      context.workbook.worksheets.getItem('Budsjett').name = 'Budsjett 2024';
      await context.sync();
    });
    const andre = host.readSheet('Andre')!;
    expect(andre.cells[0]).toMatchObject({ formula: "='Budsjett 2024'!B2*2", value: 1_400_000 });
    expect(andre.charts[0].series[0].values).toBe("'Budsjett 2024'!B2:B3");
    expect(host.names()).toEqual([{ name: 'Topp', formula: "='Budsjett 2024'!$A$1" }]);
  });
});

describe('worksheet protection (ExcelApi 1.2)', () => {
  it('protected and options load; protecting a protected sheet fails; unprotecting an unprotected one does nothing', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      const protection = context.workbook.worksheets.getItem('Skjult').protection;
      protection.load('protected,options');
      await context.sync();
      expect(protection.protected).toBe(true);
      expect(protection.options).toEqual(DEFAULT_PROTECTION_OPTIONS);
      protection.protect();
      expect((await rejection(context.sync())).code).toBe('InvalidOperation');
      const budget = context.workbook.worksheets.getItem('Budsjett').protection;
      budget.unprotect();
      budget.protect({ allowFormatCells: true });
      budget.load('protected,options');
      await context.sync();
      expect(budget.protected).toBe(true);
      expect(budget.options).toEqual({ ...DEFAULT_PROTECTION_OPTIONS, allowFormatCells: true });
    });
    expect(host.readSheet('Budsjett')!.protection).toEqual({
      options: { ...DEFAULT_PROTECTION_OPTIONS, allowFormatCells: true },
      password: false,
    });
  });

  it('a sheet protected with a password stays protected without it (BadPassword)', async () => {
    const host = hostFromModel(small, { excelApi: '1.7' });
    await excelRun(host, async (context) => {
      context.workbook.worksheets.getItem('Budsjett').protection.protect(undefined, 'pw');
      await context.sync();
    });
    expect(host.readSheet('Budsjett')!.protection?.password).toBe(true);
    const unprotect = (password?: string) =>
      rejection(
        excelRun(host, async (context) => {
          context.workbook.worksheets.getItem('Budsjett').protection.unprotect(password);
          await context.sync();
        }),
      );
    for (const wrong of [await unprotect(), await unprotect('feil')]) expect(wrong.code).toBe('BadPassword');
    expect(host.sheets()[0].protected).toBe(true);
    await excelRun(host, async (context) => {
      context.workbook.worksheets.getItem('Budsjett').protection.unprotect('pw');
      await context.sync();
    });
    expect(host.readSheet('Budsjett')!.protection).toBeNull();
  });

  it('a protected sheet can be renamed, hidden and deleted (sheet protection guards its cells and tables)', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Skjult');
      sheet.name = 'Gammel';
      sheet.visibility = 'Hidden';
      sheet.delete();
      await context.sync();
    });
    expect(host.sheets().map((s) => s.name)).toEqual(['Budsjett']);
  });
});

describe('tables', () => {
  it('an address that names no sheet puts the table on the active sheet, whichever sheet’s tables add it', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      const other = context.workbook.worksheets.add('Annet');
      other.getRange('A1:A2').values = [['h'], ['v']];
      other.tables.add('A1:A2', true).name = 'Feil';
      other.tables.add(other.getRange('A1:A2'), true).name = 'Riktig';
      await context.sync();
    });
    expect(host.readSheet('Budsjett')!.tables.map((t) => t.name)).toEqual(['Feil']);
    expect(host.readSheet('Annet')!.tables.map((t) => t.name)).toEqual(['Riktig']);
  });

  it('names are unique in the workbook and shared with defined names; a protected sheet’s tables cannot change', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Budsjett');
      sheet.tables.add(sheet.getRange('A1:B3'), true).name = 'Poster';
      context.workbook.names.add('Navn', sheet.getRange('A1'));
      await context.sync();
      const other = context.workbook.worksheets.add('Annet');
      other.getRange('A1:A2').values = [['h'], ['v']];
      other.tables.add(other.getRange('A1:A2'), true).name = 'poster';
      expect((await rejection(context.sync())).code).toBe('ItemAlreadyExists');
      context.workbook.worksheets.getItem('Annet').tables.getItem('Table2').name = 'Navn';
      expect((await rejection(context.sync())).code).toBe('ItemAlreadyExists');
      context.workbook.worksheets.getItem('Annet').tables.getItem('Table2').name = 'Med mellomrom';
      expect((await rejection(context.sync())).code).toBe('InvalidArgument');
      sheet.protection.protect();
      await context.sync();
      sheet.tables.getItem('Poster').name = 'Andre';
      expect((await rejection(context.sync())).code).toBe('AccessDenied');
    });
    expect(host.readSheet('Budsjett')!.tables.map((t) => t.name)).toEqual(['Poster']);
  });

  it('a table over another table or merged cells is MergedRangeConflict', async () => {
    const host = hostFromModel(small);
    const e = await rejection(
      excelRun(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem('Budsjett');
        sheet.tables.add(sheet.getRange('A1:B3'), true);
        sheet.tables.add(sheet.getRange('B2:C4'), true);
        await context.sync();
      }),
    );
    expect(e.code).toBe('MergedRangeConflict');
  });

  it('workbook.tables lists every table with its worksheet; getItemOrNullObject finds one by name', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      const budget = context.workbook.worksheets.getItem('Budsjett');
      budget.tables.add(budget.getRange('A1:B3'), true).name = 'Poster';
      const skjult = context.workbook.worksheets.getItem('Skjult');
      skjult.protection.unprotect();
      skjult.tables.add(skjult.getRange('A1:A2'), true).name = 'Liste';
      await context.sync();
      const tables = context.workbook.tables;
      tables.load('items/name,items/worksheet/name');
      const found = tables.getItemOrNullObject('liste');
      found.load('name');
      const missing = tables.getItemOrNullObject('Ingen');
      missing.load('name');
      await context.sync();
      expect(tables.items.map((t) => [t.name, t.worksheet.name])).toEqual([
        ['Poster', 'Budsjett'],
        ['Liste', 'Skjult'],
      ]);
      expect([found.name, missing.isNullObject]).toEqual(['Liste', true]);
    });
  });

  it('a failing action stops the request; what ran before it stays done, as in Excel', async () => {
    const host = hostFromModel(small);
    await excelRun(host, async (context) => {
      const sheet = context.workbook.worksheets.add('Ny');
      sheet.tables.add(sheet.getRange('A1:B2'), true).name = 'Prosjekter';
      await context.sync();
    });
    host.failOnSync(1, -1);
    const e = await rejection(
      excelRun(host, async (context) => {
        context.workbook.worksheets.getItem('Ny').delete();
        const annen = context.workbook.worksheets.add('Annen');
        annen.tables.add(annen.getRange('A1:B2'), true).name = 'Prosjekter';
        context.workbook.worksheets.getItem('Budsjett').getRange('A1').values = [['x']];
        await context.sync();
      }),
    );
    expect(e.code).toBe('GeneralException');
    // The table went with its sheet, its name was free again; the last action did not run.
    expect(host.sheets().map((s) => s.name)).toEqual(['Budsjett', 'Skjult', 'Annen']);
    expect(host.readSheet('Annen')!.tables.map((t) => t.name)).toEqual(['Prosjekter']);
    expect(host.readSheet('Budsjett')!.cells[0].value).toBe('Post');
  });
});

describe('building a host workbook', () => {
  it('fromModel keeps values, formats, visibility and protection', () => {
    const host = hostFromModel(sampleWorkbookModel());
    expect(host.sheets()).toEqual([
      { name: 'Budsjett', visibility: 'visible', protected: false },
      { name: 'Finansiering', visibility: 'visible', protected: false },
      { name: 'Prosjektregister', visibility: 'veryHidden', protected: true },
    ]);
    const fin = host.readSheet('Finansiering')!;
    const cell = (row: number, col: number) => fin.cells.find((c) => c.row === row && c.col === col);
    expect(cell(3, 0)).toMatchObject({ value: 'Etablerertjenester', format: { indentLevel: 1 } });
    expect(cell(3, 1)).toMatchObject({ value: 980_000, text: '980,000', format: { numberFormat: '#,##0' } });
    expect(cell(0, 0)?.format.bold).toBe(true);
    expect(fin.columnWidths).toContainEqual({ col: 0, width: 32 });
    expect(host.activeSheet).toBe('Budsjett');
    expect(host.selectedAddress).toBe('Budsjett!A1');
  });

  it('a model string is text even when it begins with =', () => {
    const host = hostFromModel({ sheets: [{ name: 'S', cells: [{ row: 0, col: 0, value: '=1+1' }] }] });
    expect(host.readSheet('S')!.cells[0]).toMatchObject({ value: '=1+1' });
    expect(host.readSheet('S')!.cells[0].formula).toBeUndefined();
  });

  it('fromSnapshot and toSnapshot give back what the model describes', () => {
    const snapshot = modelToSnapshot(sampleWorkbookModel());
    const back = hostFromSnapshot(snapshot).toSnapshot();
    expect(back.sheets.map((s) => s.name)).toEqual(snapshot.sheets.map((s) => s.name));
    back.sheets.forEach((s, i) => {
      expect(s.origin).toEqual({ row: 0, col: 0 });
      expect(s.values).toEqual(snapshot.sheets[i].values);
      expect(s.indents).toEqual(snapshot.sheets[i].indents);
      expect(s.visibility).toBe(snapshot.sheets[i].visibility);
    });
  });
});

describe('the preview API', () => {
  it('subscribers hear of each change: cells, structure and selection', async () => {
    const host = hostFromModel(small);
    const changes: HostChange[] = [];
    const unsubscribe = host.subscribe((c) => changes.push(c));
    await excelRun(host, async (context) => {
      context.workbook.worksheets.getItem('Budsjett').getRange('C1').values = [['ny']];
      context.workbook.worksheets.getItem('Budsjett').getRange('C1').select();
      await context.sync();
      context.workbook.worksheets.getItem('Budsjett').getRange('A1').load('values');
      await context.sync();
    });
    host.selectRange('Budsjett!B2');
    host.typeInto('Budsjett', 'D1', '=B2*2');
    unsubscribe();
    host.typeInto('Budsjett', 'D2', 'ignored');
    expect(changes).toEqual([
      { cells: ['Budsjett'], structure: false, selection: true },
      { cells: [], structure: false, selection: true },
      { cells: ['Budsjett'], structure: false, selection: false },
    ]);
    const d1 = host.readSheet('Budsjett')!.cells.find((c) => c.row === 0 && c.col === 3);
    expect(d1).toMatchObject({ value: 1_400_000, formula: '=B2*2', text: '1400000' });
    expect(host.selectedAddress).toBe('Budsjett!B2');
  });

  it('readSheet gives the extent, merges and selection of a sheet; undefined for no such sheet', () => {
    const host = hostFromModel({
      sheets: [{ name: 'Kort', merges: ['A1:C1'], cells: [{ row: 4, col: 2, value: 1 }] }],
    });
    const view = host.readSheet('kort')!;
    expect([view.rowCount, view.columnCount, view.merges, view.selection]).toEqual([5, 3, ['A1:C1'], 'A1']);
    expect(host.readSheet('Ingen')).toBeUndefined();
    expect(host.readSheet('Kort', 'A1:B10')).toMatchObject({ rowCount: 5, columnCount: 3, cells: [] });
    expect(host.readSheet('Kort', 'C5')?.cells).toHaveLength(1);
  });
});
