/**
 * The contract between the task pane (hooks) and whatever holds the workbook.
 *
 * In Excel the gateway is the Office.js adapter on `Excel.run`; in the local
 * preview and in tests it is the same adapter, on Microsoft's Office.js client
 * talking to the in-memory Excel host (src/host).
 * Components never see it: hooks call it and hand plain values down.
 */
import type { Outputs } from '../domain/outputs';
import type { Register } from '../domain/register/types';
import type { Explanation, ReviewState, SignOff } from '../domain/review';
import type { WorkbookSnapshot } from '../domain/snapshot';

export interface SheetInfo {
  readonly name: string;
  readonly visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface ReadOptions {
  /** Read this sheet as the budget (the user's choice); otherwise found by name. */
  readonly budgetSheet?: string;
  readonly financingSheet?: string;
}

export interface WorkbookRead {
  /**
   * Snapshots of the sheets the engine needs (budget, financing, register), whichever exist,
   * and the workbook-level names (the outputs' markers, `PlanReconciler_*`).
   */
  readonly snapshot: WorkbookSnapshot;
  /** Every worksheet of the workbook, in tab order. */
  readonly sheets: readonly SheetInfo[];
  /** `context.sync()` round trips this read took. */
  readonly syncs: number;
  /**
   * What the register sheet held when read (`registerFingerprint()` of its cells), null when the
   * workbook has none: `writeRegister` refuses to write over a register changed since.
   */
  readonly registerFingerprint: string | null;
  /**
   * The projects' keys the project cards sheet records when it holds only some cards (the pane's
   * "one project's card", see domain/outputs/cardSelection.ts); null when it holds every card, or
   * there is no cards sheet. Absent: as null.
   */
  readonly cardSelection?: readonly string[] | null;
}

/** Why an Excel call failed, in terms the pane can explain to a finance officer. */
export type ExcelFailureKind =
  /** A cell is being edited (Excel rejects API calls until the edit ends). */
  | 'cellEditMode'
  /** A request or response went over Excel on the web's payload limit. */
  | 'payloadTooLarge'
  /** This Excel lacks an API requirement set the add-in needs. */
  | 'unsupported'
  /** The sheet or cell named is not in the workbook (any more). */
  | 'notFound'
  /** The cell is on a hidden sheet (the register), which Excel will not show until it is unhidden. */
  | 'hiddenSheet'
  /** The workbook is protected or shared in a way that forbids the call. */
  | 'accessDenied'
  /** The sheet is protected with a password (by a user): the add-in cannot unprotect it. */
  | 'password'
  /** A table would cover merged cells or another table (`MergedRangeConflict`). */
  | 'conflict'
  /** The register changed in the workbook since the pane read it (a co-author): nothing was written. */
  | 'changed'
  /**
   * The review log kept changing while this write checked it (co-authors writing the same rows at
   * once): what was written is on the log, with every co-author's entry; trying again lands it.
   */
  | 'logChanged'
  /**
   * The review log (`Avstemmingslogg`) is in a newer format, or holds what this version does not
   * understand: it is read, never written (nothing was written).
   */
  | 'readOnly'
  /** Excel is busy or the connection dropped; trying again may work. */
  | 'busy'
  /** Any other Office error, with its code. */
  | 'office'
  /** Not an Office error: a bug. */
  | 'unexpected';

export class ExcelFailure extends Error {
  constructor(
    readonly kind: ExcelFailureKind,
    message: string,
    /** Office's error code (`OfficeExtension.Error.code`), when there is one. */
    readonly code?: string,
    /** Office's debug info or the original error's message, for the details line. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ExcelFailure';
  }
}

export interface WriteOptions {
  /** The output sheet to activate when done (its name after writing). */
  readonly activate?: string;
  /** Called as the writing progresses, 0..1, for the pane's progress bar. */
  readonly onProgress?: (done: number) => void;
}

/** What a writer leaves out in an Excel without the API for it (the pane names each in its language). */
export const LEFT_OUT = ['chart', 'conditionalFormat', 'freezePanes', 'print', 'indent', 'protect'] as const;
export type LeftOut = (typeof LEFT_OUT)[number];

export function isLeftOut(name: string): name is LeftOut {
  return (LEFT_OUT as readonly string[]).includes(name);
}

export interface RegisterWriteOptions {
  /**
   * The `registerFingerprint` of the read the edit started from; null to create a register
   * where there was none. The write is refused (`changed`) when the sheet differs from it now.
   */
  readonly basedOn: string | null;
}

export interface RegisterWriteResult {
  /** The register sheet's fingerprint after the write: the next write's `basedOn`. */
  readonly fingerprint: string;
  readonly syncs: number;
}

export interface WriteResult {
  /** The sheets written, by their names after writing. */
  readonly sheets: readonly string[];
  /** What this Excel could not write and left out, e.g. `chart` without the chart API. */
  readonly leftOut: readonly LeftOut[];
  /** `context.sync()` round trips the write took. */
  readonly syncs: number;
}

/** Entries to add to the review log (domain/review): explanations and sign-offs, in order. */
export interface ReviewAppend {
  readonly explanations?: readonly Explanation[];
  readonly signOffs?: readonly SignOff[];
}

export interface ReviewWriteResult {
  /** The log as written: what the sheet held when re-read, with the entries appended. */
  readonly state: ReviewState;
  /** The review sheet's name in the workbook. */
  readonly sheet: string;
  readonly syncs: number;
}

/** A change Excel reported on a watched sheet (`worksheet.onChanged`). */
export interface SheetChange {
  /** The sheet's name. */
  readonly sheet: string;
  /** The range changed, e.g. `B5` or `A3:C9`, when Excel says. */
  readonly address?: string;
  /** `local` (this user) or `remote` (a co-author), when Excel says. */
  readonly source?: 'local' | 'remote';
  /** True when Excel says this add-in made the change (`triggerSource` `ThisLocalAddin`, ExcelApi 1.14). */
  readonly byThisAddin?: boolean;
}

/** Stops watching: removes the handlers; resolves when they are removed. */
export type Unwatch = () => Promise<void>;

export interface WorkbookGateway {
  /** The worksheets, in tab order. One round trip. */
  listSheets(): Promise<readonly SheetInfo[]>;
  /** Reads what `reconcile()` needs. At most 2 round trips below the payload limit. */
  read(options?: ReadOptions): Promise<WorkbookRead>;
  /**
   * Activates the sheet and selects the cell or range of a finding,
   * e.g. `Budsjett!B9` or `'Finansiering 2012'!C4`.
   */
  select(ref: string): Promise<void>;
  /**
   * Writes the outputs where `outputs` places them: a new sheet, or in place of the marked
   * output sheet it replaces (same position); then the marker names. A user's sheet is never
   * touched. If anything fails, the workbook is left as it was before the call (no half-written
   * output replaces a complete one).
   */
  writeOutputs(outputs: Outputs, options?: WriteOptions): Promise<WriteResult>;
  /**
   * Shows the register sheet (`visible`: made visible, still protected, and activated) or hides it
   * again (very hidden: Excel's own menus cannot unhide it). Resolves with the sheet's name;
   * `notFound` when the workbook has no register. Two round trips.
   */
  setRegisterVisible(visible: boolean): Promise<string>;
  /**
   * Writes the register sheet (`Prosjektregister`, very hidden, protected without a password) with
   * `register`, unknown columns kept; creates it when `basedOn` is null. Re-reads the sheet first
   * and refuses with `changed` when it is not what `basedOn` says, leaving it untouched.
   */
  writeRegister(register: Register, options: RegisterWriteOptions): Promise<RegisterWriteResult>;
  /**
   * Appends entries to the review log (`Avstemmingslogg`, very hidden, beside the register):
   * re-reads the sheet in the same `Excel.run`, merges (what the sheet holds now, a co-author's
   * entries included, then those of `add` not already there; domain/review `mergeReview`), and
   * writes only the cells that differ, every value as text (a reason `=SUM(A1)` stays text).
   * Creates the sheet when there is none. Refuses with `readOnly` when the sheet is in a newer
   * format or holds what this version does not understand (nothing written). A fixed number of
   * round trips, whatever the log's size.
   */
  appendReview(add: ReviewAppend): Promise<ReviewWriteResult>;
  /**
   * Calls `onChange` after each change to the cells of these worksheets (`worksheet.onChanged`,
   * ExcelApi 1.7) until the returned function is called. Resolves null when this Excel cannot
   * (no ExcelApi 1.7): the pane offers "Avstem på nytt" instead. Sheets that do not exist are
   * skipped.
   */
  watchSheets(sheets: readonly string[], onChange: (change: SheetChange) => void): Promise<Unwatch | null>;
}
