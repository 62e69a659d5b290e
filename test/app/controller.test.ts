/**
 * The controller: states of a run, one run at a time, failures as state (never rejections).
 */
import { ExcelFailure, type WorkbookRead } from '../../src/excel/gateway';
import { createReconcileController, toFailure, type Engine } from '../../src/app/controller';
import { deferred, readOf, stubGateway } from '../taskpane/helpers';

describe('createReconcileController', () => {
  it('goes idle → loading → done and keeps the result and the sheets', async () => {
    const gateway = stubGateway();
    const controller = createReconcileController({ gateway, lang: 'nb' });
    const seen: string[] = [];
    controller.subscribe(() => seen.push(controller.getState().run.status));
    expect(controller.getState().run.status).toBe('idle');

    await controller.reconcile();

    const state = controller.getState();
    // Every notification until the result is 'loading' (the sheet list arrives in between).
    expect(seen[0]).toBe('loading');
    expect(seen[seen.length - 1]).toBe('done');
    expect(new Set(seen)).toEqual(new Set(['loading', 'done']));
    expect(state.run.status).toBe('done');
    if (state.run.status !== 'done') throw new Error('unreachable');
    expect(state.run.result.years).toEqual([2010]);
    expect(state.run.result.balanced).toBe(true);
    expect(state.sheets.sheets?.map((s) => s.name)).toEqual(['Budsjett', 'Finansiering', 'Prosjektregister']);
    expect(gateway.read).toHaveBeenCalledTimes(1);
  });

  it('never runs twice at once: a second call returns the run under way', async () => {
    const gateway = stubGateway();
    const pending = deferred<WorkbookRead>();
    gateway.read.mockReturnValueOnce(pending.promise);
    const controller = createReconcileController({ gateway, lang: 'nb' });

    const first = controller.reconcile();
    const second = controller.reconcile({ year: 2011 });
    expect(second).toBe(first);
    expect(controller.getState().run.status).toBe('loading');
    pending.resolve(readOf());
    await Promise.all([first, second]);
    expect(gateway.read).toHaveBeenCalledTimes(1);
    expect(controller.getState().run.status).toBe('done');

    // Once finished, the next call is a new run.
    await controller.reconcile();
    expect(gateway.read).toHaveBeenCalledTimes(2);
  });

  it('passes the sheet choices to the gateway and the options to the engine', async () => {
    const gateway = stubGateway();
    const engine = jest.fn<ReturnType<Engine>, Parameters<Engine>>();
    const real = (await import('../../src/domain/reconcile/reconcile')).reconcile;
    engine.mockImplementation(real);
    const controller = createReconcileController({ gateway, lang: 'en', loadEngine: async () => engine });
    await controller.reconcile({ budgetSheet: 'Budsjett', year: 2010 });
    expect(gateway.read).toHaveBeenCalledWith({ budgetSheet: 'Budsjett', financingSheet: undefined });
    expect(engine).toHaveBeenCalledWith(readOf().snapshot, { budgetSheet: 'Budsjett', year: 2010 });
  });

  it('turns an ExcelFailure into an error state with its kind, and resolves', async () => {
    const gateway = stubGateway();
    gateway.read.mockRejectedValueOnce(
      new ExcelFailure('cellEditMode', 'edit mode', 'InvalidOperationInCellEditMode', 'debug info'),
    );
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await expect(controller.reconcile()).resolves.toBeUndefined();
    expect(controller.getState().run).toEqual({
      status: 'error',
      failure: { kind: 'cellEditMode', code: 'InvalidOperationInCellEditMode', detail: 'debug info' },
    });
  });

  it('reports a bug in the engine as unexpected', async () => {
    const gateway = stubGateway();
    const controller = createReconcileController({
      gateway,
      lang: 'nb',
      loadEngine: async () => () => {
        throw new TypeError('boom');
      },
    });
    await controller.reconcile();
    expect(controller.getState().run).toEqual({
      status: 'error',
      failure: { kind: 'unexpected', detail: 'boom' },
    });
  });

  it('does not cache a failed engine load: the retry loads again', async () => {
    const gateway = stubGateway();
    const chunkError = Object.assign(new Error('Loading chunk engine failed'), { name: 'ChunkLoadError' });
    const real = (await import('../../src/domain/reconcile/reconcile')).reconcile;
    const loadEngine = jest
      .fn<Promise<Engine>, []>()
      .mockRejectedValueOnce(chunkError)
      .mockResolvedValue(real);
    const controller = createReconcileController({ gateway, lang: 'nb', loadEngine });
    await controller.reconcile();
    expect(controller.getState().run).toMatchObject({ status: 'error', failure: { kind: 'busy' } });
    await controller.reconcile();
    expect(controller.getState().run.status).toBe('done');
    expect(loadEngine).toHaveBeenCalledTimes(2);
  });

  it('preloads the engine once and reuses it', async () => {
    const real = (await import('../../src/domain/reconcile/reconcile')).reconcile;
    const loadEngine = jest.fn(async () => real);
    const controller = createReconcileController({ gateway: stubGateway(), lang: 'nb', loadEngine });
    await controller.preloadEngine();
    await controller.reconcile();
    expect(loadEngine).toHaveBeenCalledTimes(1);
  });

  it('selects a cell, and keeps a selection failure as state', async () => {
    const gateway = stubGateway();
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.select('Budsjett!B9');
    expect(gateway.select).toHaveBeenCalledWith('Budsjett!B9');
    expect(controller.getState().selection).toEqual({ ref: 'Budsjett!B9', status: 'selected' });

    gateway.select.mockRejectedValueOnce(new ExcelFailure('notFound', 'gone', 'ItemNotFound'));
    await controller.select('Borte!A1');
    expect(controller.getState().selection).toEqual({
      ref: 'Borte!A1',
      status: 'error',
      failure: { kind: 'notFound', code: 'ItemNotFound', detail: 'gone' },
    });
  });

  it('ignores a selection answer that arrives after a newer click', async () => {
    const gateway = stubGateway();
    const slow = deferred<void>();
    gateway.select.mockReturnValueOnce(slow.promise);
    const controller = createReconcileController({ gateway, lang: 'nb' });
    const first = controller.select('Budsjett!B5');
    await controller.select('Budsjett!B9');
    slow.reject(new ExcelFailure('busy', 'late'));
    await first;
    expect(controller.getState().selection).toEqual({ ref: 'Budsjett!B9', status: 'selected' });
  });

  it('lists the sheets, and keeps a failure to do so', async () => {
    const gateway = stubGateway();
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.refreshSheets();
    expect(controller.getState().sheets).toEqual({
      sheets: readOf().sheets,
      loading: false,
      failure: null,
    });
    gateway.listSheets.mockRejectedValueOnce(new ExcelFailure('busy', 'busy'));
    await controller.refreshSheets();
    expect(controller.getState().sheets).toEqual({
      sheets: readOf().sheets,
      loading: false,
      failure: { kind: 'busy', detail: 'busy' },
    });
  });

  it('stops calling a listener after unsubscribe', async () => {
    const controller = createReconcileController({ gateway: stubGateway(), lang: 'nb' });
    const listener = jest.fn();
    const unsubscribe = controller.subscribe(listener);
    unsubscribe();
    await controller.reconcile();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('toFailure', () => {
  it('keeps the kind of an ExcelFailure, even from another copy of the class', () => {
    const foreign = Object.assign(new Error('x'), {
      name: 'ExcelFailure',
      kind: 'accessDenied',
      code: 'AccessDenied',
    });
    expect(toFailure(foreign)).toEqual({ kind: 'accessDenied', code: 'AccessDenied', detail: 'x' });
  });

  it('reads an Office error code as kind office', () => {
    const officeError = Object.assign(new Error('Not supported'), { code: 'GeneralException' });
    expect(toFailure(officeError)).toEqual({
      kind: 'office',
      code: 'GeneralException',
      detail: 'Not supported',
    });
  });

  it('calls anything else unexpected', () => {
    expect(toFailure('weird')).toEqual({ kind: 'unexpected', detail: 'weird' });
  });
});

describe('setRegisterVisible', () => {
  it('shows the register sheet, then reads the sheet list again; a new run forgets the outcome', async () => {
    const gateway = stubGateway();
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    // Each state the register sheet goes through (other parts of the state change meanwhile).
    const seen: string[] = [];
    let last = controller.getState().registerSheet;
    controller.subscribe(() => {
      const now = controller.getState().registerSheet;
      if (now !== last) seen.push(now.status);
      last = now;
    });
    await controller.setRegisterVisible(true);
    expect(gateway.setRegisterVisible).toHaveBeenCalledWith(true);
    expect(seen.slice(0, 2)).toEqual(['working', 'done']);
    expect(controller.getState().registerSheet).toEqual({
      status: 'done',
      visible: true,
      sheet: 'Prosjektregister',
    });
    expect(gateway.listSheets).toHaveBeenCalledTimes(1);
    await controller.reconcile();
    expect(controller.getState().registerSheet).toEqual({ status: 'idle' });
  });

  it('a failure is state, never a rejection', async () => {
    const gateway = stubGateway();
    gateway.setRegisterVisible.mockRejectedValueOnce(new ExcelFailure('notFound', 'none'));
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await expect(controller.setRegisterVisible(true)).resolves.toBeUndefined();
    expect(controller.getState().registerSheet).toMatchObject({
      status: 'error',
      visible: true,
      failure: { kind: 'notFound' },
    });
  });
});
