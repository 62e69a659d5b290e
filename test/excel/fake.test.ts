/**
 * The in-memory Excel fake behaves like Office.js where the add-in depends
 * on it (OFFICEJS.md, items marked fake): load/sync, null objects, values
 * as Excel shows them, formulas on write, payload and cell-count limits,
 * cell edit mode, requirement sets, and round-trip counting.
 */
import type { WorkbookModel } from '../../src/domain/model';
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import {
  DEFAULT_PROTECTION_OPTIONS,
  FakeOfficeError,
  FakeWorkbook,
  utf8Length,
  type FakeChange,
} from '../../src/fake';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';

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

/** The rejection of `promise`, which must reject. */
async function rejection(promise: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await promise;
  } catch (e) {
    return e as FakeOfficeError;
  }
  throw new Error('expected a rejection');
}

function thrown(f: () => unknown): FakeOfficeError {
  try {
    f();
  } catch (e) {
    return e as FakeOfficeError;
  }
  throw new Error('expected a throw');
}

describe('load and sync', () => {
  it('a property cannot be read before it is loaded and synced (PropertyNotLoaded)', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Budsjett').getRange('A1:B3');
      expect(thrown(() => range.values)).toMatchObject({
        name: 'OfficeExtension.Error',
        code: 'PropertyNotLoaded',
      });
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
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name, items/visibility');
      const a = context.workbook.worksheets.getItem('Budsjett').getRange('A2');
      a.load(['address', 'format/indentLevel', 'format/font/bold']);
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
      expect([a.address, a.format.indentLevel, a.format.font.bold]).toEqual(['Budsjett!A2', 2, false]);
      expect([b.rowIndex, b.columnIndex, b.format.font.bold, b.format.font.size]).toEqual([0, 0, true, 11]);
      expect([c.numberFormat, c.text, c.format.font.bold]).toEqual([[['#,##0']], [['700,000']], false]);
    });
  });

  it('a collection load of a plain name loads it on the items; a bare load() loads every scalar', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets.load('name');
      const range = context.workbook.worksheets.getItem('Budsjett').getRange('B2').load();
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Budsjett', 'Skjult']);
      expect(range.valueTypes).toEqual([['Double']]);
      expect(range.cellCount).toBe(1);
    });
  });

  it('an unknown property fails at sync with InvalidArgument', async () => {
    const fake = FakeWorkbook.fromModel(small);
    const e = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Budsjett').getRange('A1').load('valuez');
        await context.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  it('getItem of a missing sheet fails at sync with ItemNotFound, not before', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Finansiering');
      const range = sheet.getRange('A1');
      range.load('values');
      const e = await rejection(context.sync());
      expect(e).toMatchObject({ name: 'OfficeExtension.Error', code: 'ItemNotFound' });
      expect(e.debugInfo.code).toBe('ItemNotFound');
      expect(thrown(() => range.values).code).toBe('PropertyNotLoaded');
    });
  });

  it('sheet names are found without regard to case, and a sheet keeps its identity when renamed', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('BUDSJETT');
      sheet.load('name');
      await context.sync();
      expect(sheet.name).toBe('Budsjett');
      sheet.name = 'Budsjett 2010';
      sheet.getRange('A1').load('address');
      await context.sync();
      sheet.load('name');
      await context.sync();
      expect(sheet.name).toBe('Budsjett 2010');
    });
    expect(fake.sheets().map((s) => s.name)).toEqual(['Budsjett 2010', 'Skjult']);
  });

  it('work still queued when the batch returns is dropped', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Budsjett').getRange('A1').values = [['Endret']];
    });
    expect(fake.readSheet('Budsjett')!.cells[0].value).toBe('Post');
    expect(fake.stats.syncs).toBe(0);
  });
});

