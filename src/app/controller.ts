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
 */
import type { Lang } from '../domain/messages';
import type { SheetModel } from '../domain/model';
import type { Outputs } from '../domain/outputs';
import { MARKER_NAMES, type OutputKind } from '../domain/outputs/placement';
import type { ReconcileOptions, ReconciliationResult } from '../domain/reconcile/reconcile';
import { REGISTER_SHEET, type Register } from '../domain/register/types';
import type { WorkbookSnapshot } from '../domain/snapshot';
import {
  ExcelFailure,
  type ExcelFailureKind,
  type LeftOut,
  type ReadOptions,
  type SheetInfo,
  type WorkbookGateway,
  type WorkbookRead,
} from '../excel/gateway';
import type { InsertTarget, insertOutputs, PlacementView } from './insertOutputs';

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

/** What the pane inserts: one output, all three, or one project's card. */
export type InsertKind = OutputKind | 'all' | 'card';

export type { InsertTarget } from './insertOutputs';

export type InsertState =
  | { readonly status: 'idle' }
  /** `progress`: 0..1, as the gateway reports it. */
  | { readonly status: 'writing'; readonly target: InsertTarget; readonly progress: number }
  | {
      readonly status: 'done';
      readonly target: InsertTarget;
      /** The sheets written, by their names in the workbook. */
      readonly sheets: readonly string[];
      /** What this Excel could not write, e.g. `chart`. */
      readonly leftOut: readonly LeftOut[];
    }
  | { readonly status: 'error'; readonly target: InsertTarget; readonly failure: Failure };

/**
 * What the pane last read of the workbook, kept while a new run loads (the register editor's
 * draft must not vanish because a run started). `register` and `registerFingerprint` always go
 * together: the register the pane shows and the fingerprint of the sheet it came from, so that
 * an edit of it is written with the right `basedOn`.
 */
export interface LastRead {
  readonly snapshot: WorkbookSnapshot;
  readonly options: ReadOptions;
  /** The register sheet's fingerprint after the last read or write; null when there is none. */
  readonly registerFingerprint: string | null;
  /** The register as read (or as this pane last wrote it); null when there is none or it is unusable. */
  readonly register: Register | null;
  /** Whether the workbook has a register sheet (it may still be unusable, e.g. a newer format). */
  readonly hasRegisterSheet: boolean;
  /** How many register rows or tables the last run could not read (REGISTER_INVALID findings). */
  readonly unreadableRegisterRows: number;
}

/** What a register write does, for the progress and outcome messages. */
export type RegisterChange =
  | { readonly kind: 'create'; readonly entries: number; readonly sources: number }
  | { readonly kind: 'import'; readonly entries: number; readonly sources: number }
  | { readonly kind: 'save'; readonly name: string }
  | { readonly kind: 'delete'; readonly name: string }
  | { readonly kind: 'alias'; readonly label: string; readonly target: string }
  /** The action plan read in: the register written, and `sheets` (budget, financing) added. */
  | {
      readonly kind: 'plan';
      readonly entries: number;
      readonly sources: number;
      readonly sheets: readonly string[];
    };

export type RegisterWriteState =
  | { readonly status: 'idle' }
  /** Writing, then reconciling again on what was written. */
  | { readonly status: 'writing'; readonly change: RegisterChange }
  | { readonly status: 'done'; readonly change: RegisterChange }
  | { readonly status: 'error'; readonly change: RegisterChange; readonly failure: Failure };

/** The last "show / hide the register sheet" (`setRegisterVisible`). */
export type RegisterSheetState =
  | { readonly status: 'idle' }
  | { readonly status: 'working'; readonly visible: boolean }
  | { readonly status: 'done'; readonly visible: boolean; readonly sheet: string }
  | { readonly status: 'error'; readonly visible: boolean; readonly failure: Failure };

