/**
 * Live re-check and "what changed since the last result": the controller watches the sheets a run
 * read and reconciles again a pause after an edit, one read at a time, never during its own
 * writes, keeping the result shown while it runs.
 */
import { createReconcileController, type ReconcileController } from '../../src/app/controller';
import type { ReconcileControllerOptions } from '../../src/app/controllerApi';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { REVIEW_SHEET } from '../../src/domain/review';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { ExcelFailure, type WorkbookRead, type WriteResult } from '../../src/excel/gateway';
import { deferred, editBudget, readOf, workbookStub, type WorkbookStub } from '../taskpane/helpers';

const SAMPLE_SHEETS = ['Budsjett', 'Finansiering', 'Prosjektregister'];
/** 3.1's warning resolved (sums kept), and Reiselivet's amount typed as text: 1 resolved, 1 new. */
const EDITED = { Akkvisisjon: 200000, Diverse: 200000, Reiselivet: '100.000' };

/** Every promise job queued so far (and those they queue) has run. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
});
afterEach(() => {
  jest.useRealTimers();
});

function create(gateway: WorkbookStub, options: Partial<ReconcileControllerOptions> = {}) {
  return createReconcileController({ gateway, lang: 'nb', loadEngine: async () => reconcile, ...options });
}

async function reconciled(gateway = workbookStub(sampleWorkbookModel(), { watchable: true }), options = {}) {
  const controller = create(gateway, options);
  await controller.reconcile();
  await flush();
  return { controller, gateway };
}

/** The run's states seen from now on. */
function runStates(controller: ReconcileController): string[] {
  const seen: string[] = [];
  controller.subscribe(() => seen.push(controller.getState().run.status));
  return seen;
}

describe('what changed since the last result', () => {
  it('is nothing after the first run, then the findings resolved, added and changed', async () => {
    const gateway = workbookStub();
    const controller = create(gateway);
    await controller.reconcile();
    expect(controller.getState().changes).toBeNull();

    gateway.edit(editBudget(sampleWorkbookModel(), EDITED));
    await controller.reconcile();
    const changes = controller.getState().changes!;
    expect(changes.resolved.map((c) => c.key)).toEqual(['CONTRIBUTION_MISMATCH|project=3.1|year=2010']);
    expect(changes.added.map((c) => c.key)).toEqual([
      'AMOUNT_AS_TEXT|sheet=Budsjett|label=Reiselivet|year=2010',
    ]);
    expect(changes.changed).toEqual([]);

    await controller.reconcile();
    expect(controller.getState().changes).toEqual({ resolved: [], added: [], changed: [] });
  });

  it('is not said after the pane’s own explanation, whose run finds the same findings', async () => {
    const gateway = workbookStub();
    const controller = create(gateway);
    await controller.reconcile();
    await controller.reconcile();
    expect(controller.getState().changes).not.toBeNull();
    await controller.explain('CONTRIBUTION_MISMATCH|project=1.2|year=2010', 'Avtalt', 'Kari');
    expect(controller.getState().reviewWrite.status).toBe('done');
    expect(controller.getState().changes).toBeNull();
  });

  it('is not counted across another choice of sheets, nor kept after a failed run', async () => {
    const gateway = workbookStub();
    const controller = create(gateway);
    await controller.reconcile();
    await controller.reconcile({ budgetSheet: 'Budsjett' });
    expect(controller.getState().changes).toBeNull();
    await controller.reconcile({ budgetSheet: 'Budsjett' });
    expect(controller.getState().changes).not.toBeNull();
    gateway.read.mockRejectedValueOnce(new ExcelFailure('busy', 'busy'));
    await controller.reconcile({ budgetSheet: 'Budsjett' });
    expect(controller.getState().changes).toBeNull();
  });
});