describe('null objects', () => {
  it('isNullObject is known after a sync that loaded the object; other properties cannot be read', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Finansiering');
      const present = context.workbook.worksheets.getItemOrNullObject('budsjett');
      expect(thrown(() => missing.isNullObject).code).toBe('PropertyNotLoaded');
      missing.load('name');
      present.load('name');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(thrown(() => missing.name).code).toBe('PropertyNotLoaded');
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe('Budsjett');
    });
  });

  it('what is reached from a null object is null too, and methods on it do nothing', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Finansiering');
      const used = missing.getUsedRangeOrNullObject(true).load('address');
      missing.activate();
      await context.sync();
      expect(used.isNullObject).toBe(true);
    });
    expect(fake.activeSheet).toBe('Budsjett');
  });

  it('the used range: null for a blank sheet; valuesOnly leaves out cells that only have a format', async () => {
    const fake = FakeWorkbook.blank();
    await fake.run(async (context) => {
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
      const values = sheet
        .getUsedRangeOrNullObject(true)
        .load('address,rowIndex,columnIndex,rowCount,columnCount');
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
});

describe('values as Office.js shows them', () => {
  it('empty cells read "", errors as their text with valueType Error, formulas by text and result', async () => {
    const fake = FakeWorkbook.fromSnapshot({
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
    await fake.run(async (context) => {
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
    const fake = FakeWorkbook.fromSnapshot({
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
      fake.run(async (context) => {
        const r = context.workbook.worksheets.getItem('S').getRange('A3').load('values');
        await context.sync();
        return r.values[0][0];
      });
    expect(await a3()).toBe(999);
    fake.typeInto('S', 'A1', '10');
    expect(await a3()).toBe(12);
  });

  it('a read of more cells than the limit returns null values instead of the array', async () => {
    const fake = FakeWorkbook.fromModel(small, { maxReadCells: 5 });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Budsjett');
      const big = sheet.getRange('A1:B3').load('values,rowCount');
      const ok = sheet.getRange('A1:B2').load('values');
      await context.sync();
      expect(big.values).toBeNull();
      expect(big.rowCount).toBe(3);
      expect(ok.values).toHaveLength(2);
    });
  });

  it('the default cell limit is Excel’s 5 000 000: a whole-sheet read returns null', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      const all = context.workbook.worksheets.getItem('Budsjett').getRange().load('values,address');
      const columns = context.workbook.worksheets.getItem('Budsjett').getRange('A:B').load('address');
      await context.sync();
      expect(all.values).toBeNull();
      expect(all.address).toBe('Budsjett!A:XFD');
      expect(columns.address).toBe('Budsjett!A:B');
    });
  });
});

describe('writing', () => {
  async function write(fake: FakeWorkbook, address: string, values: unknown[][], format?: string) {
    return fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange(address);
      if (format !== undefined) r.numberFormat = [[format]];
      r.values = values;
      await context.sync();
      const back = context.workbook.worksheets
        .getItem('Sheet1')
        .getRange(address)
        .load('values,formulas,valueTypes');
      await context.sync();
      return { values: back.values[0], formulas: back.formulas[0], types: back.valueTypes[0] };
    });
  }

  it('a string beginning with = is taken as a formula and evaluated', async () => {
    const fake = FakeWorkbook.blank();
    await write(fake, 'A1:A2', [[2], [3]]);
    const r = await write(fake, 'B1', [['=SUM(A1:A2)*10']]);
    expect(r).toEqual({ values: [50], formulas: ['=SUM(A1:A2)*10'], types: ['Double'] });
  });

  it('+ and - before something that is not a number make a formula; numbers and TRUE become values', async () => {
    const fake = FakeWorkbook.blank();
    const r = await write(fake, 'A1:F1', [['+A2', '-A2', '-5', '123', 'true', '#N/A']]);
    expect(r.formulas).toEqual(['=+A2', '=-A2', -5, 123, true, '#N/A']);
    expect(r.values).toEqual([0, 0, -5, 123, true, '#N/A']);
    expect(r.types).toEqual(['Double', 'Double', 'Double', 'Double', 'Boolean', 'Error']);
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
    const fake = FakeWorkbook.blank();
    await fake.run(async (context) => {
      context.workbook.worksheets.add('Ark 2').getRange('A1').values = [[5]];
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').values = [[3], [4], ['tekst']];
      await context.sync();
    });
    const r = await write(fake, 'C1', [[formula]]);
    expect(r.values[0]).toBe(expected);
  });

  it('a formula the fake cannot evaluate reads #NAME?', async () => {
    const fake = FakeWorkbook.blank();
    const r = await write(fake, 'A1:B1', [['=VLOOKUP(1,C:D,2)', '- punkt']]);
    expect(r.values).toEqual(['#NAME?', '#NAME?']);
    expect(r.formulas).toEqual(['=VLOOKUP(1,C:D,2)', '=- punkt']);
  });

  it('a cell formatted @ keeps any string as text, even in the same batch as the format', async () => {
    const fake = FakeWorkbook.blank();
    const r = await write(fake, 'A1', [['=1+1']], '@');
    expect(r).toEqual({ values: ['=1+1'], formulas: ['=1+1'], types: ['String'] });
    const n = await write(fake, 'A2', [['1.3']], '@');
    expect(n.values).toEqual(['1.3']);
  });

  it("a leading ' stores text, and formulas reads it without the prefix (office-js #6687)", async () => {
    const fake = FakeWorkbook.blank();
    const r = await write(fake, 'A1', [["'=1+1"]]);
    expect(r).toEqual({ values: ['=1+1'], formulas: ['=1+1'], types: ['String'] });
  });

  it('null entries leave a cell as it is; "" clears it; a wrongly sized array fails', async () => {
    const fake = FakeWorkbook.blank();
    await write(fake, 'A1:B1', [['a', 'b']]);
    const r = await write(fake, 'A1:B1', [[null, '']]);
    expect(r.values).toEqual(['a', '']);
    const e = await rejection(write(fake, 'A1:B1', [['x']]));
    expect(e.code).toBe('InvalidArgument');
  });

  it('writing to a protected sheet fails with AccessDenied and changes nothing', async () => {
    const fake = FakeWorkbook.fromModel(small);
    const e = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Skjult').getRange('A1').values = [['y']];
        await context.sync();
      }),
    );
    expect(e.code).toBe('AccessDenied');
    expect(fake.readSheet('Skjult')!.cells[0].value).toBe('x');
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Skjult');
      sheet.protection.unprotect();
      sheet.getRange('A1').values = [['y']];
      await context.sync();
    });
    expect(fake.readSheet('Skjult')!.cells[0].value).toBe('y');
  });

  it('formats are written to every cell and read back when they agree', async () => {
    const fake = FakeWorkbook.blank();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      r.format.indentLevel = 1;
      r.format.font.bold = true;
      r.getCell(1, 1).format.font.bold = false;
      r.load('format/indentLevel,format/font/bold');
      await context.sync();
      expect([r.format.indentLevel, r.format.font.bold]).toEqual([1, null]);
    });
  });
});

