/**
 * The staged write both writers use (writeOutputs.ts, writeRegister.ts):
 * every sheet is written to a new sheet under a temporary name (`~PR 1`), in
 * as many round trips as the payload limit needs, and swapped in at the end
 * of the last one, after every cell: Excel stops a round trip at its first
 * failing action, so the swap runs only once everything is written, and a
 * failure before it leaves the user's sheets as they were (each writer's
 * `recover()` then removes what was added).
 *
 * Round trips are cut from the request bytes Microsoft's client will send
 * (requestBytes.ts): consecutive operations, as many as fit under the limit
 * with a margin, so the number of round trips grows with bytes ÷ limit,
 * never with the number of rows. Should Excel still refuse one as too large
 * (a smaller limit than assumed), the rest of the write is planned again in
 * round trips half its size, a few times at most.
 *
 * Calculation: a round trip that writes formulas suspends Excel's calculation
 * (`suspendApiCalculationUntilNextSync`, ExcelApi 1.6), except the last;
 * Microsoft: "it is the developer's responsibility to re-calc the workbook",
 * so the last round trip, after the swap, asks Excel to recalculate.
 */
import { isPayloadTooLarge } from '../errors';
import type { ExcelContext, ExcelWorksheet } from '../excelApi';
import { requestOverhead } from './requestBytes';
import type { BandLimits, Features, OpTarget, WriteOp } from './writeOp';

/** The share of the payload limit a round trip is planned to fill: the byte counts are upper bounds. */
const BUDGET_SHARE = 0.9;
/** Cells per band: `setCellProperties` fails on the web around 90 000 (office-js #2564). */
const BAND_CELLS = 40_000;
/** Bytes per band at most: a band is the unit a round trip can be cut at. */
const MAX_BAND_BYTES = 1_000_000;
/** Bytes per operation at most (a band with a larger one is cut): a round trip refused as too large can be split. */
const MAX_OP_BYTES = 512 * 1024;

export interface StageConfig {
  /** Bytes a request may have (Excel on the web: 5 MB). */
  readonly payloadLimit: number;
  readonly features: Features;
  /** How often a round trip refused as too large is split and retried. */
  readonly payloadRetries: number;
}

/** An operation on one of the stage's sheets (`job`: its index in `temporaries`). */
export interface StagedOp extends WriteOp {
  readonly job: number;
}

export interface Stage {
  /** The temporary sheets, one per job, added in the first round trip. */
  readonly temporaries: readonly string[];
  /** Each job's sheet name after the swap: references between the sheets being written resolve to their temporaries. */
  readonly finalNames: readonly string[];
  readonly ops: readonly StagedOp[];
  /** Queues the swap, at the end of the last round trip. */
  readonly swap: (context: ExcelContext) => void;
  /** Request bytes of the swap. */
  readonly swapBytes: number;
}

interface Chunk {
  readonly ops: readonly StagedOp[];
  readonly bytes: number;
}

const lower = (s: string) => s.toLowerCase();

/**
 * `base 1`, `base 2`, …: the first not in `taken` (lower case), which it joins. `separator` ''
 * for a table name (`PlanReconcilerOld1`): table names cannot hold spaces.
 */
export function freeName(base: string, taken: Set<string>, separator = ' '): string {
  for (let n = 1; ; n++) {
    const name = `${base}${separator}${n}`;
    if (!taken.has(lower(name))) {
      taken.add(lower(name));
      return name;
    }
  }
}

/**
 * Deletes a sheet the write added (recovery): a very hidden one is made hidden first, since Excel
 * cannot delete a very hidden sheet (the API reference: it fails with `InvalidOperation`; office-js #365).
 */
export function deleteSheet(sheet: ExcelWorksheet, visibility: string): void {
  if (visibility === 'VeryHidden') sheet.visibility = 'Hidden';
  sheet.delete();
}

/** Band limits for sheetOps: a band must fit a round trip with room to spare. */
export function bandLimits(payloadLimit: number): BandLimits {
  const budget = payloadLimit * BUDGET_SHARE - requestOverhead(1);
  return {
    bandBytes: Math.min(MAX_BAND_BYTES, budget / 3),
    opBytes: Math.min(MAX_OP_BYTES, budget / 4),
    bandCells: BAND_CELLS,
  };
}