export interface ReconcileState {
  readonly lang: Lang;
  readonly platform: OfficePlatform;
  readonly run: RunState;
  readonly sheets: SheetsState;
  /** The last cell a finding asked Excel to select. */
  readonly selection: SelectionState;
  /** The ribbon command ran but could not bring up the pane; shown when the pane is opened. */
  readonly commandFailure: Failure | null;
  /** The last insert of outputs into the workbook. */
  readonly insert: InsertState;
  /** Whether an insert has succeeded since the pane opened (the undo note is shown until then). */
  readonly inserted: boolean;
  /** The workbook as the last successful run read it; null before the first. */
  readonly lastRead: LastRead | null;
  /** The last write of the project register. */
  readonly registerWrite: RegisterWriteState;
  /** The last showing or hiding of the register sheet in Excel. */
  readonly registerSheet: RegisterSheetState;
}

/** The domain engine's entry point, loaded on demand (it is not part of the first screen). */
export type Engine = (snapshot: WorkbookSnapshot, options?: ReconcileOptions) => ReconciliationResult;

/** Builds the outputs of an insert, loaded on demand (the domain's layouts are not part of the first screen). */
export type OutputBuilder = typeof insertOutputs;

/**
 * Which Excel the pane runs in, for what it says about undo: Excel on the web can undo renaming a
 * sheet, Excel on Windows and Mac cannot (Microsoft's "Undo support with the Excel JavaScript
 * API"); neither can undo deleting one.
 */
export type OfficePlatform = 'web' | 'desktop';

export interface ReconcileControllerOptions {
  readonly gateway: WorkbookGateway;
  readonly lang: Lang;
  /** By default 'desktop': what is said about undo there holds in every Excel. */
  readonly platform?: OfficePlatform;
  /** How to load the engine; by default a separate webpack chunk. Tests may pass it directly. */
  readonly loadEngine?: () => Promise<Engine>;
  /** How to load the output builder; by default a separate webpack chunk. */
  readonly loadOutputs?: () => Promise<OutputBuilder>;
}