describe('live re-check', () => {
  it('watches the sheets the run read, and says this Excel can', async () => {
    const { controller, gateway } = await reconciled();
    expect(gateway.watchSheets).toHaveBeenCalledTimes(1);
    expect(gateway.watchSheets.mock.calls[0][0]).toEqual(SAMPLE_SHEETS);
    expect(controller.getState().live).toEqual({ on: true, supported: true, pending: false });
  });

  it('says this Excel cannot when watchSheets resolves null (no ExcelApi 1.7)', async () => {
    const { controller, gateway } = await reconciled(workbookStub());
    expect(gateway.watchSheets).toHaveBeenCalledTimes(1);
    expect(controller.getState().live).toEqual({ on: true, supported: false, pending: false });
  });

  it('waits for a pause after the last change, then reconciles once, keeping the result shown', async () => {
    const { controller, gateway } = await reconciled(undefined, { liveDelayMs: 800 });
    const before = controller.getState().run;
    const seen = runStates(controller);
    gateway.edit(editBudget(sampleWorkbookModel(), EDITED));

    gateway.change('Budsjett');
    expect(controller.getState().live.pending).toBe(true);
    await jest.advanceTimersByTimeAsync(500);
    gateway.change('Budsjett');
    await jest.advanceTimersByTimeAsync(500);
    gateway.change('Budsjett');
    await jest.advanceTimersByTimeAsync(799);
    expect(gateway.read).toHaveBeenCalledTimes(1);

    await jest.advanceTimersByTimeAsync(1);
    await flush();
    expect(gateway.read).toHaveBeenCalledTimes(2);
    expect(seen).not.toContain('loading');
    const after = controller.getState().run;
    expect(after.status).toBe('done');
    expect(after).not.toBe(before);
    expect(controller.getState().changes?.resolved).toHaveLength(1);
    expect(controller.getState().live.pending).toBe(false);
    // Same sheets: the watch is kept, not renewed.
    expect(gateway.watchSheets).toHaveBeenCalledTimes(1);
  });

  it('reads one at a time: a change during a run makes one more run after it', async () => {
    const { controller, gateway } = await reconciled(undefined, { liveDelayMs: 100 });
    const slow = deferred<WorkbookRead>();
    gateway.read.mockImplementationOnce(() => slow.promise);
    gateway.change('Finansiering');
    await jest.advanceTimersByTimeAsync(100);
    expect(gateway.read).toHaveBeenCalledTimes(2);

    // Two more edits while that read is under way.
    gateway.change('Finansiering');
    await jest.advanceTimersByTimeAsync(100);
    gateway.change('Budsjett');
    await jest.advanceTimersByTimeAsync(300);
    expect(gateway.read).toHaveBeenCalledTimes(2);
    expect(controller.getState().live.pending).toBe(true);

    slow.resolve(readOf());
    await flush();
    await jest.advanceTimersByTimeAsync(100);
    await flush();
    expect(gateway.read).toHaveBeenCalledTimes(3);
    expect(controller.getState().live.pending).toBe(false);
    await jest.advanceTimersByTimeAsync(1000);
    expect(gateway.read).toHaveBeenCalledTimes(3);
  });

  it('ignores the changes of its own review write, which reconciles again itself', async () => {
    const { controller, gateway } = await reconciled(undefined, { liveDelayMs: 100 });
    const read = gateway.read.getMockImplementation()!;
    // Excel reports the write's cells late: while the write's own run is reading the workbook.
    gateway.read.mockImplementationOnce(async (options) => {
      gateway.change('Prosjektregister');
      return read(options);
    });
    await controller.explain('CONTRIBUTION_MISMATCH|project=1.2|year=2010', 'Avtalt', 'Kari');
    await jest.advanceTimersByTimeAsync(1000);
    await flush();
    // The first run and the write's own run: no live re-check.
    expect(gateway.read).toHaveBeenCalledTimes(2);
    expect(controller.getState().live.pending).toBe(false);
    // The log's sheet is watched from now on, instead of the set before.
    expect(gateway.watchSheets).toHaveBeenCalledTimes(2);
    expect(gateway.watchSheets.mock.calls[1][0]).toEqual([REVIEW_SHEET, ...SAMPLE_SHEETS]);
    expect(gateway.unwatches[0]).toHaveBeenCalledTimes(1);
    expect(gateway.watching()).toEqual([{ sheets: [REVIEW_SHEET, ...SAMPLE_SHEETS] }]);
  });

  it('ignores a change Excel says the add-in made, when it arrives after the write has ended', async () => {
    const { controller, gateway } = await reconciled(undefined, { liveDelayMs: 100 });
    await controller.explain('CONTRIBUTION_MISMATCH|project=1.2|year=2010', 'Avtalt', 'Kari');
    await flush();
    gateway.change(REVIEW_SHEET, true);
    await jest.advanceTimersByTimeAsync(1000);
    await flush();
    expect(gateway.read).toHaveBeenCalledTimes(2);
    expect(controller.getState().live.pending).toBe(false);
  });

  it('a change the user makes after the write is seen again', async () => {
    const { controller, gateway } = await reconciled(undefined, { liveDelayMs: 100 });
    await controller.explain('CONTRIBUTION_MISMATCH|project=1.2|year=2010', 'Avtalt', 'Kari');
    await flush();
    gateway.change(REVIEW_SHEET);
    await jest.advanceTimersByTimeAsync(100);
    await flush();
    expect(gateway.read).toHaveBeenCalledTimes(3);
  });

  it('a re-check due while the controller inserts waits for the insert to end', async () => {
    const { controller, gateway } = await reconciled(undefined, { liveDelayMs: 100 });
    gateway.change('Budsjett');
    const writing = deferred<WriteResult>();
    gateway.writeOutputs.mockReturnValueOnce(writing.promise);
    const insert = controller.insert('summary');
    await jest.advanceTimersByTimeAsync(500);
    expect(controller.getState().insert.status).toBe('writing');
    expect(gateway.read).toHaveBeenCalledTimes(1);

    writing.resolve({ sheets: ['Sammendrag'], leftOut: [], syncs: 1 });
    await insert;
    await flush();
    expect(gateway.read).toHaveBeenCalledTimes(2);
  });

  it('keeps the result while the user is typing in a cell, and tries again after the pause', async () => {
    const { controller, gateway } = await reconciled(undefined, { liveDelayMs: 200 });
    const seen = runStates(controller);
    gateway.read.mockRejectedValueOnce(new ExcelFailure('cellEditMode', 'edit mode'));
    gateway.change('Budsjett');
    await jest.advanceTimersByTimeAsync(200);
    await flush();
    expect(gateway.read).toHaveBeenCalledTimes(2);
    expect(controller.getState().run.status).toBe('done');
    expect(controller.getState().live.pending).toBe(true);
    await jest.advanceTimersByTimeAsync(200);
    await flush();
    expect(gateway.read).toHaveBeenCalledTimes(3);
    expect(seen).not.toContain('error');
    expect(controller.getState().live.pending).toBe(false);
  });

  it('setLive(false) stops watching; setLive(true) watches the last run’s sheets again', async () => {
    const { controller, gateway } = await reconciled();
    gateway.change('Budsjett');
    await controller.setLive(false);
    expect(gateway.unwatches[0]).toHaveBeenCalledTimes(1);
    expect(controller.getState().live).toMatchObject({ on: false, pending: false });
    await jest.advanceTimersByTimeAsync(5000);
    expect(gateway.read).toHaveBeenCalledTimes(1);

    await controller.setLive(true);
    expect(gateway.watchSheets).toHaveBeenCalledTimes(2);
    expect(gateway.watching()).toEqual([{ sheets: SAMPLE_SHEETS }]);
    expect(controller.getState().live.on).toBe(true);
  });

  it('does not watch when started off', async () => {
    const { controller, gateway } = await reconciled(undefined, { live: false });
    expect(gateway.watchSheets).not.toHaveBeenCalled();
    expect(controller.getState().live).toEqual({ on: false, supported: null, pending: false });
  });

  it('dispose() stops watching and drops a re-check that was waiting', async () => {
    const { controller, gateway } = await reconciled();
    gateway.change('Budsjett');
    await controller.dispose();
    expect(gateway.unwatches[0]).toHaveBeenCalledTimes(1);
    expect(gateway.watching()).toEqual([]);
    await jest.advanceTimersByTimeAsync(5000);
    expect(gateway.read).toHaveBeenCalledTimes(1);
  });
});
