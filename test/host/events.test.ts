/**
 * `worksheet.onChanged` (ExcelApi 1.7) through Microsoft's own Office.js client: a handler added in
 * one `Excel.run` hears the edits made afterwards — by another request context (the add-in's own
 * writes, a co-author's tool) or by the user typing in the preview's grid — one Changed event per
 * edit, after the request that made it, as Excel on the web sends them. Every `context` is
 * Microsoft's `Excel.RequestContext`; the handlers are the client's own event handlers.
 */
import type { ExcelHost } from '../../src/host';
import { PROFILES } from '../../src/host';
import type { WorkbookModel } from '../../src/domain/model';
import { excelRun, hostFromModel, type TestHostOptions } from '../helpers/host';

const model: WorkbookModel = {
  sheets: [
    {
      name: 'Budsjett',
      cells: [
        { row: 0, col: 0, value: 'Post' },
        { row: 4, col: 1, value: 700_000 },
      ],
    },
    { name: 'Finansiering', cells: [{ row: 0, col: 0, value: 'Kilde' }] },
  ],
};

/** Excel on the web, whatever profile the suite runs under: these tests are about ExcelApi 1.7 and later. */
const WEB: TestHostOptions = { profile: PROFILES.web };

/** Adds a Changed handler to `sheet` in its own `Excel.run`; the events it hears, and its EventHandlerResult. */
async function watch(host: ExcelHost, sheet: string) {
  const heard: Excel.WorksheetChangedEventArgs[] = [];
  const result = await excelRun(host, async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const handler = ws.onChanged.add(async (args) => {
      heard.push(args);
    });
    await context.sync();
    return handler;
  });
  return { heard, result };
}

/** The fields of an event the host decides (the client adds `getRange` and the like). */
const fields = (e: Excel.WorksheetChangedEventArgs) => ({
  type: e.type,
  changeType: e.changeType,
  source: e.source,
  address: e.address,
  worksheetId: e.worksheetId,
  triggerSource: e.triggerSource,
});

async function write(host: ExcelHost, sheet: string, address: string, values: unknown[][]) {
  await excelRun(host, async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = values;
    await context.sync();
  });
}

async function sheetId(host: ExcelHost, name: string): Promise<string> {
  return excelRun(host, async (context) => {
    const ws = context.workbook.worksheets.getItem(name).load('id');
    await context.sync();
    return ws.id;
  });
}

