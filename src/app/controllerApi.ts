/**
 * What the pane's controller offers (controller.ts implements it): its methods, the options it is
 * made with, and the two chunks it loads on demand (the engine and the outputs' layouts).
 */
import type { Lang } from '../domain/messages';
import type { SheetModel } from '../domain/model';
import type { OutputKind } from '../domain/outputs/placement';
import type { ReconcileOptions, ReconciliationResult } from '../domain/reconcile/reconcile';
import type { Register } from '../domain/register/types';
import type { WorkbookSnapshot } from '../domain/snapshot';
import type { WorkbookGateway } from '../excel/gateway';
import type { insertOutputs } from './insertOutputs';
import type { OfficePlatform, ReconcileState, RegisterChange } from './state';

/** The domain engine's entry point, loaded on demand (it is not part of the first screen). */
export type Engine = (snapshot: WorkbookSnapshot, options?: ReconcileOptions) => ReconciliationResult;

/** Builds the outputs of an insert, loaded on demand (the domain's layouts are not part of the first screen). */
export type OutputBuilder = typeof insertOutputs;

export interface ReconcileControllerOptions {
  readonly gateway: WorkbookGateway;
  readonly lang: Lang;
  /** By default 'desktop': what is said about undo there holds in every Excel. */
  readonly platform?: OfficePlatform;
  /** How to load the engine; by default a separate webpack chunk. Tests may pass it directly. */
  readonly loadEngine?: () => Promise<Engine>;
  /** How to load the output builder; by default a separate webpack chunk. */
  readonly loadOutputs?: () => Promise<OutputBuilder>;
  /** Live re-check on at the start (the pane passes what the user last chose); default true. */
  readonly live?: boolean;
  /** The pause after the last change before a live re-check, in ms; default 800. */
  readonly liveDelayMs?: number;
  /** The clock for explanations and sign-offs: ms since 1970 and the UTC offset in minutes; default the machine's. */
  readonly now?: () => { readonly epochMs: number; readonly offsetMinutes: number };
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
   * Marks the finding with this key (of the last run) explained, with `reason` (required) by `by`,
   * appended to the review log in the workbook (`gateway.appendReview`), then reconciles again.
   * Resolves true when written; false when refused (no reason, no name: `reviewWrite.refused`) or
   * the write failed (`reviewWrite.error`). One review write at a time: a second call while one is
   * under way starts nothing and resolves with the one under way.
   */
  explain(key: string, reason: string, by: string): Promise<boolean>;
  /** Takes the finding's explanation back (it is open again); as `explain`. */
  withdraw(key: string, by: string): Promise<boolean>;
  /**
   * Signs off the last run ("Godkjenn avstemmingen") as `by`: refused while errors are open
   * (`reviewWrite.refused`, reason `openErrors`); otherwise appended to the log, then a run.
   */
  signOff(by: string): Promise<boolean>;
  dismissReviewWrite(): void;
  /**
   * Turns live re-check on or off (`live.on`). On, the controller watches the sheets the last
   * run read (budget, financing, register, review log) and re-reconciles a pause after a change;
   * never while it is writing itself, and never two reads at once.
   */
  setLive(on: boolean): Promise<void>;
  /** Stops watching the workbook (the pane is closing). */
  dispose(): Promise<void>;
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
