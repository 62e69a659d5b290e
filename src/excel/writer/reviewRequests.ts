/**
 * The review log write's requests: the changed cells' operations (sheetOps, with their request
 * bytes as Microsoft's client will send them) packed into as few round trips as the payload
 * limit allows — one for any append of a few entries, several for a log of thousands written at
 * once — each one whole in itself: a protected sheet is unprotected at its start and protected
 * again at its end, in the same request, so that between round trips, and after a refused one,
 * the log is protected. A new sheet is added in the first (very hidden, after the register).
 *
 * Should Excel refuse a round trip as too large all the same (a smaller limit than planned),
 * the rest is packed again in round trips of half its size, a few times at most (as
 * stagedWrite.ts does). After any other failure, `restoreSheet` puts back the sheet's
 * protection and very hidden state, in one or two round trips; the rows already written stay (whole
 * rows only: each is written by one action), and appending again writes the rest, never twice.
 */
import { REVIEW_SHEET } from '../../domain/review';
import { isPayloadTooLarge } from '../errors';
import type { ExcelContext, ExcelProtectionOptions, ExcelWorksheet } from '../excelApi';
import type { SheetState } from './registerNow';
import { requestOverhead } from './requestBytes';
import { SMALL_OP, type WriteOp } from './writeOp';

/** The share of the payload limit a round trip is planned to fill: the byte counts are upper bounds. */
const BUDGET_SHARE = 0.9;
/** Around the operations: the sheet added, hidden and placed, or unprotected; protected at the end. */
const AROUND = 3 * SMALL_OP;

/** The sheet written, and how it is left at the end of each round trip. */
export interface ReviewTarget {
  /** The sheet's id; null when it is added (as `Avstemmingslogg`) by the first round trip. */
  readonly id: string | null;
  /** Where an added sheet goes (its 0-based position); null: at the end, where Excel adds it. */
  readonly position: number | null;
  /** The protection each round trip ends with (unprotecting at its start); null: not protected. */
  readonly protectWith: ExcelProtectionOptions | null;
}

export interface RequestConfig {
  readonly payloadLimit: number;
  readonly payloadRetries: number;
}

/** Consecutive operations, at most `budget` bytes a round trip (a larger one goes alone). */
export function packRequests(ops: readonly WriteOp[], budget: number): { ops: WriteOp[]; bytes: number }[] {
  const out: { ops: WriteOp[]; bytes: number }[] = [];
  let current: { ops: WriteOp[]; bytes: number } | null = null;
  for (const op of ops) {
    if (current === null || (current.ops.length > 0 && current.bytes + op.bytes > budget)) {
      current = { ops: [], bytes: 0 };
      out.push(current);
    }
    current.ops.push(op);
    current.bytes += op.bytes;
  }
  return out;
}

/** The request bytes planned for a round trip of `opBytes`: an upper bound on what is sent. */
export function plannedBytes(opBytes: number): number {
  return requestOverhead(1) + AROUND + opBytes;
}

/** Writes `ops` to the target sheet in as few round trips as the limit allows; see above. */
export async function writeRequests(
  context: ExcelContext,
  target: ReviewTarget,
  ops: readonly WriteOp[],
  config: RequestConfig,
  sync: () => Promise<void>,
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const chunks = packRequests(ops, config.payloadLimit * BUDGET_SHARE - plannedBytes(0));
  let added = target.id !== null;
  let retries = 0;
  for (let i = 0; i < chunks.length;) {
    let sheet: ExcelWorksheet;
    if (!added) {
      sheet = worksheets.add(REVIEW_SHEET);
      // Very hidden before anything is written: Excel's menus cannot unhide it (the register's way).
      sheet.visibility = 'VeryHidden';
      if (target.position !== null) sheet.position = target.position;
    } else {
      sheet = worksheets.getItem(target.id ?? REVIEW_SHEET);
      // A sheet protected by a user with a password stays so: this fails first, nothing written.
      if (target.protectWith !== null) sheet.protection.unprotect();
    }
    const on = { sheet, sheetFor: (name: string) => worksheets.getItem(name) };
    for (const op of chunks[i].ops) op.queue(on);
    if (target.protectWith !== null) sheet.protection.protect(target.protectWith);
    try {
      await sync();
    } catch (e) {
      if (!isPayloadTooLarge(e) || chunks[i].ops.length < 2 || retries >= config.payloadRetries) throw e;
      // Refused before any of it ran: the rest again, in round trips of half this one's size.
      retries++;
      const half = Math.max(1, chunks[i].bytes / 2);
      const rest = chunks.slice(i).flatMap((c) => c.ops);
      chunks.splice(i, chunks.length - i, ...packRequests(rest, half));
      continue;
    }
    added = true;
    i++;
  }
}

/**
 * After a failed write: the sheet protected again (and an added one very hidden), whatever ran.
 * An added sheet is the one of the log's name that was not in the list read before (`before`).
 * Failures here are not reported: the write's own failure is the one to report.
 */
export async function restoreSheet(
  context: ExcelContext,
  target: ReviewTarget,
  before: readonly SheetState[],
  sync: () => Promise<void>,
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  try {
    let id = target.id;
    if (id === null) {
      worksheets.load('items/name,items/id,items/visibility');
      await sync();
      const known = new Set(before.map((s) => s.id));
      const added = worksheets.items.find(
        (ws) => !known.has(ws.id) && ws.name.toLowerCase() === REVIEW_SHEET.toLowerCase(),
      );
      if (added === undefined) return;
      id = added.id;
      if (added.visibility !== 'VeryHidden') worksheets.getItem(id).visibility = 'VeryHidden';
    }
    // Fails when it is protected already (nothing else comes after it in this round trip).
    if (target.protectWith !== null) worksheets.getItem(id).protection.protect(target.protectWith);
    await sync();
  } catch {
    // The write's own failure is the one to report.
  }
}
