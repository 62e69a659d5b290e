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
 *    append, the new rows; strings as text under `@`, numbers as numbers;
 * 5. a new log is added very hidden after the register (or at the end), protected without a
 *    password as the register is, and written whole (reviewRequests.ts).
 *
 * 2 round trips for an append (1 when every entry is there already), 3 when the log is created,
 * below the payload limit; a log of thousands of entries written at once takes as many more as
 * its bytes need. Two co-authors appending at the same moment: each round trip 1 sees what the
 * other's write has put there, but one writing between the other's two round trips can have its
 * new rows written over (Excel's co-authoring keeps the last write of a cell): the window is one
 * round trip long.
 */
import { findRegisterSheet } from '../../domain/register/readRegister';
import {
  REVIEW_SHEET,
  decodeReviewSheet,
  encodeReviewSheet,
  mergeReview,
  withEntries,
  type ReviewProblem,
} from '../../domain/review';
import { sheetsNamed } from '../../domain/snapshot';
import { jsonBytes } from '../adapter/blocks';
import { isOfficeError } from '../errors';
import type { ExcelContext } from '../excelApi';
import { ExcelFailure, type ReviewAppend, type ReviewWriteResult } from '../gateway';
import { changedCells, unchanged, wholeSheet, type ReviewChanges } from './reviewCells';
import { readReviewNow, type ReviewNow } from './reviewNow';
import { restoreSheet, writeRequests, type ReviewTarget } from './reviewRequests';
import { protection, supportedOptions } from './registerSwap';
import * as bytes from './requestBytes';
import { sheetOps } from './sheetOps';
import { bandLimits } from './stagedWrite';
import { address, filled, range, type Features, type WriteOp } from './writeOp';

export interface ReviewWriteConfig {
  /** Bytes a request or response may have (Excel on the web: 5 MB). */
  readonly payloadLimit: number;
  /** Cells one range read may cover (OFFICEJS.md: 5 000 000). */
  readonly maxCellsPerRead: number;
  /** How often a round trip refused as too large is split and retried. */
  readonly payloadRetries: number;
  readonly features: Features;
}

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

  const attempt = async (again: boolean): Promise<ReviewWriteResult> => {
    const now = await readReviewNow(context, config, trips);
    const sheet = now.review?.name ?? REVIEW_SHEET;
    const reading = decodeReviewSheet(now.review?.rows ?? [], sheet);
    const current = reading.state;
    const merged = mergeReview(current, withEntries(current, add), current);
    if (!merged.ok) throw readOnly(reading.problems);
    const state = merged.state;

    const wanted = encodeReviewSheet(state);
    const changes = now.review ? changedCells(sheet, now.review.rows, wanted) : wholeSheet(sheet, wanted);
    if (unchanged(changes)) return { state, sheet, syncs: trips.count };

    const target: ReviewTarget = now.review
      ? {
          id: now.review.id,
          position: null,
          protectWith: now.review.protected ? supportedOptions(now.review.options, config.features) : null,
        }
      : { id: null, position: newPosition(now), protectWith: protection(config.features) };
    try {
      await writeRequests(context, target, writeOps(changes, config), config, sync);
    } catch (e) {
      // A co-author added the log since round trip 1: nothing of this write ran; once more, onto theirs.
      if (again && target.id === null && isOfficeError(e) && e.code === 'ItemAlreadyExists')
        return attempt(false);
      await restoreSheet(context, target, now.sheets, sync);
      throw e;
    }
    return { state, sheet, syncs: trips.count };
  };
  return attempt(true);
}
