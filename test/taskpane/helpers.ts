/**
 * Test doubles for the task pane: a WorkbookGateway over the sample workbook (the worked example
 * of DOMAIN.md), and a promise whose settlement the test controls.
 */
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import { registerFingerprint } from '../../src/domain/register/fingerprint';
import type { Outputs } from '../../src/domain/outputs';
import type { WorkbookModel } from '../../src/domain/model';
import type { Register } from '../../src/domain/register/types';
import { REVIEW_SHEET, emptyReviewState, withEntries } from '../../src/domain/review';
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
