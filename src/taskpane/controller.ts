/**
 * The task pane's state and every Excel call it makes, outside React.
 *
 * One controller per runtime: the pane renders it through hooks (useSyncExternalStore), and the
 * ribbon's Avstem command (src/commands/commands.ts) drives the same instance, so a run started
 * from the ribbon is what the pane shows. Components never call the gateway themselves.
 *
 * Failures never escape as rejections: every method resolves, and what went wrong is in the
 * state (as an ExcelFailure kind the pane can explain), never only on the console.
 */
import type { Lang } from '../domain/messages';
import type { ReconcileOptions, ReconciliationResult } from '../domain/reconcile/reconcile';
import type { WorkbookSnapshot } from '../domain/snapshot';
import { ExcelFailure, type ExcelFailureKind, type SheetInfo, type WorkbookGateway } from '../excel/gateway';

/** A failure as plain data: what the pane needs to explain it. */
export interface Failure {
  readonly kind: ExcelFailureKind;
  /** Office's error code, when there is one. */
  readonly code?: string;
  /** Office's debug info or the error's message, for the details line. */
  readonly detail?: string;
}

export type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'done'; readonly result: ReconciliationResult }
  | { readonly status: 'error'; readonly failure: Failure };

export interface SheetsState {
  /** The worksheets in tab order; null until the first listSheets() or read() answers. */
  readonly sheets: readonly SheetInfo[] | null;
  readonly loading: boolean;
  readonly failure: Failure | null;
}

export type SelectionState =
  | null
  | { readonly ref: string; readonly status: 'selecting' }
  | { readonly ref: string; readonly status: 'selected' }
  | { readonly ref: string; readonly status: 'error'; readonly failure: Failure };

export interface ReconcileState {
  readonly lang: Lang;
  readonly run: RunState;
  readonly sheets: SheetsState;
  /** The last cell a finding asked Excel to select. */
  readonly selection: SelectionState;
  /** The ribbon command ran but could not bring up the pane; shown when the pane is opened. */
  readonly commandFailure: Failure | null;
}

/** The domain engine's entry point, loaded on demand (it is not part of the first screen). */
export type Engine = (snapshot: WorkbookSnapshot, options?: ReconcileOptions) => ReconciliationResult;

export interface ReconcileControllerOptions {
  readonly gateway: WorkbookGateway;
  readonly lang: Lang;
  /** How to load the engine; by default a separate webpack chunk. Tests may pass it directly. */
  readonly loadEngine?: () => Promise<Engine>;
}

export interface ReconcileController {
  readonly lang: Lang;
  getState(): ReconcileState;
  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /**
   * Reads the workbook and reconciles it. While a run is in progress, a second call starts
   * nothing and returns the run already under way (its options are ignored).
   */
  reconcile(options?: ReconcileOptions): Promise<void>;
  /** Asks Excel to show a finding's cell, e.g. `Budsjett!B9`. */
  select(ref: string): Promise<void>;
  /** Re-reads the list of worksheets (what the pane shows before the first run). */
  refreshSheets(): Promise<void>;
  /** Starts loading the engine chunk, so that the first run does not wait for it. */
  preloadEngine(): Promise<void>;
  /** Records a failure of the ribbon command that happened outside the run. */
  reportCommandFailure(error: unknown): void;
  dismissCommandFailure(): void;
}

/** The engine as its own chunk: the first screen does not need it. */
export const loadDefaultEngine = (): Promise<Engine> =>
  import(/* webpackChunkName: "engine" */ '../domain/reconcile/reconcile').then((m) => m.reconcile);

/** Turns anything thrown into a Failure: an ExcelFailure keeps its kind, anything else is a bug. */
export function toFailure(error: unknown): Failure {
  if (isExcelFailure(error)) {
    return { kind: error.kind, code: error.code, detail: error.detail ?? error.message };
  }
  if (error instanceof Error) {
    // A lazy chunk that could not be fetched: the connection, not a bug; trying again may work.
    if (error.name === 'ChunkLoadError') return { kind: 'busy', detail: error.message };
    // An Office error that did not pass through the gateway (e.g. Office.addin.showAsTaskpane).
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return { kind: 'office', code, detail: error.message };
    return { kind: 'unexpected', detail: error.message };
  }
  return { kind: 'unexpected', detail: String(error) };
}

/** instanceof, or the same shape (two copies of gateway.ts in one page must not turn into bugs). */
function isExcelFailure(error: unknown): error is ExcelFailure {
  return (
    error instanceof ExcelFailure ||
    (error instanceof Error &&
      error.name === 'ExcelFailure' &&
      typeof (error as ExcelFailure).kind === 'string')
  );
}

export function createReconcileController(options: ReconcileControllerOptions): ReconcileController {
  const { gateway, lang } = options;
  const loadEngine = options.loadEngine ?? loadDefaultEngine;

  let state: ReconcileState = {
    lang,
    run: { status: 'idle' },
    sheets: { sheets: null, loading: false, failure: null },
    selection: null,
    commandFailure: null,
  };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<ReconcileState>) => {
    state = { ...state, ...patch };
    for (const l of [...listeners]) l();
  };

  let engine: Promise<Engine> | null = null;
  const getEngine = (): Promise<Engine> => {
    if (engine === null) {
      const loading = loadEngine();
      engine = loading;
      // A failed load is not cached: the next run tries again.
      loading.catch(() => {
        if (engine === loading) engine = null;
      });
    }
    return engine;
  };

  let running: Promise<void> | null = null;
  // Answers to listSheets()/read() can arrive out of order; only the newest request may write.
  let sheetsRequest = 0;
  let selectRequest = 0;

  const run = async (runOptions: ReconcileOptions): Promise<void> => {
    update({ run: { status: 'loading' } });
    const request = ++sheetsRequest;
    try {
      const readOptions = { budgetSheet: runOptions.budgetSheet, financingSheet: runOptions.financingSheet };
      const [read, reconcile] = await Promise.all([gateway.read(readOptions), getEngine()]);
      if (request === sheetsRequest) {
        update({ sheets: { sheets: read.sheets, loading: false, failure: null } });
      }
      const result = reconcile(read.snapshot, runOptions);
      update({ run: { status: 'done', result } });
    } catch (error) {
      update({ run: { status: 'error', failure: toFailure(error) } });
    }
  };

  return {
    lang,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    reconcile(runOptions = {}) {
      if (running === null) {
        running = run(runOptions).finally(() => {
          running = null;
        });
      }
      return running;
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
        const sheets = await gateway.listSheets();
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
    reportCommandFailure(error) {
      update({ commandFailure: toFailure(error) });
    },
    dismissCommandFailure() {
      update({ commandFailure: null });
    },
  };
}