export interface ReconcileController {
  /** The pane's language (state.lang). */
  readonly lang: Lang;
  /**
   * Changes the pane's language (the local preview's language switch; Office's display language
   * does not change while a pane is open). Only what is shown changes: the last run's result, the
   * register editor and the rest of the state are kept, and drawn in the new language.
   */
  setLang(lang: Lang): void;
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
  /**
   * Writes an output (or all three) into the workbook and activates it, after the last run
   * (reconciling first when there is none, or it failed). A marked earlier output is replaced.
   * While an insert is in progress, a second call starts nothing and returns the one under way.
   */
  insert(kind: OutputKind | 'all'): Promise<void>;
  /**
   * One project's card, added to the project cards sheet with the cards already on it (or on a new
   * one); `project` is its index in the register's entries.
   */
  insert(kind: 'card', project: number): Promise<void>;
  /**
   * Writes `register` (an edit of `lastRead.register`) into the workbook's register sheet, based
   * on the fingerprint of the register it was edited from (none: the sheet is created), then
   * reconciles again. Resolves true when written; false when the write failed (the failure is in
   * `registerWrite`: e.g. `changed` when a co-author changed the sheet; nothing was written).
   * While a write is in progress, a second call starts nothing and returns the one under way.
   */
  writeRegister(register: Register, change: RegisterChange): Promise<boolean>;
  /**
   * The action plan read in: first `sheets` (the budget and financing sheets the workbook lacks)
   * as new sheets, in one write that adds them all or none and never touches a sheet of the user's
   * (a name taken meanwhile is refused), then the register as `writeRegister` writes it, then a
   * run. Resolves as `writeRegister`; the outcome is in `registerWrite`.
   */
  importPlan(register: Register, sheets: readonly SheetModel[]): Promise<boolean>;
  dismissRegisterWrite(): void;
  /**
   * Shows the register sheet in Excel (visible, still protected, activated), or hides it again
   * (very hidden), then lists the sheets again. Outcome in `registerSheet`.
   */
  setRegisterVisible(visible: boolean): Promise<void>;
  /**
   * The sheet holding this kind's output according to the last read (its marker name points at
   * an existing sheet), or null: the ribbon refreshes the reconciliation sheet only if there is one.
   */
  existingOutput(kind: OutputKind): string | null;
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

/** The outputs' layouts as their own chunk: only an insert needs them. */
export const loadDefaultOutputs = (): Promise<OutputBuilder> =>
  import(/* webpackChunkName: "outputs" */ './insertOutputs').then((m) => m.insertOutputs);

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
  };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<ReconcileState>) => {
    state = { ...state, ...patch };
    for (const l of [...listeners]) l();
  };

  const getEngine = lazyChunk(loadEngine);
  const getOutputs = lazyChunk(loadOutputs);

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
  const placementOf = (read: WorkbookRead): PlacementView => ({
    sheetNames: read.sheets.map((s) => s.name),
    names: read.snapshot.names ?? [],
    cardSelection: read.cardSelection ?? null,
  });

  let running: Promise<void> | null = null;
  let inserting: Promise<void> | null = null;
  let writingRegister: Promise<boolean> | null = null;
  // The options of the last run, for the run after a register write.
  let lastRunOptions: ReconcileOptions = {};
  // Answers to listSheets()/read() can arrive out of order; only the newest request may write.
  let sheetsRequest = 0;
  let selectRequest = 0;

  const run = async (runOptions: ReconcileOptions): Promise<void> => {
    lastRunOptions = runOptions;
    update({ run: { status: 'loading' } });
    const request = ++sheetsRequest;
    try {
      const readOptions = { budgetSheet: runOptions.budgetSheet, financingSheet: runOptions.financingSheet };
      const [read, reconcile] = await Promise.all([exclusive(() => gateway.read(readOptions)), getEngine()]);
      if (request === sheetsRequest) {
        update({ sheets: { sheets: read.sheets, loading: false, failure: null } });
      }
      const result = reconcile(read.snapshot, runOptions);
      placement = placementOf(read);
      // What was read is now the truth about the register sheet, not the last show or hide.
      update({
        run: { status: 'done', result },
        lastRead: lastReadOf(read, readOptions, result),
        registerSheet: { status: 'idle' },
      });
    } catch (error) {
      update({ run: { status: 'error', failure: toFailure(error) } });
    }
  };

  /** The last run's result, reconciling first when there is none (or the last one failed). */
  const doneRun = async (): Promise<ReconciliationResult | null> => {
    if (running !== null) await running;
    if (state.run.status !== 'done' || placement === null) await reconcileOnce({});
    return state.run.status === 'done' ? state.run.result : null;
  };

  const writeInsert = async (target: InsertTarget): Promise<void> => {
    const result = await doneRun();
    // The run's failure is in the run's state, shown at the Avstem button: nothing to write.
    if (result === null || placement === null) return;
    update({ insert: { status: 'writing', target, progress: 0 } });
    const isCurrent = () => state.insert.status === 'writing' && state.insert.target === target;
    try {
      if (target.kind === 'card' && result.plan.index?.register.entries[target.project]?.kind !== 'project') {
        // The pane offers only the run's projects: anything else is a bug.
        throw new Error(`No project at register entry ${target.project}`);
      }
      const build = await getOutputs();
      const { outputs, cardSelection } = build(result, state.lang, placement, target);
      const activate = outputs.sheets[0]?.placement.sheet;
      const written = await exclusive(() =>
        gateway.writeOutputs(outputs, {
          activate,
          onProgress: (done) => {
            if (isCurrent()) {
              update({ insert: { status: 'writing', target, progress: Math.min(1, Math.max(0, done)) } });
            }
          },
        }),
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

  const reconcileOnce = (runOptions: ReconcileOptions): Promise<void> => {
    if (running === null) {
      running = run(runOptions).finally(() => {
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
    await reconcileOnce(lastRunOptions);
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
      if (next !== state.lang) update({ lang: next });
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    reconcile(runOptions = {}) {
      return reconcileOnce(runOptions);
    },
    insert,
    writeRegister(register, change) {
      if (writingRegister === null) {
        writingRegister = doWriteRegister(register, change).finally(() => {
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
        writingRegister = doWriteRegister(register, change, sheets).finally(() => {
          writingRegister = null;
        });
      }
      return writingRegister;
    },
    async setRegisterVisible(visible) {
      update({ registerSheet: { status: 'working', visible } });
      try {
        const sheet = await exclusive(() => gateway.setRegisterVisible(visible));
        update({ registerSheet: { status: 'done', visible, sheet } });
      } catch (error) {
        update({ registerSheet: { status: 'error', visible, failure: toFailure(error) } });
        return;
      }
      await controller.refreshSheets();
    },
    dismissRegisterWrite() {
      if (state.registerWrite.status !== 'writing') update({ registerWrite: { status: 'idle' } });
    },
    existingOutput(kind) {
      if (placement === null) return null;
      const marker = placement.names.find((n) => sameName(n.name, MARKER_NAMES[kind]));
      return (
        placement.sheetNames.find((name) => marker !== undefined && sameName(name, marker.sheet)) ?? null
      );
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
    reportCommandFailure(error) {
      update({ commandFailure: toFailure(error) });
    },
    dismissCommandFailure() {
      update({ commandFailure: null });
    },
  };
  return controller;
}

/**
 * New sheets of the user's (the plan's budget and financing) as the outputs' writer takes them:
 * that writer adds sheets in batched round trips, whole or not at all, and refuses a name that is
 * taken. No marker name is written (`names` is empty), so no later insert takes them for its own;
 * `kind` only chooses a marker, hence any.
 */
function newSheets(sheets: readonly SheetModel[]): Outputs {
  return {
    sheets: sheets.map((sheet) => ({
      placement: { kind: 'reconciliation', sheet: sheet.name, replaces: null },
      sheet,
    })),
    names: [],
  };
}

/** What the pane keeps of a successful run's read. */
function lastReadOf(read: WorkbookRead, options: ReadOptions, result: ReconciliationResult): LastRead {
  const registerSheet = REGISTER_SHEET.toLowerCase();
  return {
    snapshot: read.snapshot,
    options,
    registerFingerprint: read.registerFingerprint,
    register: result.plan.index?.register ?? null,
    hasRegisterSheet:
      result.sources.registerSheet !== null ||
      read.snapshot.sheets.some((s) => s.name.trim().toLowerCase() === registerSheet),
    unreadableRegisterRows: result.findings.filter((f) => f.code === 'REGISTER_INVALID').length,
  };
}

/** Loads a chunk once; a failed load is not cached, so the next call tries again. */
function lazyChunk<T>(load: () => Promise<T>): () => Promise<T> {
  let chunk: Promise<T> | null = null;
  return () => {
    if (chunk === null) {
      const loading = load();
      chunk = loading;
      loading.catch(() => {
        if (chunk === loading) chunk = null;
      });
    }
    return chunk;
  };
}

/** Excel's sheet and defined names are case-insensitive. */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The placement view after a write: the written sheets exist, the markers point at them, and the
 * cards sheet holds what was written on it (`cardSelection`: undefined when it was not written).
 */
function afterWrite(
  view: PlacementView,
  written: readonly string[],
  markers: readonly { readonly name: string; readonly sheet: string; readonly ref: string }[],
  cardSelection: readonly string[] | null | undefined,
): PlacementView {
  const added = written.filter((name) => !view.sheetNames.some((s) => sameName(s, name)));
  const names = view.names.filter((n) => !markers.some((m) => sameName(m.name, n.name)));
  return {
    sheetNames: [...view.sheetNames, ...added],
    names: [...names, ...markers.map(({ name, sheet, ref }) => ({ name, sheet, ref }))],
    cardSelection: cardSelection === undefined ? view.cardSelection : cardSelection,
  };
}