describe('getCellProperties (ExcelApi 1.9)', () => {
  it('returns the asked properties per cell, readable after the sync', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
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

  it('is missing before ExcelApi 1.9: the sync fails with ApiNotFound', async () => {
    const fake = FakeWorkbook.fromModel(small, { excelApi: '1.8' });
    expect(fake.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(fake.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(fake.isSetSupported('ExcelApi', '1.10')).toBe(false);
    const e = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets
          .getItem('Budsjett')
          .getRange('A1')
          .getCellProperties({ format: { indentLevel: true } });
        await context.sync();
      }),
    );
    expect(e.code).toBe('ApiNotFound');
  });
});

describe('requirement sets', () => {
  it('before ExcelApi 1.4 the OrNullObject methods fail with ApiNotFound', async () => {
    const fake = FakeWorkbook.fromModel(small, { excelApi: '1.3' });
    expect(fake.isSetSupported('ExcelApi', '1.4')).toBe(false);
    expect(fake.isSetSupported('WordApi', '1.1')).toBe(false);
    const e = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject('Budsjett').load('name');
        await context.sync();
      }),
    );
    expect(e.code).toBe('ApiNotFound');
  });
});

describe('round trips and payload', () => {
  it('counts round trips and the JSON bytes of request and response; an empty sync sends nothing', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      await context.sync();
      const r = context.workbook.worksheets.getItem('Budsjett').getRange('A1:B1').load('values');
      await context.sync();
      expect(r.values).toEqual([['Post', 'Budsjett 2010']]);
    });
    const { syncs, log, responseBytes } = fake.stats;
    expect(syncs).toBe(1);
    expect(responseBytes).toBe(utf8Length(JSON.stringify([{ values: [['Post', 'Budsjett 2010']] }])));
    expect(log[0].requestBytes).toBeGreaterThan(0);
    fake.resetStats();
    expect(fake.stats.syncs).toBe(0);
  });

  it('bytes are UTF-8: æøå count twice', () => {
    expect(utf8Length('Område')).toBe(7);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });

  it('a response over the limit fails like Excel on the web and applies nothing', async () => {
    const fake = FakeWorkbook.fromModel(sampleWorkbookModel(), { payloadLimit: 2000 });
    const listener = jest.fn();
    fake.subscribe(listener);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Budsjett');
      sheet.getRange('A1').values = [['Endret']];
      const big = context.workbook.worksheets.getItem('Prosjektregister').getUsedRange().load('values');
      const e = await rejection(context.sync());
      expect(e).toMatchObject({ name: 'RichApi.Error', code: 'RequestPayloadSizeLimitExceeded' });
      expect(thrown(() => big.values).code).toBe('PropertyNotLoaded');
    });
    expect(fake.readSheet('Budsjett')!.cells[0].value).toBe('Post');
    expect(listener).not.toHaveBeenCalled();
    expect(fake.stats.log[0]).toMatchObject({ error: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.stats.log[0].responseBytes).toBeGreaterThan(2000);
  });

  it('a request over the limit fails the same way', async () => {
    const fake = FakeWorkbook.blank({ payloadLimit: 1000 });
    const e = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x'.repeat(2000)]];
        await context.sync();
      }),
    );
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.readSheet('Sheet1')!.cells).toEqual([]);
  });

  it('the default limit is 5 MB', () => {
    expect(FakeWorkbook.blank().payloadLimit).toBe(5 * 1024 * 1024);
  });
});

