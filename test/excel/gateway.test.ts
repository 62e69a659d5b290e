/**
 * The gateway's other methods, and failures: every method rejects only with
 * an ExcelFailure whose kind says what went wrong, and logs nothing.
 */
import { toExcelFailure, unsupported } from '../../src/excel/errors';
import type { ExcelContext, ExcelRun } from '../../src/excel/excelApi';
import { createExcelGateway } from '../../src/excel/excelGateway';
import { ExcelFailure, type ExcelFailureKind, type WorkbookGateway } from '../../src/excel/gateway';
import { parseSheetRef } from '../../src/excel/adapter/sheetRef';
import { blankHost, gatewayOn, hostFromModel, type TestHostOptions } from '../helpers/host';
import { expectSilentConsole } from './helpers';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';

function sample(options?: TestHostOptions) {
  const host = hostFromModel(
    {
      sheets: [
        ...sampleWorkbookModel().sheets,
        { name: 'Finansiering 2012', cells: [{ row: 0, col: 0, value: 'x' }] },
      ],
    },
    options,
  );
  return { host, gateway: createExcelGateway(host.run, { isSetSupported: host.isSetSupported }) };
}

/** What an Office error of `code` becomes. */
const officeError = (code: string, name = 'OfficeExtension.Error') =>
  Object.assign(new Error(`Excel says ${code}`), {
    name,
    code,
    debugInfo: { code, message: `Excel says ${code}`, errorLocation: 'Range.values' },
  });

/** A gateway whose every Excel.run rejects with `error` before reaching Excel (not an Office error). */
const failingGateway = (error: unknown): WorkbookGateway =>
  createExcelGateway(async () => {
    throw error;
  });

expectSilentConsole();

describe('listSheets', () => {
  it('lists the sheets in tab order with their visibility, in one round trip', async () => {
    const { host, gateway } = sample();
    expect(await gateway.listSheets()).toEqual([
      { name: 'Budsjett', visibility: 'visible' },
      { name: 'Finansiering', visibility: 'visible' },
      { name: 'Prosjektregister', visibility: 'veryHidden' },
      { name: 'Finansiering 2012', visibility: 'visible' },
    ]);
    expect(host.stats.syncs).toBe(1);
  });
});

describe('select', () => {
  it.each([
    ['Budsjett!B9', 'Budsjett!B9'],
    ['Finansiering!$B$3', 'Finansiering!B3'],
    ["'Finansiering 2012'!C4", "'Finansiering 2012'!C4"],
    ['Budsjett!A1:B2', 'Budsjett!A1:B2'],
    ['budsjett!b5', 'Budsjett!B5'],
  ])('%s activates the sheet and selects %s, in one round trip', async (ref, selected) => {
    const { host, gateway } = sample();
    await gateway.select(ref);
    expect(host.selectedAddress).toBe(selected);
    expect(host.stats.syncs).toBe(1);
  });

  it('a reference without a sheet selects on the active sheet', async () => {
    const { host, gateway } = sample();
    await gateway.select('Finansiering!A1');
    await gateway.select('C7');
    expect(host.selectedAddress).toBe('Finansiering!C7');
  });

  it('a missing sheet is notFound', async () => {
    const { gateway } = sample();
    await expect(gateway.select('Borte!B9')).rejects.toMatchObject({
      name: 'ExcelFailure',
      kind: 'notFound',
      code: 'ItemNotFound',
    });
  });

  it('a hidden sheet cannot be activated: kind hiddenSheet, naming the sheet, nothing changed', async () => {
    const { host, gateway } = sample();
    await expect(gateway.select('Prosjektregister!A7')).rejects.toMatchObject({
      kind: 'hiddenSheet',
      detail: 'Prosjektregister',
    });
    expect(host.selectedAddress).toBe('Budsjett!A1');
  });

  it('other refusals keep Excel’s own error', async () => {
    const { host, gateway } = sample();
    host.cellEditMode = true;
    await expect(gateway.select('Prosjektregister!A7')).rejects.toMatchObject({ kind: 'cellEditMode' });
  });

  it('text that is no cell reference is a bug: unexpected', async () => {
    const { host, gateway } = sample();
    await expect(gateway.select('Budsjett!')).rejects.toMatchObject({ kind: 'unexpected' });
    await expect(gateway.select('not a ref')).rejects.toMatchObject({ kind: 'unexpected' });
    expect(host.stats.syncs).toBe(0);
  });
});

describe('setRegisterVisible', () => {
  it('shows the very hidden register (still protected, activated) and hides it again', async () => {
    const { host, gateway } = sample();
    expect(await gateway.setRegisterVisible(true)).toBe('Prosjektregister');
    expect(host.sheets()[2]).toEqual({ name: 'Prosjektregister', visibility: 'visible', protected: true });
    expect(host.activeSheet).toBe('Prosjektregister');
    expect(await gateway.setRegisterVisible(false)).toBe('Prosjektregister');
    expect(host.sheets()[2]).toEqual({ name: 'Prosjektregister', visibility: 'veryHidden', protected: true });
    expect(host.activeSheet).not.toBe('Prosjektregister');
    // A register cell can be selected while the sheet is shown.
    await gateway.setRegisterVisible(true);
    await gateway.select('Prosjektregister!A7');
    expect(host.selectedAddress).toBe('Prosjektregister!A7');
  });

  it('a workbook without a register: notFound, nothing changed', async () => {
    const model = sampleWorkbookModel();
    const host = hostFromModel({ sheets: model.sheets.filter((s) => s.name !== 'Prosjektregister') });
    const before = JSON.stringify(host.sheets());
    await expect(gatewayOn(host).setRegisterVisible(true)).rejects.toMatchObject({ kind: 'notFound' });
    expect(JSON.stringify(host.sheets())).toBe(before);
  });
});

