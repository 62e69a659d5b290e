/**
 * The task pane's state and every Excel call it makes, outside React.
 *
 * One controller per runtime: the pane renders it through hooks (useSyncExternalStore), and the
 * ribbon's Avstem command (src/commands/commands.ts) drives the same instance, so a run started
 * from the ribbon is what the pane shows. Components never call the gateway themselves.
 *
 * Failures never escape as rejections: every method resolves, and what went wrong is in the
 * state (as an ExcelFailure kind the pane can explain), never only on the console.
 *
 * Excel is called one thing at a time: reads (the sheet list, a run's read) and writes (the
 * outputs) queue behind each other, so a write never lands in the middle of a read, and two writes
 * never overlap.
 *
 * The review actions (explain, withdraw, sign off) are in review.ts, the live re-check in live.ts.
 * A run in the background (a live re-check, the run after a review write) keeps the result shown
 * until the new one is there: the pane keeps its scroll, focus and open forms.
 */
import type { SheetModel } from '../domain/model';
import { markedSheet } from '../domain/outputs/placement';
import type { ReconcileOptions, ReconciliationResult } from '../domain/reconcile/reconcile';
import type { SheetChoice } from '../domain/reconcile/sheetsToRead';
import type { Register } from '../domain/register/types';
import type { Engine, OutputBuilder, ReconcileController, ReconcileControllerOptions } from './controllerApi';
import { toFailure, type Failure } from './failure';
import type { InsertTarget, PlacementView } from './insertOutputs';
import { createLiveCheck, createWriteGate, type RecheckOutcome } from './live';
import { lazyChunk } from './lazyChunk';
import { afterWrite, newSheets, placementOf, sameName } from './placementView';
import { createReviewActions, loadReviewDomain, machineClock } from './review';
import { lastReadOf, type InsertKind, type ReconcileState, type RegisterChange } from './state';

export { toFailure, type Failure } from './failure';
export type { InsertTarget } from './insertOutputs';
export type * from './state';
export type * from './controllerApi';
export { lazyChunk } from './lazyChunk';

/** How a run shows itself: `normal` goes through `loading`; `quiet` and `live` keep the result shown. */
type RunMode = 'normal' | 'quiet' | 'live';

/** Failures a live re-check waits out (the user is typing in a cell; Excel is busy), result kept. */
const PASSING: ReadonlySet<Failure['kind']> = new Set(['cellEditMode', 'busy']);

/** Whether two runs read the same thing (the same sheets chosen, the same year). */
const sameRun = (a: ReconcileOptions, b: ReconcileOptions) =>
  a.budgetSheet === b.budgetSheet && a.financingSheet === b.financingSheet && a.year === b.year;

/** The engine as its own chunk: the first screen does not need it. */
export const loadDefaultEngine = (): Promise<Engine> =>
  import(/* webpackChunkName: "engine" */ '../domain/reconcile/reconcile').then((m) => m.reconcile);

/** The outputs' layouts as their own chunk: only an insert needs them. */
export const loadDefaultOutputs = (): Promise<OutputBuilder> =>
  import(/* webpackChunkName: "outputs" */ './insertOutputs').then((m) => m.insertOutputs);