describe('cell edit mode', () => {
  it('every sync fails with InvalidOperationInCellEditMode until the edit ends', async () => {
    const fake = FakeWorkbook.fromModel(small);
    fake.cellEditMode = true;
    const batch = () =>
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Budsjett').getRange('A1').values = [['Endret']];
        await context.sync();
      });
    expect(await rejection(batch())).toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(fake.readSheet('Budsjett')!.cells[0].value).toBe('Post');
    fake.cellEditMode = false;
    await batch();
    expect(fake.readSheet('Budsjett')!.cells[0].value).toBe('Endret');
  });
});

describe('sheets, activation and selection', () => {
  it('activate and select change the active sheet and the selection; a hidden sheet cannot be activated', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Budsjett').getRange('B2:B3').select();
      await context.sync();
    });
    expect(fake.selectedAddress).toBe('Budsjett!B2:B3');
    const e = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Skjult').activate();
        await context.sync();
      }),
    );
    expect(e.code).toBe('InvalidOperation');
    expect(fake.activeSheet).toBe('Budsjett');
  });

  it('add, walk the tabs, delete; duplicate names fail with ItemAlreadyExists', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      const added = context.workbook.worksheets.add('Avstemming');
      added.load('name,position');
      await context.sync();
      expect([added.name, added.position]).toEqual(['Avstemming', 2]);
      const first = context.workbook.worksheets.getFirst();
      const second = first.getNextOrNullObject();
      const third = second.getNextOrNullObject();
      const fourth = third.getNextOrNullObject();
      for (const s of [first, second, third, fourth]) s.load('name');
      const count = context.workbook.worksheets.getCount();
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
      added.delete();
      await context.sync();
    });
    expect(fake.sheets().map((s) => s.name)).toEqual(['Budsjett', 'Skjult']);
  });

  it('hiding the active sheet activates another; the last visible sheet cannot be hidden', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Skjult').visibility = 'Visible';
      context.workbook.worksheets.getItem('Budsjett').visibility = 'VeryHidden';
      await context.sync();
    });
    expect(fake.activeSheet).toBe('Skjult');
    expect(fake.sheets().map((s) => s.visibility)).toEqual(['veryHidden', 'visible']);
    const e = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Skjult').visibility = 'Hidden';
        await context.sync();
      }),
    );
    expect(e.code).toBe('InvalidOperation');
  });
});

