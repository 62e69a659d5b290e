/**
 * `appendReview()`: explanations and sign-offs appended to the review log (`Avstemmingslogg`,
 * issue 17), in one `Excel.run`, so that two co-authors' entries both land and nothing on the
 * sheet is lost:
 *
 * 1. the sheet as it is now, a co-author's rows included (reviewNow.ts: one round trip, whatever
 *    the log's size; one more when there is no log yet);
 * 2. decoded (`decodeReviewSheet`); a log in a newer format, or holding what this version does not
 *    understand, is refused (`readOnly`) with nothing written;
 * 3. merged (`mergeReview`): what the sheet holds, then the entries of `add` not already there;
 *    rows the reader could not use are kept and written back as they were;
 * 4. encoded (`encodeReviewSheet`), and only the cells that differ written (reviewCells.ts): for an
 *    append, the new rows; every cell as text under `@`, numbers included;
 * 5. a new log is added very hidden after the register (or at the end), protected without a
 *    password as the register is, and written whole (reviewRequests.ts);
 * 6. checked: the write's first round trip reads the rows it writes just before writing them, and
 *    the log is read again after the write (reviewRace.ts). Every entry read in 1, every entry
 *    the write overwrote (a co-author's, written since 1) and every entry of `add` must be there;
 *    those that are not (a co-author wrote in the same rows) are merged onto the log as it is now
 *    and written again, checked again: 3 writes at most, then `changed` ("the review log kept
 *    changing"), with every entry that was on the log still there and the user's own to append
 *    again (appending never writes an entry twice). The co-author's writer checks the same on its
 *    side, so both land.
 *
 * 3 round trips for an append (1 when every entry is there already), 4 when the log is created,
 * whatever the log's size below the payload limit; 2 more for each write again. A log of thousands
 * of entries written at once takes as many more as its bytes need, and one too large for one
 * response is read in as many as that takes, before and after the write.
 */
import { findRegisterSheet } from '../../domain/register/readRegister';
import { REVIEW_SHEET, decodeReviewSheet, encodeReviewSheet, type ReviewProblem } from '../../domain/review';
import { sheetsNamed } from '../../domain/snapshot';
import { CELL_BYTES, jsonBytes } from '../adapter/blocks';
import { isOfficeError } from '../errors';
import type { ExcelContext } from '../excelApi';
import { ExcelFailure, type ReviewAppend, type ReviewWriteResult } from '../gateway';
import { changedCells, unchanged, wholeSheet, type ReviewChanges } from './reviewCells';
import { readReviewNow, type ReviewNow } from './reviewNow';
import { entriesOf, guardFor, joined, lacking, noEntries, stateToWrite, type Entries } from './reviewRace';
import { restoreSheet, writeRequests, type ReviewTarget } from './reviewRequests';
import type { RegisterWriteConfig } from './registerNow';
import { protection, supportedOptions } from './registerSwap';
import * as bytes from './requestBytes';
import { sheetOps } from './sheetOps';
import { bandLimits } from './stagedWrite';
import { address, filled, range, type WriteOp } from './writeOp';

/** What the review writer needs of Excel: what the register writer needs (it reads and writes alike). */
export type ReviewWriteConfig = RegisterWriteConfig;

/** What makes a log read-only (decodeReviewSheet): the other problems leave it writable. */
const READ_ONLY: readonly ReviewProblem['kind'][] = ['newerVersion', 'duplicateColumn', 'strayContent'];

function readOnly(problems: readonly ReviewProblem[]): ExcelFailure {
  const why = problems.find((p) => READ_ONLY.includes(p.kind));
  return new ExcelFailure(
    'readOnly',
    'The review log is in a newer format or holds what this version does not understand; nothing was written.',
    undefined,
    why ? `${why.cell}: ${why.kind}` : undefined,
  );
}

/** The changed cells as write operations: sheetOps for the cells, then the cells to empty. */
function writeOps(changes: ReviewChanges, config: ReviewWriteConfig): WriteOp[] {
  const ops = sheetOps(changes.model, config.features, bandLimits(config.payloadLimit)).ops;
  for (const rect of changes.clear) {
    const empty = filled(rect.rows, rect.cols, '');
    ops.push({
      bytes: bytes.set(bytes.range(address(rect)), 'Values', jsonBytes(empty)),
      queue: (t) => (range(t, rect).values = empty),
    });
  }
  return ops;
}