export function createReconcileController(options: ReconcileControllerOptions): ReconcileController {
  const { gateway } = options;
  const loadEngine = options.loadEngine ?? loadDefaultEngine;
  const loadOutputs = options.loadOutputs ?? loadDefaultOutputs;

  let state: ReconcileState = {
    lang: options.lang,
    platform: options.platform ?? 'desktop',
    run: { status: 'idle' },
    sheets: { sheets: null, loading: false, failure: null },
    selection: null,
    commandFailure: null,
    insert: { status: 'idle' },
    inserted: false,
    lastRead: null,
    registerWrite: { status: 'idle' },
    registerSheet: { status: 'idle' },
    reviewWrite: { status: 'idle' },
    live: { on: options.live ?? true, supported: null, pending: false },
    changes: null,
  };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<ReconcileState>) => {
    state = { ...state, ...patch };
    for (const l of [...listeners]) l();
  };

  const getEngine = lazyChunk(loadEngine);
  const getOutputs = lazyChunk(loadOutputs);
  const getReviewDomain = lazyChunk(loadReviewDomain);

  // Every read and write of the workbook, one after the other (see the header).
  let excelQueue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = excelQueue.then(work);
    excelQueue = next.catch(() => undefined);
    return next;
  };

  // The workbook as the last successful run read it: where the outputs go (the markers are in
  // its names). Kept up to date with what this pane writes, so a second insert replaces the first.
  let placement: PlacementView | null = null;

  let running: Promise<void> | null = null;
  // How the last run ended, for the live re-check (a run's promise resolves with nothing).
  let lastOutcome: RecheckOutcome = 'done';
  // The last successful run: what the next one's `changes` are counted from.
  let lastSuccess: { readonly result: ReconciliationResult; readonly options: ReconcileOptions } | null =
    null;
  let inserting: Promise<void> | null = null;
  let writingRegister: Promise<boolean> | null = null;
  // The options of the last run, for the run after a register write.
  let lastRunOptions: ReconcileOptions = {};
  // Answers to listSheets()/read() can arrive out of order; only the newest request may write.
  let sheetsRequest = 0;
  let selectRequest = 0;

  // The controller's own writes: a live re-check waits for them, and ignores the changes they make.
  const writes = createWriteGate();
  const live = createLiveCheck({
    gateway,
    exclusive,
    delayMs: options.liveDelayMs ?? 800,
    initiallyOn: state.live.on,
    getState: () => state.live,
    setState: (next) => update({ live: next }),
    gate: writes,
    running: () => running,
    recheck: async () => {
      await reconcileOnce(lastRunOptions, 'live');
      return lastOutcome;
    },
  });
  const review = createReviewActions({
    gateway,
    loadDomain: getReviewDomain,
    exclusive,
    gate: writes,
    now: options.now ?? machineClock,
    getState: () => state,
    setReviewWrite: (reviewWrite) => update({ reviewWrite }),
    running: () => running,
    rerun: () => reconcileOnce(lastRunOptions, 'quiet'),
  });

  const run = async (runOptions: ReconcileOptions, mode: RunMode): Promise<void> => {
    lastRunOptions = runOptions;
    // In the background, the result stays shown (with its scroll and focus) until the new one.
    if (mode === 'normal' || state.run.status !== 'done') update({ run: { status: 'loading' } });
    const request = ++sheetsRequest;
    let seq = 0;
    try {
      // The user's choice of sheets, made once: the gateway reads the sheets chooseSheets decides on
      // with it, and the engine reads its tables from the same decision (domain/reconcile/chooseSheets).
      const choice: SheetChoice = {
        budgetSheet: runOptions.budgetSheet,
        financingSheet: runOptions.financingSheet,
      };
      const readNow = () => {
        seq = live.readStarted();
        return gateway.read(choice);
      };
      const [read, reconcile, reviewing] = await Promise.all([
        exclusive(readNow),
        getEngine(),
        getReviewDomain(),
      ]);
      if (request === sheetsRequest) {
        update({ sheets: { sheets: read.sheets, loading: false, failure: null } });
      }
      const result = reconcile(read.snapshot, { ...choice, year: runOptions.year });
      placement = placementOf(read);
      const previous = lastSuccess;
      // After the pane's own review write the findings are the same ones: nothing to announce
      // beside "the explanation is saved".
      const changes =
        mode !== 'quiet' && previous !== null && sameRun(previous.options, runOptions)
          ? reviewing.resultChanges(previous.result.findings, result.findings)
          : null;
      lastSuccess = { result, options: runOptions };
      // What was read is now the truth about the register sheet, not the last show or hide.
      update({
        run: { status: 'done', result },
        lastRead: lastReadOf(read, choice, result),
        registerSheet: { status: 'idle' },
        changes,
      });
      lastOutcome = 'done';
      live.runDone(seq, result);
    } catch (error) {
      const failure = toFailure(error);
      if (mode === 'live' && state.run.status === 'done' && PASSING.has(failure.kind)) {
        lastOutcome = 'retry';
        return;
      }
      lastOutcome = 'failed';
      update({ run: { status: 'error', failure }, changes: null });
    }
  };

  /** The last run's result, reconciling first when there is none (or the last one failed). */
  const doneRun = async (): Promise<ReconciliationResult | null> => {
    if (running !== null) await running;
    if (state.run.status !== 'done' || placement === null) await reconcileOnce({}, 'normal');
    return state.run.status === 'done' ? state.run.result : null;
  };

  const writeInsert = async (target: InsertTarget): Promise<void> => {
    const result = await doneRun();
    // The run's failure is in the run's state, shown at the Avstem button: nothing to write.
    if (result === null || placement === null) return;
    update({ insert: { status: 'writing', target, progress: 0 } });
    const isCurrent = () => state.insert.status === 'writing' && state.insert.target === target;
    try {
      if (target.kind === 'card' && result.entries[target.project]?.fields.kind !== 'project') {
        // The pane offers only the run's projects: anything else is a bug.
        throw new Error(`No project at register entry ${target.project}`);
      }
      const build = await getOutputs();
      const { outputs, cardSelection } = build(result, state.lang, placement, target);
      const activate = outputs.sheets[0]?.placement.sheet;
      const written = await writes.run(() =>
        exclusive(() =>
          gateway.writeOutputs(outputs, {
            activate,
            onProgress: (done) => {
              if (isCurrent()) {
                update({ insert: { status: 'writing', target, progress: Math.min(1, Math.max(0, done)) } });
              }
            },
          }),
        ),
      );
      placement = afterWrite(placement, written.sheets, outputs.names, cardSelection);
      const known = state.sheets.sheets;
      if (known !== null) {
        const added = written.sheets.filter((name) => !known.some((s) => sameName(s.name, name)));
        const sheets = [...known, ...added.map((name) => ({ name, visibility: 'visible' as const }))];
        update({ sheets: { ...state.sheets, sheets } });
      }
      update({
        insert: { status: 'done', target, sheets: written.sheets, leftOut: written.leftOut },
        inserted: true,
      });
    } catch (error) {
      update({ insert: { status: 'error', target, failure: toFailure(error) } });
    }
  };

  const reconcileOnce = (runOptions: ReconcileOptions, mode: RunMode): Promise<void> => {
    if (running === null) {
      running = run(runOptions, mode).finally(() => {
        running = null;
      });
    }
    return running;
  };

  const doWriteRegister = async (
    register: Register,
    change: RegisterChange,
    sheets: readonly SheetModel[] = [],
  ): Promise<boolean> => {
    // The fingerprint of the register the edit was made on: taken now, before any run under way
    // replaces it (if that run reads a co-author's change, the write is refused, as it should be).
    const basedOn = state.lastRead?.registerFingerprint ?? null;
    update({ registerWrite: { status: 'writing', change } });
    try {
      if (running !== null) await running;
      // The sheets first: if they cannot be written, nothing is (the writer puts the workbook back).
      if (sheets.length > 0) await exclusive(() => gateway.writeOutputs(newSheets(sheets)));
      const written = await exclusive(() => gateway.writeRegister(register, { basedOn }));
      const last = state.lastRead;
      if (last !== null) {
        update({
          lastRead: { ...last, register, registerFingerprint: written.fingerprint, hasRegisterSheet: true },
        });
      }
    } catch (error) {
      update({ registerWrite: { status: 'error', change, failure: toFailure(error) } });
      return false;
    }
    await reconcileOnce(lastRunOptions, 'normal');
    update({ registerWrite: { status: 'done', change } });
    return true;
  };

  const insert = (kind: InsertKind, project?: number): Promise<void> => {
    if (inserting === null) {
      const target: InsertTarget = kind === 'card' ? { kind, project: project ?? -1 } : { kind };
      inserting = writeInsert(target).finally(() => {
        inserting = null;
      });
    }
    return inserting;
  };

  const controller: ReconcileController = {
    get lang() {
      return state.lang;
    },
    setLang(next) {
      // "What changed" was said in the other language; the next run says it again.
      if (next !== state.lang) update({ lang: next, changes: null });
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    reconcile(runOptions = {}) {
      return reconcileOnce(runOptions, 'normal');
    },
    insert,
    writeRegister(register, change) {
      if (writingRegister === null) {
        writingRegister = writes
          .run(() => doWriteRegister(register, change))
          .finally(() => {
            writingRegister = null;
          });
      }
      return writingRegister;
    },
    importPlan(register, sheets) {
      if (writingRegister === null) {
        const change: RegisterChange = {
          kind: 'plan',
          entries: register.entries.length,
          sources: register.sources.length,
          sheets: sheets.map((s) => s.name),
        };
        writingRegister = writes
          .run(() => doWriteRegister(register, change, sheets))
          .finally(() => {
            writingRegister = null;
          });
      }
      return writingRegister;
    },
    async setRegisterVisible(visible) {
      await writes.run(async () => {
        update({ registerSheet: { status: 'working', visible } });
        try {
          const sheet = await exclusive(() => gateway.setRegisterVisible(visible));
          update({ registerSheet: { status: 'done', visible, sheet } });
        } catch (error) {
          update({ registerSheet: { status: 'error', visible, failure: toFailure(error) } });
          return;
        }
        await controller.refreshSheets();
      });
    },
    dismissRegisterWrite() {
      if (state.registerWrite.status !== 'writing') update({ registerWrite: { status: 'idle' } });
    },
    existingOutput(kind) {
      return placement === null ? null : markedSheet(placement, kind);
    },
    async select(ref) {
      const request = ++selectRequest;
      update({ selection: { ref, status: 'selecting' } });
      try {
        await gateway.select(ref);
        if (request === selectRequest) update({ selection: { ref, status: 'selected' } });
      } catch (error) {
        if (request === selectRequest)
          update({ selection: { ref, status: 'error', failure: toFailure(error) } });
      }
    },
    async refreshSheets() {
      const request = ++sheetsRequest;
      update({ sheets: { ...state.sheets, loading: true } });
      try {
        const sheets = await exclusive(() => gateway.listSheets());
        if (request === sheetsRequest) update({ sheets: { sheets, loading: false, failure: null } });
      } catch (error) {
        if (request === sheetsRequest) {
          update({ sheets: { sheets: state.sheets.sheets, loading: false, failure: toFailure(error) } });
        }
      }
    },
    async preloadEngine() {
      try {
        await getEngine();
      } catch {
        // Preloading is a guess; the run that needs the engine reports the failure.
      }
    },
    ...review,
    setLive: (on) => live.setOn(on),
    dispose: () => live.dispose(),
    reportCommandFailure(error) {
      update({ commandFailure: toFailure(error) });
    },
    dismissCommandFailure() {
      update({ commandFailure: null });
    },
  };
  return controller;
}
