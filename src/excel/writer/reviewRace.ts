/**
 * A co-author appending to the review log at the same moment (writeReview.ts): Excel keeps the
 * last write of a cell and has no conditional write, so two writers that read the same log both
 * write their new rows where its end was, and the later write overwrites the other's rows. What
 * the writer does about it, here:
 *
 * - the guard: in the write's first round trip, before anything is written, the rows it is about
 *   to write are read (one range, values and value types): after it, the writer knows every entry
 *   its write overwrote, a co-author's that landed since its read included (`seenBefore`);
 * - after the write, the log is read again; every entry that must be there (those it read, those
 *   the guard saw, its own) and is not (`lacking`, by the row identity `mergeReview` uses) is
 *   written again, after what the log holds now (`stateToWrite`).
 *
 * The guard reads the rows written: an append's new rows, and the rows after them when a row the
 * reader could not use moves down. Should those rows be large (a log laid out otherwise, rewritten
 * from high up), only the rows past the log's end as read are guarded: a co-author's append lands
 * there, and a write higher up rewrites what was read.
 */
import {
  decodeReviewSheet,
  mergeReview,
  withEntries,
  type Explanation,
  type ReviewCellIn,
  type ReviewState,
  type SignOff,
} from '../../domain/review';
import { jsonBytes } from '../adapter/blocks';
import { toCellValues } from '../adapter/convert';
import type { ExcelRange } from '../excelApi';
import type { ReviewChanges } from './reviewCells';
import type { Rect } from './rects';
import { SMALL_OP, address, type WriteOp } from './writeOp';

/** Entries of the log, of both tables. */
export interface Entries {
  readonly explanations: readonly Explanation[];
  readonly signOffs: readonly SignOff[];
}

export const entriesOf = (state: ReviewState): Entries => ({
  explanations: state.explanations,
  signOffs: state.signOffs,
});

export const joined = (a: Entries, b: Entries): Entries => ({
  explanations: [...a.explanations, ...b.explanations],
  signOffs: [...a.signOffs, ...b.signOffs],
});

export const noEntries = (e: Entries): boolean => e.explanations.length === 0 && e.signOffs.length === 0;

/**
 * The entries of `wanted` that `state` lacks, in order, each once: told apart as `mergeReview`
 * tells them (their rows' cells), so that an entry read back from the sheet is the one written.
 */
export function lacking(state: ReviewState, wanted: Entries): Entries {
  const open = { ...state, readOnly: false };
  const merged = mergeReview(open, withEntries(open, wanted), open);
  if (!merged.ok) throw new Error('mergeReview refused a state that is not read-only');
  return {
    explanations: merged.state.explanations.slice(open.explanations.length),
    signOffs: merged.state.signOffs.slice(open.signOffs.length),
  };
}

/**
 * What to write: the log as it is now (`theirs`) with the entries of `add` not in it nor in the
 * log as first read (`base`: `mergeReview`), then every entry of `keep` it lacks (an entry read
 * first or overwritten by this writer's write, and gone since: a co-author's write over it).
 * Null when the log is read-only.
 */
export function stateToWrite(
  base: ReviewState,
  add: Partial<Entries>,
  theirs: ReviewState,
  keep: Entries,
): ReviewState | null {
  const merged = mergeReview(base, withEntries(base, add), theirs);
  if (!merged.ok) return null;
  return withEntries(merged.state, lacking(merged.state, keep));
}

/** The rows a write writes or empties: [first, last], 0-based; null when it writes none. */
function writtenRows(changes: ReviewChanges): [number, number] | null {
  const rows = [...changes.model.cells.map((c) => c.row), ...changes.clear.map((r) => r.row)];
  if (rows.length === 0) return null;
  let first = rows[0];
  let last = rows[0];
  for (const r of rows) {
    first = Math.min(first, r);
    last = Math.max(last, r);
  }
  for (const rect of changes.clear) last = Math.max(last, rect.row + rect.rows - 1);
  return [first, last];
}

/** What the guard reads, and what it found once its round trip is done. */
export interface Guard {
  /** The write operation that reads the rows (queued first in the write's first round trip). */
  readonly op: WriteOp;
  /** After that round trip: the entries the rows held just before the write. */
  seenBefore(): Entries;
}

/** Bytes a guarded cell past the log's end is taken to cost in the answer (mostly empty). */
const EMPTY_CELL_BYTES = 16;

/**
 * The guard of a write onto an existing log whose cells were `known` (rows from A1) when read, or
 * null when the write writes no row to guard. `payloadLimit` bounds its answer (see above).
 */
export function guardFor(
  known: readonly (readonly ReviewCellIn[])[],
  changes: ReviewChanges,
  payloadLimit: number,
  sheetName: string,
): Guard | null {
  const span = writtenRows(changes);
  if (span === null) return null;
  let [first] = span;
  const last = span[1];
  let cols = 1;
  for (const c of changes.model.cells) cols = Math.max(cols, c.col + 1);
  for (const r of changes.clear) cols = Math.max(cols, r.col + r.cols);
  for (let r = first; r <= last && r < known.length; r++) cols = Math.max(cols, known[r].length);
  // Values and value types of the rows as read, and of the rows past them, in the answer.
  let answer = 0;
  for (let r = first; r <= last; r++)
    answer += r < known.length ? 2 * jsonBytes(known[r]) : cols * EMPTY_CELL_BYTES;
  if (answer > payloadLimit / 4) first = Math.max(first, known.length);
  if (first > last) return null;

  const rect: Rect = { row: first, col: 0, rows: last - first + 1, cols };
  let found: ExcelRange | null = null;
  return {
    op: {
      bytes: SMALL_OP,
      queue: (t) => {
        // Queued before the cells are written: it answers with what they held before.
        found = t.sheet.getRange(address(rect)).untrack();
        found.load('values,valueTypes');
      },
    },
    seenBefore: () => {
      const range = found as ExcelRange | null;
      if (range === null || !Array.isArray(range.values)) return { explanations: [], signOffs: [] };
      const rows: ReviewCellIn[][] = known.map((row) => [...row]);
      const cells = toCellValues(range.values, range.valueTypes);
      cells.forEach((row, i) => {
        while (rows.length < first + i) rows.push([]);
        rows[first + i] = [...row, ...(rows[first + i]?.slice(row.length) ?? [])];
      });
      return entriesOf(decodeReviewSheet(rows, sheetName).state);
    },
  };
}
