/**
 * What the review log tests share (reviewWrite.test.ts, reviewRead.test.ts): the sample workbook on
 * the in-memory host, its findings read and reconciled as the pane does, and explanations made
 * with the review domain's own functions.
 */
import { reconcile } from '../../src/domain/reconcile/reconcile';
import {
  REVIEW_SHEET,
  explain,
  timestamp,
  type Explanation,
  type ReviewedFinding,
  type SignOff,
} from '../../src/domain/review';
import { ExcelFailure, type WorkbookGateway } from '../../src/excel/gateway';
import type { ExcelHost } from '../../src/host';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { hostFromModel, type TestHostOptions } from '../helpers/host';

export const HELSEDESIGN = 'CONTRIBUTION_MISMATCH|project=1.2|year=2010';
export const AKKVISISJON = 'CONTRIBUTION_MISMATCH|project=3.1|year=2010';
export const REASON = 'Akershus fylkeskommune betaler hele 2010';

/** 5 March 2024 at 10:00 in Oslo (UTC+1), plus `minutes`. */
export const at = (minutes: number) => timestamp(Date.UTC(2024, 2, 5, 9, minutes), 60);

export const sample = (options?: TestHostOptions) => hostFromModel(sampleWorkbookModel(), options);

/**
 * A sign-off as a co-author's pane appends it (the writer takes it as given: its fingerprint and
 * counts are made up here; the 2010 totals are the sample's, 3 430 000 kr each).
 */
export const SIGNED: SignOff = {
  by: 'Bjørn',
  at: at(40),
  fingerprint: 'f1-0123456789abcdef',
  open: 0,
  explained: 3,
  totals: [{ year: 2010, budget: 343_000_000, financing: 343_000_000 }],
  values: null,
};

/** Read and reconcile as the pane does: the result's review. */
export async function review(gateway: WorkbookGateway) {
  const read = await gateway.read();
  return reconcile(read.snapshot).review;
}

export function finding(r: Awaited<ReturnType<typeof review>>, key: string): ReviewedFinding {
  const f = r.findings.find((x) => x.key === key);
  if (!f) throw new Error(`no finding ${key}`);
  return f;
}

/** An explanation of the finding `key` as the pane makes it. */
export async function explanation(
  gateway: WorkbookGateway,
  key: string,
  reason: string,
  minute: number,
  by = 'Kari Nordmann',
): Promise<Explanation> {
  const made = explain(finding(await review(gateway), key), reason, { by, at: at(minute) });
  if (!made.ok) throw new Error(`refused: ${made.refusal.reason}`);
  return made.explanation;
}

/** The same explanation of 1.2's warning, `n` times at different minutes (a long log). */
export function explanations(n: number, reason = (i: number) => `Forklaring ${i}`): Explanation[] {
  return Array.from({ length: n }, (_, i) => ({
    key: HELSEDESIGN,
    action: 'explained' as const,
    reason: reason(i),
    figures: 'expected=200000;actual=0;difference=-200000',
    by: 'Kari Nordmann',
    at: timestamp(Date.UTC(2024, 0, 1) + i * 60_000, 60),
  }));
}

/** A person unprotects the log, types into it and protects it again. */
export async function typeIntoLog(host: ExcelHost, address: string, text: string): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(REVIEW_SHEET).protection.unprotect();
    await context.sync();
  });
  host.typeInto(REVIEW_SHEET, address, text);
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(REVIEW_SHEET).protection.protect();
    await context.sync();
  });
}

/** The log's stored cell at `row`, `col` (0-based). */
export function logCell(host: ExcelHost, row: number, col: number) {
  return host.readSheet(REVIEW_SHEET)!.cells.find((c) => c.row === row && c.col === col);
}

export async function failure(promise: Promise<unknown>): Promise<ExcelFailure> {
  const e = await promise.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ExcelFailure);
  return e as ExcelFailure;
}

/** Every sheet but the log, with every cell and setting. */
export const userSheets = (host: ExcelHost) =>
  JSON.stringify(
    host
      .sheets()
      .filter((s) => s.name !== REVIEW_SHEET)
      .map((s) => host.readSheet(s.name)),
  );