describe('references', () => {
  it.each([
    ['Budsjett!B9', { sheet: 'Budsjett', address: 'B9' }],
    ["'Finansiering 2012'!C4", { sheet: 'Finansiering 2012', address: 'C4' }],
    ["'Kari''s ark'!$A$1:$B$2", { sheet: "Kari's ark", address: 'A1:B2' }],
    ['b9', { sheet: null, address: 'B9' }],
    ['Budsjett!B', null],
    ['Budsjett!', null],
    ["'Open!A1", null],
  ])('%s', (ref, expected) => {
    expect(parseSheetRef(ref)).toEqual(expected);
  });
});

describe('cell edit mode', () => {
  it.each(['listSheets', 'read', 'select'] as const)('%s fails as cellEditMode', async (method) => {
    const { host, gateway } = sample();
    host.cellEditMode = true;
    const call = method === 'select' ? gateway.select('Budsjett!A1') : gateway[method]();
    const e = await call.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ExcelFailure);
    expect(e).toMatchObject({ kind: 'cellEditMode', code: 'InvalidOperationInCellEditMode' });
  });
});

describe('classifying errors', () => {
  it.each<[string, ExcelFailureKind]>([
    ['InvalidOperationInCellEditMode', 'cellEditMode'],
    ['RequestPayloadSizeLimitExceeded', 'payloadTooLarge'],
    ['ResponsePayloadSizeLimitExceeded', 'payloadTooLarge'],
    ['ItemNotFound', 'notFound'],
    ['AccessDenied', 'accessDenied'],
    ['GeneralException', 'busy'],
    ['ServiceNotAvailable', 'busy'],
    ['Timeout', 'busy'],
    ['RequestTimeout', 'busy'],
    ['ApiNotFound', 'unsupported'],
    ['InvalidArgument', 'office'],
    ['InvalidReference', 'office'],
  ])('%s → %s, through every gateway method', async (code, kind) => {
    const error = officeError(code, code.includes('Payload') ? 'RichApi.Error' : 'OfficeExtension.Error');
    expect(toExcelFailure(error)).toMatchObject({ kind, code, detail: `Range.values: Excel says ${code}` });
    // The same code answered by the host reaches each method as Microsoft's client throws it.
    for (const call of [
      (g: WorkbookGateway) => g.listSheets(),
      (g: WorkbookGateway) => g.read(),
      (g: WorkbookGateway) => g.select('Budsjett!B9'),
      (g: WorkbookGateway) => g.setRegisterVisible(true),
    ]) {
      const { host, gateway } = sample();
      host.failOnSync(1, 0, code);
      const e = await call(gateway).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ExcelFailure);
      expect(e).toMatchObject({ name: 'ExcelFailure', kind, code });
    }
  });

  it.each<[string, ExcelFailureKind]>([
    ['BadPassword', 'password'],
    ['MergedRangeConflict', 'conflict'],
  ])('%s → %s: a kind of its own, with its own advice', (code, kind) => {
    expect(toExcelFailure(officeError(code))).toMatchObject({ kind, code });
  });

  it('a plain error is unexpected, keeping its message as the detail', async () => {
    const e = await failingGateway(new TypeError('x is undefined'))
      .read()
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'unexpected', code: undefined, detail: 'TypeError: x is undefined' });
  });

  it('anything thrown is unexpected; an error with a Node-style code is not an Office error', () => {
    expect(toExcelFailure('boom')).toMatchObject({ kind: 'unexpected', detail: 'boom' });
    expect(toExcelFailure(undefined)).toMatchObject({ kind: 'unexpected' });
    expect(toExcelFailure(Object.assign(new Error('no file'), { code: 'ENOENT' }))).toMatchObject({
      kind: 'unexpected',
    });
  });

  it('an ExcelFailure passes through unchanged', () => {
    const failure = unsupported('ExcelApi', '1.4');
    expect(toExcelFailure(failure)).toBe(failure);
    expect(failure).toMatchObject({ kind: 'unsupported', detail: 'ExcelApi 1.4' });
  });

  it('a failure thrown by isSetSupported (Office not ready) is unexpected too', async () => {
    const gateway = createExcelGateway(blankHost().run, {
      isSetSupported: () => {
        throw new Error('Office.context is undefined');
      },
    });
    await expect(gateway.read()).rejects.toMatchObject({ kind: 'unexpected' });
  });
});

describe('the structural API', () => {
  it('the host’s context (Microsoft’s) is an ExcelContext and its run an ExcelRun (compile time)', async () => {
    const host = blankHost();
    const run: ExcelRun = host.run;
    const name = await run(async (context: ExcelContext) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1').load('name');
      await context.sync();
      return sheet.name;
    });
    expect(name).toBe('Sheet1');
  });
});
