/**
 * Test doubles for the task pane: a WorkbookGateway over the sample workbook (the worked example
 * of DOMAIN.md), and a promise whose settlement the test controls.
 */
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import { registerFingerprint } from '../../src/domain/register/fingerprint';
import type { Outputs } from '../../src/domain/outputs';
import type { SheetModel, WorkbookModel } from '../../src/domain/model';
import type { Register } from '../../src/domain/register/types';
import {
  REVIEW_SHEET,
  emptyReviewState,
  encodeReviewSheet,
  withEntries,
  type ReviewState,
} from '../../src/domain/review';
import type {
  RegisterWriteOptions,
  RegisterWriteResult,
  ReviewAppend,
  ReviewWriteResult,
  SheetChange,
  SheetInfo,
  Unwatch,
  WorkbookGateway,
  WorkbookRead,
} from '../../src/excel/gateway';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';

export type StubGateway = {
  [K in keyof WorkbookGateway]: jest.Mock<ReturnType<WorkbookGateway[K]>, Parameters<WorkbookGateway[K]>>;
};

/** What the gateway would read from a workbook built from `model`. */
export function readOf(model: WorkbookModel = sampleWorkbookModel()): WorkbookRead {
  const snapshot = modelToSnapshot(model);
  return { snapshot, sheets: sheetsOf(model), syncs: 1, registerFingerprint: registerFingerprint(snapshot) };
}

export function sheetsOf(model: WorkbookModel): SheetInfo[] {
  return model.sheets.map((s) => ({ name: s.name, visibility: s.visibility ?? 'visible' }));
}

/** A gateway on the sample workbook; override any method. */
export function stubGateway(model: WorkbookModel = sampleWorkbookModel()): StubGateway {
  const read = readOf(model);
  return {
    listSheets: jest.fn(async () => read.sheets),
    read: jest.fn(async () => read),
    select: jest.fn<Promise<void>, [string]>(async () => undefined),
    writeOutputs: jest.fn(async (outputs: Outputs) => ({
      sheets: outputs.sheets.map((s) => s.placement.sheet),
      leftOut: [],
      syncs: 1,
    })),
    setRegisterVisible: jest.fn<Promise<string>, [boolean]>(async () => 'Prosjektregister'),
    writeRegister: jest.fn<Promise<RegisterWriteResult>, [Register, RegisterWriteOptions]>(async () => ({
      fingerprint: 'written',
      syncs: 2,
    })),
    appendReview: jest.fn<Promise<ReviewWriteResult>, [ReviewAppend]>(async (add) => ({
      state: withEntries(emptyReviewState(), add),
      sheet: REVIEW_SHEET,
      syncs: 2,
    })),
    // This Excel cannot watch (no ExcelApi 1.7) unless a test says otherwise.
    watchSheets: jest.fn<Promise<Unwatch | null>, [readonly string[], (change: SheetChange) => void]>(
      async () => null,
    ),
  };
}

/** The review log's sheet as the gateway writes it (very hidden, every cell as stored). */
export function reviewSheetOf(state: ReviewState): SheetModel {
  const cells = encodeReviewSheet(state).flatMap((row, r) =>
    row.flatMap((value, c) => (value === null ? [] : [{ row: r, col: c, value }])),
  );
  return { name: REVIEW_SHEET, visibility: 'veryHidden', cells };
}

export interface WorkbookStub extends StubGateway {
  /** The workbook as it is now (after the writes and edits). */
  model(): WorkbookModel;
  /** The review log as it is now. */
  log(): ReviewState;
  /** Someone edits the workbook: the next read sees `model`. */
  edit(model: WorkbookModel): void;
  /**
   * What Excel reports to the handlers `watchSheets` installed (none: nothing is watched). Set
   * `watchable` to make watchSheets install them, as an Excel with ExcelApi 1.7 does.
   */
  /** Excel reports a change of `sheet`; `byThisAddin`: made by the add-in itself (ExcelApi 1.14). */
  change(sheet: string, byThisAddin?: boolean): void;
  /** The handlers installed and not removed. */
  watching(): readonly { readonly sheets: readonly string[] }[];
  /** Each Unwatch handed out, in order. */
  readonly unwatches: jest.Mock<Promise<void>, []>[];
}

/**
 * A gateway over a workbook that changes: appendReview appends to the review log sheet (the next
 * read sees it), `edit` changes the workbook behind the pane's back, and with `watchable`,
 * watchSheets installs handlers that `change` calls.
 */
export function workbookStub(
  initial: WorkbookModel = sampleWorkbookModel(),
  { watchable = false }: { readonly watchable?: boolean } = {},
): WorkbookStub {
  let model = initial;
  let log = emptyReviewState();
  const gateway = stubGateway(model);
  gateway.read.mockImplementation(async () => readOf(model));
  gateway.listSheets.mockImplementation(async () => sheetsOf(model));
  gateway.appendReview.mockImplementation(async (add) => {
    log = withEntries(log, add);
    model = { sheets: [...model.sheets.filter((s) => s.name !== REVIEW_SHEET), reviewSheetOf(log)] };
    return { state: log, sheet: REVIEW_SHEET, syncs: 2 };
  });
  const handlers = new Set<{ sheets: readonly string[]; onChange: (change: SheetChange) => void }>();
  const unwatches: jest.Mock<Promise<void>, []>[] = [];
  if (watchable) {
    gateway.watchSheets.mockImplementation(async (sheets, onChange) => {
      const handler = { sheets, onChange };
      handlers.add(handler);
      const unwatch = jest.fn(async () => {
        handlers.delete(handler);
      });
      unwatches.push(unwatch);
      return unwatch;
    });
  }
  return Object.assign(gateway, {
    model: () => model,
    log: () => log,
    edit(next: WorkbookModel) {
      model = next;
    },
    change(sheet: string, byThisAddin = false) {
      for (const h of [...handlers])
        if (h.sheets.includes(sheet))
          h.onChange({ sheet, source: 'local' as const, ...(byThisAddin ? { byThisAddin } : {}) });
    },
    watching: () => [...handlers].map((h) => ({ sheets: h.sheets })),
    unwatches,
  });
}

/**
 * The workbook with the budget sheet's 2010 amounts (column B) of these lines set, as someone
 * typing them would. On the sample, Akkvisisjon 200 000 and Diverse 200 000 resolve 3.1's
 * warning and keep the sums; Reiselivet typed as text, `100.000`, adds AMOUNT_AS_TEXT.
 */
export function editBudget(
  model: WorkbookModel,
  amounts: Readonly<Record<string, number | string>>,
): WorkbookModel {
  return {
    sheets: model.sheets.map((sheet) => {
      if (sheet.name !== 'Budsjett') return sheet;
      const rows = new Map<number, number | string>();
      for (const [label, value] of Object.entries(amounts)) {
        const row = sheet.cells.find((c) => c.col === 0 && c.value === label)?.row;
        if (row === undefined) throw new Error(`No budget line ${label}`);
        rows.set(row, value);
      }
      return {
        ...sheet,
        cells: sheet.cells.map((c) =>
          c.col === 1 && rows.has(c.row) ? { ...c, value: rows.get(c.row) } : c,
        ),
      };
    }),
  };
}

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Text with the non-breaking spaces of formatNok('nb') turned into plain spaces. */
export const plain = (text: string | null | undefined): string =>
  (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