describe('worksheet.onChanged on Excel on the web', () => {
  it('a value written by another request context reaches the handler: one RangeEdited event, Local, with the address', async () => {
    const host = hostFromModel(model, WEB);
    const { heard } = await watch(host, 'Budsjett');
    await write(host, 'Budsjett', 'B5', [[650_000]]);
    await host.eventsDelivered();
    expect(heard.map(fields)).toEqual([
      {
        type: 'WorksheetChanged',
        changeType: 'RangeEdited',
        source: 'Local',
        address: 'B5',
        worksheetId: await sheetId(host, 'Budsjett'),
        // ExcelApi 1.14: the add-in itself made the change.
        triggerSource: 'ThisLocalAddin',
      },
    ]);
  });

  it('the event comes after the request that caused it, never inside it', async () => {
    const host = hostFromModel(model, WEB);
    const { heard } = await watch(host, 'Budsjett');
    let heardWhenSynced = -1;
    await excelRun(host, async (context) => {
      context.workbook.worksheets.getItem('Budsjett').getRange('B5').values = [[1]];
      await context.sync();
      heardWhenSynced = heard.length;
    });
    expect(heardWhenSynced).toBe(0);
    await host.eventsDelivered();
    expect(heard).toHaveLength(1);
  });

  it('each edit is its own event, in order, with the range it covered; a format change is none', async () => {
    const host = hostFromModel(model, WEB);
    const { heard } = await watch(host, 'Budsjett');
    await excelRun(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Budsjett');
      sheet.getRange('B5:C6').values = [
        [1, 2],
        [3, 4],
      ];
      sheet.getRange('A1').format.fill.color = '#FFFF00';
      sheet.getRange('D9').formulas = [['=SUM(B5:C6)']];
      sheet.getRange('A1').clear('Contents');
      await context.sync();
    });
    await host.eventsDelivered();
    expect(heard.map((e) => e.address)).toEqual(['B5:C6', 'D9', 'A1']);
  });

  it("an edit typed in the grid (the preview's typeInto) raises the event, not as the add-in's", async () => {
    const host = hostFromModel(model, WEB);
    const { heard } = await watch(host, 'Budsjett');
    host.typeInto('Budsjett', 'B5', '650 000');
    expect(heard).toHaveLength(0);
    await host.eventsDelivered();
    expect(heard.map(fields)).toEqual([
      expect.objectContaining({
        changeType: 'RangeEdited',
        source: 'Local',
        address: 'B5',
        triggerSource: 'Unknown',
      }),
    ]);
  });

  it('an edit on a sheet that is not watched raises nothing: the host sends no message', async () => {
    const host = hostFromModel(model, WEB);
    const { heard } = await watch(host, 'Budsjett');
    const deliver = jest.spyOn(host.client, 'deliver');
    try {
      await write(host, 'Finansiering', 'B3', [[100]]);
      host.typeInto('Finansiering', 'B4', '200');
      await host.eventsDelivered();
      expect(deliver).not.toHaveBeenCalled();
      expect(heard).toEqual([]);
    } finally {
      deliver.mockRestore();
    }
  });

  it('after the handler is removed in the context it was added in, no event is sent or heard', async () => {
    const host = hostFromModel(model, WEB);
    const { heard, result } = await watch(host, 'Budsjett');
    // Microsoft's pattern: the EventHandlerResult's own context removes it.
    result.remove();
    await result.context.sync();
    const deliver = jest.spyOn(host.client, 'deliver');
    try {
      await write(host, 'Budsjett', 'B5', [[1]]);
      host.typeInto('Budsjett', 'B6', '2');
      await host.eventsDelivered();
      expect(deliver).not.toHaveBeenCalled();
      expect(heard).toEqual([]);
    } finally {
      deliver.mockRestore();
    }
  });

  it('two handlers in two contexts: removing one leaves the other hearing', async () => {
    const host = hostFromModel(model, WEB);
    const first = await watch(host, 'Budsjett');
    const second = await watch(host, 'Budsjett');
    first.result.remove();
    await first.result.context.sync();
    await write(host, 'Budsjett', 'B5', [[1]]);
    await host.eventsDelivered();
    expect(first.heard).toEqual([]);
    expect(second.heard.map((e) => e.address)).toEqual(['B5']);
  });

  it('what ran before a failing action raises its events; a request refused whole raises none', async () => {
    const host = hostFromModel(model, { ...WEB, payloadLimit: 5000 });
    const { heard } = await watch(host, 'Budsjett');
    await expect(
      excelRun(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem('Budsjett');
        sheet.getRange('B5').values = [[1]];
        context.workbook.worksheets.getItem('Finnes ikke').getRange('A1').values = [[2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    // An answer over the payload limit: Excel applies nothing of the request.
    await expect(
      excelRun(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem('Budsjett');
        sheet.getRange('C1').values = [['x'.repeat(3000)]];
        sheet.getRange('C1:C2').load('values,text');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    await host.eventsDelivered();
    expect(heard.map((e) => e.address)).toEqual(['B5']);
  });

  it('a workbook closed (the preview opened another) sends nothing more', async () => {
    const host = hostFromModel(model, WEB);
    const { heard } = await watch(host, 'Budsjett');
    host.typeInto('Budsjett', 'B5', '1');
    host.close();
    await host.eventsDelivered();
    expect(heard).toEqual([]);
  });

  it('events of one workbook never reach the handlers of another', async () => {
    const a = hostFromModel(model, WEB);
    const b = hostFromModel(model, WEB);
    const onA = await watch(a, 'Budsjett');
    const onB = await watch(b, 'Budsjett');
    b.typeInto('Budsjett', 'B5', '1');
    await Promise.all([a.eventsDelivered(), b.eventsDelivered()]);
    expect(onA.heard).toEqual([]);
    expect(onB.heard.map((e) => e.address)).toEqual(['B5']);
  });
});

describe('an Excel before ExcelApi 1.7', () => {
  const API16: TestHostOptions = { excelApi: '1.6' };

  it("Microsoft's client refuses worksheet.onChanged itself", async () => {
    const host = hostFromModel(model, API16);
    await expect(watch(host, 'Budsjett')).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('with the client not checking, the host refuses the registration (ApiNotFound) and sends no event', async () => {
    const host = hostFromModel(model, { ...API16, clientCheck: false });
    await expect(watch(host, 'Budsjett')).rejects.toMatchObject({
      code: 'ApiNotFound',
      debugInfo: expect.objectContaining({ errorLocation: 'Worksheet._RegisterDataChangedEvent' }),
    });
    const deliver = jest.spyOn(host.client, 'deliver');
    try {
      await write(host, 'Budsjett', 'B5', [[1]]);
      host.typeInto('Budsjett', 'B6', '2');
      await host.eventsDelivered();
      expect(deliver).not.toHaveBeenCalled();
    } finally {
      deliver.mockRestore();
    }
  });
});

describe('an Excel with ExcelApi 1.7 but not 1.14', () => {
  it('sends the event without triggerSource', async () => {
    const host = hostFromModel(model, { excelApi: '1.7' });
    const { heard } = await watch(host, 'Budsjett');
    await write(host, 'Budsjett', 'B5', [[1]]);
    await host.eventsDelivered();
    expect(heard.map(fields)).toEqual([
      expect.objectContaining({
        changeType: 'RangeEdited',
        source: 'Local',
        address: 'B5',
        triggerSource: undefined,
      }),
    ]);
  });
});