/** Consecutive ops, each chunk at most `budget` bytes (an op larger than the budget goes alone). */
function packChunks(ops: readonly StagedOp[], budget: number): Chunk[] {
  const chunks: Chunk[] = [];
  let current: StagedOp[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (current.length > 0 && bytes + op.bytes > budget) {
      chunks.push({ ops: current, bytes });
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += op.bytes;
  }
  if (current.length > 0) chunks.push({ ops: current, bytes });
  return chunks;
}

/** The round trips of a stage: its operations packed under the budget, the swap's room kept in the last. */
function planChunks(stage: Stage, payloadLimit: number): Chunk[] {
  return packWithSwap(
    stage.ops,
    payloadLimit * BUDGET_SHARE - requestOverhead(stage.temporaries.length),
    stage.swapBytes,
  );
}

function packWithSwap(ops: readonly StagedOp[], budget: number, swapBytes: number): Chunk[] {
  const chunks = packChunks(ops, budget);
  const last = chunks[chunks.length - 1];
  if (!last || last.bytes + swapBytes > budget) chunks.push({ ops: [], bytes: 0 });
  return chunks;
}

interface Run {
  readonly stage: Stage;
  /** Each job by its final name (lower case): a reference to it resolves to its temporary sheet. */
  readonly jobOfName: ReadonlyMap<string, number>;
  readonly config: StageConfig;
  readonly chunks: Chunk[];
  readonly sync: () => Promise<void>;
  readonly onRoundTrip: RoundTripListener;
  added: boolean;
  retries: number;
  /** Some round trip wrote formulas with calculation suspended: the last one recalculates. */
  suspended: boolean;
}

/** Told after each round trip: how many are done of how many, and the request bytes planned for the last. */
export type RoundTripListener = (done: number, total: number, plannedBytes: number) => void;

/**
 * Writes the stage: one round trip per chunk, the first also adding the temporary sheets, the
 * last ending with the swap. Rejects with the round trip's error (the caller recovers).
 */
export async function writeStaged(
  context: ExcelContext,
  stage: Stage,
  config: StageConfig,
  sync: () => Promise<void>,
  onRoundTrip: RoundTripListener = () => undefined,
): Promise<void> {
  const run: Run = {
    stage,
    jobOfName: new Map(stage.finalNames.map((name, job) => [lower(name), job])),
    config,
    chunks: planChunks(stage, config.payloadLimit),
    sync,
    onRoundTrip,
    added: false,
    retries: 0,
    suspended: false,
  };
  onRoundTrip(0, run.chunks.length, 0);
  await writeChunk(context, run, 0);
}

/**
 * One round trip. Recursion rather than a loop: a chunk refused as too large is split in two and
 * retried in its place.
 */
async function writeChunk(context: ExcelContext, run: Run, index: number): Promise<void> {
  const { stage, config, chunks } = run;
  if (index >= chunks.length) return;
  const worksheets = context.workbook.worksheets;
  const chunk = chunks[index];
  const last = index === chunks.length - 1;
  if (!run.added) {
    if (config.features.api19) context.application.suspendScreenUpdatingUntilNextSync();
    for (const name of stage.temporaries) worksheets.add(name);
  }
  const suspend = !last && config.features.api16 && chunk.ops.some((op) => op.formulas);
  if (suspend) context.application.suspendApiCalculationUntilNextSync();

  const sheets = new Map<number, ExcelWorksheet>();
  const sheetOf = (job: number) => {
    let ws = sheets.get(job);
    if (!ws) sheets.set(job, (ws = worksheets.getItem(stage.temporaries[job])));
    return ws;
  };
  const targets = new Map<number, OpTarget>();
  const targetOf = (job: number): OpTarget => {
    let t = targets.get(job);
    if (!t) {
      t = {
        sheet: sheetOf(job),
        sheetFor: (name) => {
          const other = run.jobOfName.get(lower(name));
          return other === undefined ? worksheets.getItem(name) : sheetOf(other);
        },
      };
      targets.set(job, t);
    }
    return t;
  };
  for (const op of chunk.ops) op.queue(targetOf(op.job));
  if (last) {
    stage.swap(context);
    if (run.suspended) context.application.calculate('Recalculate');
  }
  try {
    await run.sync();
  } catch (e) {
    if (!isPayloadTooLarge(e) || chunk.ops.length < 2 || run.retries >= config.payloadRetries) throw e;
    // Excel refuses an oversized request before doing any of it: its real limit is lower than
    // planned. The rest is planned again in round trips of half this one's size, from here.
    run.retries++;
    const rest = chunks.slice(index).flatMap((c) => c.ops);
    chunks.splice(
      index,
      chunks.length - index,
      ...packWithSwap(rest, Math.max(1, chunk.bytes / 2), stage.swapBytes),
    );
    return writeChunk(context, run, index);
  }
  run.added = true;
  run.suspended ||= suspend;
  const planned = requestOverhead(stage.temporaries.length) + chunk.bytes + (last ? stage.swapBytes : 0);
  run.onRoundTrip(index + 1, chunks.length, planned);
  return writeChunk(context, run, index + 1);
}