/** Where a new log goes: right after the register, or at the end (null: where Excel adds it). */
function newPosition(now: ReviewNow): number | null {
  const register = findRegisterSheet({ sheets: sheetsNamed(now.sheets.map((s) => s.name)) });
  const at = register && now.sheets.find((s) => s.name === register.name);
  return at && at.position + 1 < now.sheets.length ? at.position + 1 : null;
}

/**
 * What reading the log whole answers, about, when it holds `cells` (values and value types): above
 * this share of the payload limit, the check after a write reads it as a large sheet at once.
 */
const LARGE_SHARE = 0.9;
function answerBytes(cells: readonly (readonly unknown[])[]): number {
  return cells.reduce((sum, row) => sum + jsonBytes(row) + row.length * CELL_BYTES.valueTypes, 0);
}

/** Writes made at most before the log is taken to be changing too fast (`changed`). */
const MAX_WRITES = 3;

function decode(now: ReviewNow) {
  return decodeReviewSheet(now.review?.rows ?? [], now.review?.name ?? REVIEW_SHEET);
}

/** Where the write goes: the log as read, or a new one. */
function targetOf(now: ReviewNow, config: ReviewWriteConfig): ReviewTarget {
  return now.review
    ? {
        id: now.review.id,
        position: null,
        protectWith: now.review.protected ? supportedOptions(now.review.options, config.features) : null,
      }
    : { id: null, position: newPosition(now), protectWith: protection(config.features) };
}

/** Appends `add` to the review log; see above. */
export async function appendReview(
  context: ExcelContext,
  add: ReviewAppend,
  config: ReviewWriteConfig,
): Promise<ReviewWriteResult> {
  const trips = { count: 0 };
  const sync = async () => {
    trips.count++;
    await context.sync();
  };

  let now = await readReviewNow(context, config, trips);
  const first = decode(now);
  if (first.state.readOnly) throw readOnly(first.problems);
  const base = first.state;
  const mine: Entries = { explanations: add.explanations ?? [], signOffs: add.signOffs ?? [] };
  /** What must be on the log when done, besides `mine`: what was read, and what a write overwrote. */
  let keep = entriesOf(base);
  let theirs = base;
  for (let writes = 1; ; writes++) {
    const state = stateToWrite(base, add, theirs, keep);
    if (state === null) throw readOnly(decode(now).problems);
    const sheet = now.review?.name ?? REVIEW_SHEET;
    const wanted = encodeReviewSheet(state);
    const changes = now.review ? changedCells(sheet, now.review.rows, wanted) : wholeSheet(sheet, wanted);
    if (unchanged(changes)) return { state, sheet, syncs: trips.count };

    const target = targetOf(now, config);
    const guard = now.review ? guardFor(now.review.rows, changes, config.payloadLimit, sheet) : null;
    try {
      const ops = writeOps(changes, config);
      await writeRequests(context, target, guard ? [guard.op, ...ops] : ops, config, sync);
    } catch (e) {
      // A co-author added the log since it was read: nothing of this write ran; once more, onto theirs.
      if (writes < MAX_WRITES && target.id === null && isOfficeError(e) && e.code === 'ItemAlreadyExists') {
        now = await readReviewNow(context, config, trips);
        theirs = decode(now).state;
        continue;
      }
      await restoreSheet(context, target, now.sheets, sync);
      throw e;
    }
    if (guard) keep = joined(keep, guard.seenBefore());

    // The check: every entry there, or written again onto what is there now.
    const large = answerBytes(wanted) > config.payloadLimit * LARGE_SHARE;
    now = await readReviewNow(context, config, trips, { at: target.id ?? REVIEW_SHEET, large });
    const after = decode(now);
    const missing = lacking(after.state, joined(keep, mine));
    if (noEntries(missing))
      return { state: after.state, sheet: now.review?.name ?? sheet, syncs: trips.count };
    if (after.state.readOnly) throw readOnly(after.problems);
    if (writes >= MAX_WRITES) throw changing(missing);
    theirs = after.state;
  }
}

function changing(missing: Entries): ExcelFailure {
  return new ExcelFailure(
    'logChanged',
    'The review log kept changing while it was written (co-authors); try again.',
    undefined,
    `${missing.explanations.length} explanations, ${missing.signOffs.length} sign-offs not on the log`,
  );
}
