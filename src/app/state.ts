/**
 * The pane's state as the controller keeps it (controller.ts): the run and its result, the sheet
 * list, the last selection, insert and register write, and what the pane last read of the
 * workbook. Plain data: the pane renders it, and only the controller changes it.
 */
import type { Lang } from '../domain/messages';
import type { OutputKind } from '../domain/outputs/placement';
import type { ReconciliationResult } from '../domain/reconcile/result';
import type { Refusal, ResultChanges } from '../domain/review';
import { REGISTER_SHEET, type Register } from '../domain/register/types';
import type { WorkbookSnapshot } from '../domain/snapshot';
import type { LeftOut, ReadOptions, SheetInfo, WorkbookRead } from '../excel/gateway';
import type { Failure } from './failure';
import type { InsertTarget } from './insertOutputs';

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

/** What a review write does: explain or withdraw a finding's explanation, or sign off. */
export type ReviewAction =
  | { readonly kind: 'explain'; readonly key: string }
  | { readonly kind: 'withdraw'; readonly key: string }
  | { readonly kind: 'signOff' };

export type ReviewWriteState =
  | { readonly status: 'idle' }
  /** Writing the review log, then reconciling again on what was written. */
  | { readonly status: 'writing'; readonly action: ReviewAction }
  | { readonly status: 'done'; readonly action: ReviewAction }
  /** Not made (nothing written): no reason, no name, errors open (domain/review `Refusal`). */
  | { readonly status: 'refused'; readonly action: ReviewAction; readonly refusal: Refusal }
  | { readonly status: 'error'; readonly action: ReviewAction; readonly failure: Failure };

/**
 * Live re-check: re-reconciling a short pause after an edit to the sheets a run reads
 * (`watchSheets`). `on` is the user's switch (the pane remembers it); `supported` is null until
 * the gateway has answered, false when this Excel cannot watch (the pane offers "Avstem på nytt").
 */
export interface LiveState {
  readonly on: boolean;
  readonly supported: boolean | null;
  /** A change was seen; a re-check waits for the pause (or for the run or write under way). */
  readonly pending: boolean;
}

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
  /** The last explanation, withdrawal or sign-off written to the review log. */
  readonly reviewWrite: ReviewWriteState;
  readonly live: LiveState;
  /**
   * What changed from the previous successful run's findings to this one's ("1 funn løst, 1 nytt");
   * null after the first run, or when the pane's language or the sheets chosen changed.
   */
  readonly changes: ResultChanges | null;
}

/**
 * Which Excel the pane runs in, for what it says about undo: Excel on the web can undo renaming a
 * sheet, Excel on Windows and Mac cannot (Microsoft's "Undo support with the Excel JavaScript
 * API"); neither can undo deleting one.
 */
export type OfficePlatform = 'web' | 'desktop';

/** What the pane keeps of a successful run's read. */
export function lastReadOf(read: WorkbookRead, options: ReadOptions, result: ReconciliationResult): LastRead {
  const registerSheet = REGISTER_SHEET.toLowerCase();
  return {
    snapshot: read.snapshot,
    options,
    registerFingerprint: read.registerFingerprint,
    register: result.register,
    hasRegisterSheet:
      result.sources.registerSheet !== null ||
      read.snapshot.sheets.some((s) => s.name.trim().toLowerCase() === registerSheet),
    unreadableRegisterRows: result.findings.filter((f) => f.code === 'REGISTER_INVALID').length,
  };
}