describe('worksheet protection (ExcelApi 1.2)', () => {
  it('protected and options load; protecting a protected sheet fails; unprotecting an unprotected one does nothing', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
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
    expect(fake.readSheet('Budsjett')!.protection).toEqual({
      options: { ...DEFAULT_PROTECTION_OPTIONS, allowFormatCells: true },
      password: false,
    });
    expect(fake.readSheet('Skjult')!.protection?.options).toEqual(DEFAULT_PROTECTION_OPTIONS);
  });

  it('a password needs ExcelApi 1.7, and without it the sheet stays protected', async () => {
    const old = FakeWorkbook.fromModel(small, { excelApi: '1.6' });
    const e = await rejection(
      old.run(async (context) => {
        context.workbook.worksheets.getItem('Budsjett').protection.protect(undefined, 'pw');
        await context.sync();
      }),
    );
    expect(e.code).toBe('ApiNotFound');

    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Budsjett').protection.protect(undefined, 'pw');
      await context.sync();
    });
    expect(fake.readSheet('Budsjett')!.protection?.password).toBe(true);
    const unprotect = (password?: string) =>
      rejection(
        fake.run(async (context) => {
          context.workbook.worksheets.getItem('Budsjett').protection.unprotect(password);
          await context.sync();
        }),
      );
    for (const wrong of [await unprotect(), await unprotect('feil')])
      expect(wrong.code).toBe('InvalidArgument');
    expect(fake.sheets()[0].protected).toBe(true);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Budsjett').protection.unprotect('pw');
      await context.sync();
    });
    expect(fake.sheets()[0].protected).toBe(false);
    expect(fake.readSheet('Budsjett')!.protection).toBeNull();
  });

  it('a protected sheet can be renamed, hidden and deleted (sheet protection guards its cells and tables)', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Skjult');
      sheet.name = 'Gammel';
      sheet.visibility = 'VeryHidden';
      sheet.visibility = 'Hidden';
      sheet.delete();
      await context.sync();
    });
    expect(fake.sheets().map((s) => s.name)).toEqual(['Budsjett']);
  });
});

describe('tables', () => {
  it('names are unique in the workbook and shared with defined names; a protected sheet’s tables cannot change', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Budsjett');
      sheet.tables.add('A1:B3', true).name = 'Poster';
      context.workbook.names.add('Navn', sheet.getRange('A1'));
      await context.sync();
      const other = context.workbook.worksheets.add('Annet');
      other.getRange('A1:A2').values = [['h'], ['v']];
      const table = other.tables.add('A1:A2', true);
      table.name = 'poster';
      expect((await rejection(context.sync())).code).toBe('ItemAlreadyExists');
      context.workbook.worksheets.getItem('Annet').tables.getItem('Table2').name = 'Navn';
      expect((await rejection(context.sync())).code).toBe('ItemAlreadyExists');
      sheet.protection.protect();
      await context.sync();
      sheet.tables.getItem('Poster').name = 'Andre';
      expect((await rejection(context.sync())).code).toBe('AccessDenied');
    });
    expect(fake.readSheet('Budsjett')!.tables.map((t) => t.name)).toEqual(['Poster']);
  });

  it('workbook.tables lists every table with its worksheet; getItemOrNullObject finds one by name', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Budsjett').tables.add('A1:B3', true).name = 'Poster';
      const skjult = context.workbook.worksheets.getItem('Skjult');
      skjult.protection.unprotect();
      skjult.tables.add('A1:A2', true).name = 'Liste';
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

  it('a deleted sheet takes its tables along, freeing their names', async () => {
    const fake = FakeWorkbook.fromModel(small);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.add('Ny');
      sheet.tables.add('A1:B2', true).name = 'Prosjekter';
      await context.sync();
    });
    fake.failOnSync(1, -1);
    const e = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Ny').delete();
        context.workbook.worksheets.add('Annen').tables.add('A1:B2', true).name = 'Prosjekter';
        context.workbook.worksheets.getItem('Budsjett').getRange('A1').values = [['x']];
        await context.sync();
      }),
    );
    expect(e.code).toBe('GeneralException');
    // What ran before the failing operation stays done, as in Excel: the table went with its sheet.
    expect(fake.sheets().map((s) => s.name)).toEqual(['Budsjett', 'Skjult', 'Annen']);
    expect(fake.readSheet('Annen')!.tables.map((t) => t.name)).toEqual(['Prosjekter']);
  });
});

