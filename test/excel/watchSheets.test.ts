/**
 * The gateway's `watchSheets`: the pane's live re-check hears each change to the sheets a
 * reconciliation read (`worksheet.onChanged`, ExcelApi 1.7), on the sample workbook, through
 * Microsoft's client and the in-memory host; in an Excel without ExcelApi 1.7 it is not offered.
 */
import { ExcelFailure, type SheetChange } from '../../src/excel/gateway';
import { PROFILES, type ExcelHost } from '../../src/host';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { excelRun, gatewayOn, hostFromModel, type TestHostOptions } from '../helpers/host';
import { expectSilentConsole } from './helpers';

/** Excel on the web, whatever profile the suite runs under. */
const WEB: TestHostOptions = { profile: PROFILES.web };

function sample(options: TestHostOptions = WEB) {
  const host = hostFromModel(sampleWorkbookModel(), options);
  return { host, gateway: gatewayOn(host) };
}

/** A co-author's tool or the add-in's own write: another `Excel.run` writing a value. */
async function writeValue(host: ExcelHost, sheet: string, address: string, value: unknown) {
  await excelRun(host, async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await context.sync();
  });
  await host.eventsDelivered();
}

expectSilentConsole();

describe('watchSheets', () => {
  it('hears a new amount in Budsjett!B5: the sheet, the cell, this user, and that this add-in wrote it', async () => {
    const { host, gateway } = sample();
    const changes: SheetChange[] = [];
    const unwatch = await gateway.watchSheets(['Budsjett', 'Finansiering'], (c) => changes.push(c));
    expect(unwatch).not.toBeNull();
    await writeValue(host, 'Budsjett', 'B5', 200_000);
    // Office.js's write: Excel (ExcelApi 1.14) says the add-in made it (triggerSource ThisLocalAddin).
    expect(changes).toEqual([{ sheet: 'Budsjett', address: 'B5', source: 'local', byThisAddin: true }]);
  });

  it("hears an amount typed in the preview's grid", async () => {
    const { host, gateway } = sample();
    const changes: SheetChange[] = [];
    await gateway.watchSheets(['Budsjett', 'Finansiering'], (c) => changes.push(c));
    host.typeInto('Finansiering', 'B7', '200 000');
    await host.eventsDelivered();
    expect(changes).toEqual([{ sheet: 'Finansiering', address: 'B7', source: 'local' }]);
  });

  it('names the sheet as the workbook spells it, and a sheet named twice is heard once', async () => {
    const { host, gateway } = sample();
    const changes: SheetChange[] = [];
    await gateway.watchSheets(['budsjett', 'Budsjett'], (c) => changes.push(c));
    await writeValue(host, 'Budsjett', 'B9', 1);
    expect(changes.map(({ sheet, address }) => ({ sheet, address }))).toEqual([
      { sheet: 'Budsjett', address: 'B9' },
    ]);
  });

  it('hears nothing of a sheet it does not watch', async () => {
    const { host, gateway } = sample();
    const changes: SheetChange[] = [];
    await gateway.watchSheets(['Budsjett'], (c) => changes.push(c));
    await writeValue(host, 'Finansiering', 'B7', 1);
    expect(changes).toEqual([]);
  });

  it('after unwatch, hears nothing more and Excel sends no more events; unwatching again does nothing', async () => {
    const { host, gateway } = sample();
    const changes: SheetChange[] = [];
    const unwatch = await gateway.watchSheets(['Budsjett'], (c) => changes.push(c));
    await unwatch!();
    const deliver = jest.spyOn(host.client, 'deliver');
    try {
      await writeValue(host, 'Budsjett', 'B5', 200_000);
      host.typeInto('Budsjett', 'B6', '1');
      await host.eventsDelivered();
      expect(changes).toEqual([]);
      expect(deliver).not.toHaveBeenCalled();
    } finally {
      deliver.mockRestore();
    }
    host.resetStats();
    await unwatch!();
    expect(host.stats.syncs).toBe(0);
  });

  it('hears nothing from the moment unwatch is called, not even an event that arrives before Excel has removed the handlers', async () => {
    // Excel on the web is slow: the removal's round trip outlasts the event's delivery.
    const { host, gateway } = sample({ ...WEB, latencyMs: 30 });
    const changes: SheetChange[] = [];
    const unwatch = await gateway.watchSheets(['Budsjett'], (c) => changes.push(c));
    host.typeInto('Budsjett', 'B5', '1');
    const removing = unwatch!();
    await host.eventsDelivered();
    await removing;
    expect(changes).toEqual([]);
  });

  it('skips a sheet that does not exist, and watches the others', async () => {
    const { host, gateway } = sample();
    const changes: SheetChange[] = [];
    const unwatch = await gateway.watchSheets(['Finansiering 2012', 'Budsjett'], (c) => changes.push(c));
    await writeValue(host, 'Budsjett', 'B5', 1);
    expect(changes.map(({ sheet, address }) => ({ sheet, address }))).toEqual([
      { sheet: 'Budsjett', address: 'B5' },
    ]);
    await unwatch!();
  });

  it('with no sheet found, watches nothing and unwatch costs nothing', async () => {
    const { host, gateway } = sample();
    const unwatch = await gateway.watchSheets(['Finnes ikke'], () => undefined);
    expect(host.stats.syncs).toBe(1);
    host.resetStats();
    await unwatch!();
    expect(host.stats.syncs).toBe(0);
  });

  it('takes two round trips whether it watches one sheet or three, and one to unwatch', async () => {
    const one = sample();
    const unwatchOne = await one.gateway.watchSheets(['Budsjett'], () => undefined);
    const three = sample();
    const unwatchThree = await three.gateway.watchSheets(
      ['Budsjett', 'Finansiering', 'Prosjektregister'],
      () => undefined,
    );
    expect(one.host.stats.syncs).toBe(2);
    expect(three.host.stats.syncs).toBe(2);
    one.host.resetStats();
    three.host.resetStats();
    await unwatchOne!();
    await unwatchThree!();
    expect(one.host.stats.syncs).toBe(1);
    expect(three.host.stats.syncs).toBe(1);
  });

  it('resolves null in an Excel without ExcelApi 1.7, without a round trip: the pane offers "Avstem på nytt"', async () => {
    const { host, gateway } = sample({ excelApi: '1.6' });
    expect(await gateway.watchSheets(['Budsjett'], () => undefined)).toBeNull();
    expect(host.stats.syncs).toBe(0);
  });

  it('fails as an ExcelFailure while a cell is being edited, and so does an unwatch then', async () => {
    const { host, gateway } = sample();
    const unwatch = await gateway.watchSheets(['Budsjett'], () => undefined);
    host.cellEditMode = true;
    await expect(gateway.watchSheets(['Budsjett'], () => undefined)).rejects.toMatchObject({
      kind: 'cellEditMode',
    });
    const failed = unwatch!();
    await expect(failed).rejects.toBeInstanceOf(ExcelFailure);
    await expect(failed).rejects.toMatchObject({ kind: 'cellEditMode' });
    // Once the edit ends, the unwatch can be done.
    host.cellEditMode = false;
    host.resetStats();
    await unwatch!();
    expect(host.stats.syncs).toBe(1);
  });
});