describe('building a fake workbook', () => {
  it('fromModel keeps values, formats, visibility and protection', () => {
    const fake = FakeWorkbook.fromModel(sampleWorkbookModel());
    expect(fake.sheets()).toEqual([
      { name: 'Budsjett', visibility: 'visible', protected: false },
      { name: 'Finansiering', visibility: 'visible', protected: false },
      { name: 'Prosjektregister', visibility: 'hidden', protected: true },
    ]);
    const fin = fake.readSheet('Finansiering')!;
    const cell = (row: number, col: number) => fin.cells.find((c) => c.row === row && c.col === col);
    expect(cell(3, 0)).toMatchObject({ value: 'Etablerertjenester', format: { indentLevel: 1 } });
    expect(cell(3, 1)).toMatchObject({ value: 980_000, text: '980,000', format: { numberFormat: '#,##0' } });
    expect(cell(0, 0)?.format.bold).toBe(true);
    expect(fin.columnWidths).toContainEqual({ col: 0, width: 32 });
    expect(fake.activeSheet).toBe('Budsjett');
    expect(fake.selectedAddress).toBe('Budsjett!A1');
  });

  it('a model string is text even when it begins with =', () => {
    const fake = FakeWorkbook.fromModel({
      sheets: [{ name: 'S', cells: [{ row: 0, col: 0, value: '=1+1' }] }],
    });
    expect(fake.readSheet('S')!.cells[0]).toMatchObject({ value: '=1+1' });
    expect(fake.readSheet('S')!.cells[0].formula).toBeUndefined();
  });

  it('fromSnapshot and toSnapshot give back what the model describes', () => {
    const snapshot = modelToSnapshot(sampleWorkbookModel());
    const back = FakeWorkbook.fromSnapshot(snapshot).toSnapshot();
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
    const fake = FakeWorkbook.fromModel(small);
    const changes: FakeChange[] = [];
    const unsubscribe = fake.subscribe((c) => changes.push(c));
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Budsjett').getRange('C1').values = [['ny']];
      context.workbook.worksheets.getItem('Budsjett').getRange('C1').select();
      await context.sync();
      context.workbook.worksheets.getItem('Budsjett').getRange('A1').load('values');
      await context.sync();
    });
    fake.selectRange('Budsjett!B2');
    fake.typeInto('Budsjett', 'D1', '=B2*2');
    unsubscribe();
    fake.typeInto('Budsjett', 'D2', 'ignored');
    expect(changes).toEqual([
      { cells: ['Budsjett'], structure: false, selection: true },
      { cells: [], structure: false, selection: true },
      { cells: ['Budsjett'], structure: false, selection: false },
    ]);
    const d1 = fake.readSheet('Budsjett')!.cells.find((c) => c.row === 0 && c.col === 3);
    expect(d1).toMatchObject({ value: 1_400_000, formula: '=B2*2', text: '1400000' });
    expect(fake.selectedAddress).toBe('Budsjett!B2');
  });

  it('readSheet gives the extent, merges and selection of a sheet; undefined for no such sheet', () => {
    const fake = FakeWorkbook.fromModel({
      sheets: [{ name: 'Kort', merges: ['A1:C1'], cells: [{ row: 4, col: 2, value: 1 }] }],
    });
    const view = fake.readSheet('kort')!;
    expect([view.rowCount, view.columnCount, view.merges, view.selection]).toEqual([5, 3, ['A1:C1'], 'A1']);
    expect(fake.readSheet('Ingen')).toBeUndefined();
    expect(fake.readSheet('Kort', 'A1:B10')).toMatchObject({ rowCount: 5, columnCount: 3, cells: [] });
    expect(fake.readSheet('Kort', 'C5')?.cells).toHaveLength(1);
  });
});
