/**
 * `writeOutputs()`: the output sheets written with Office.js so that a
 * failure leaves the workbook as it was.
 *
 * Round trip 1 reads the sheet list (names, ids, positions) and the
 * workbook-level names, and checks the placement against them: a sheet to
 * replace must still be there and carry the add-in's marker, a new sheet's
 * name must still be free. Then every output is written to a new sheet under
 * a temporary name (`~PR 1`), in as many round trips as the payload limit
 * needs (chunks of about 85 % of it). At the end of the last one, after
 * every cell of every output, comes the swap: each replaced sheet is
 * renamed out of the way, the new sheet takes its name and position, the
 * marker names are rewritten, and the old sheets are deleted. Excel stops a
 * round trip at its first failing operation, so the swap runs only once
 * everything is written. 1 + ceil(request bytes ÷ budget) round trips: 3
 * for 1 000 projects under 5 MB. If anything fails, two more round trips
 * put the workbook back as it was (recover()). The user's sheets are never
 * touched.
 */
import { quoteSheetName } from '../../domain/address';
import type { Outputs } from '../../domain/outputs';
import { MARKER_NAMES } from '../../domain/outputs/placement';
import { readNames } from '../adapter/readWorkbook';
import type { ExcelContext, ExcelWorksheet } from '../excelApi';
import { ExcelFailure, type LeftOut, type WriteOptions, type WriteResult } from '../gateway';
import { packChunks, syncOrSplit, type Chunk } from './chunks';
import { sheetOps, type Features, type OpTarget, type WriteOp } from './sheetOps';

export interface WriteConfig {
  /** Bytes a request may have (Excel on the web: 5 MB). */
  readonly payloadLimit: number;
  readonly features: Features;
  /** ExcelApi 1.7: names are read by `formula`, else by `value`. */
  readonly nameFormulas: boolean;
  /** How often a round trip rejected as too large is split and retried. */
  readonly payloadRetries: number;
}

/** The share of the payload limit a round trip is planned to fill (the sizes are estimates). */
const BUDGET_SHARE = 0.85;
/** Cells per band: `setCellProperties` fails on the web around 90 000 (office-js #2564). */
const BAND_CELLS = 40_000;
const MAX_BAND_BYTES = 2_000_000;

interface SheetState {
  readonly name: string;
  readonly id: string;
  readonly position: number;
}

interface Job {
  /** The sheet's name after writing. */
  readonly name: string;
  readonly temporary: string;
  /** The marked sheet it replaces. */
  readonly replaces: SheetState | null;
  readonly tableNames: readonly { readonly temporary: string; readonly name: string }[];
}

/** One op of one output. */
interface TaggedOp extends WriteOp {
  readonly job: number;
}

const lower = (s: string) => s.toLowerCase();

function freeName(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = `${base} ${n}`;
    if (!taken.has(lower(name))) {
      taken.add(lower(name));
      return name;
    }
  }
}

export async function writeOutputs(
  context: ExcelContext,
  outputs: Outputs,
  options: WriteOptions,
  config: WriteConfig,
): Promise<WriteResult> {
  const trips = { count: 0 };
  const sync = async () => {
    trips.count++;
    await context.sync();
  };
  const worksheets = context.workbook.worksheets;
  const names = context.workbook.names;

  // Round trip 1: what is there now (a co-author may have changed it since the read).
  worksheets.load('items/name,items/id,items/position');
  names.load(config.nameFormulas ? 'items/name,items/formula' : 'items/name,items/value');
  await sync();
  const sheets: SheetState[] = worksheets.items.map((ws) => ({
    name: ws.name,
    id: ws.id,
    position: ws.position,
  }));
  const byName = new Map(sheets.map((s) => [lower(s.name), s]));
  const existingNames = names.items.map((n) => ({
    name: n.name,
    formula: String((config.nameFormulas ? n.formula : `=${String(n.value)}`) ?? ''),
  }));
  const markers = readNames(names.items, config.nameFormulas).filter((n) =>
    Object.values(MARKER_NAMES).some((m) => lower(m) === lower(n.name)),
  );

  const taken = new Set(byName.keys());
  const jobs: Job[] = outputs.sheets.map(({ placement, sheet }) => {
    if (lower(sheet.name) !== lower(placement.sheet)) {
      throw new ExcelFailure('unexpected', `Output ${placement.sheet} is built as ${sheet.name}.`);
    }
    let replaces: SheetState | null = null;
    if (placement.replaces !== null) {
      replaces = byName.get(lower(placement.replaces)) ?? null;
      if (!replaces) {
        throw new ExcelFailure(
          'notFound',
          `The sheet ${placement.replaces} is no longer in the workbook. Run again.`,
          undefined,
          placement.replaces,
        );
      }
      if (!markers.some((m) => lower(m.sheet) === lower(placement.replaces!))) {
        // Only a sheet the add-in marked is ever replaced: this one is the user's now.
        throw new ExcelFailure(
          'notFound',
          `The sheet ${placement.replaces} is not marked as the add-in's output any more. Run again.`,
          undefined,
          placement.replaces,
        );
      }
    } else if (byName.has(lower(placement.sheet))) {
      throw new ExcelFailure(
        'office',
        `A sheet named ${placement.sheet} was added meanwhile. Run again.`,
        'ItemAlreadyExists',
        placement.sheet,
      );
    }
    return { name: placement.sheet, temporary: freeName('~PR', taken), replaces, tableNames: [] };
  });

  // The write, in round trips under the limit.
  const budget = config.payloadLimit * BUDGET_SHARE;
  const limits = { bandBytes: Math.min(MAX_BAND_BYTES, budget / 3), bandCells: BAND_CELLS };
  const leftOut = new Set<LeftOut>();
  const ops: TaggedOp[] = [];
  outputs.sheets.forEach(({ sheet }, job) => {
    const plan = sheetOps(sheet, config.features, limits);
    plan.leftOut.forEach((l) => leftOut.add(l));
    (jobs[job] as { tableNames: Job['tableNames'] }).tableNames = plan.tableNames;
    for (const op of plan.ops) ops.push({ ...op, job });
  });
  const chunks = packChunks(ops, budget) as Chunk[];
  if (chunks.length === 0) chunks.push({ ops: [], bytes: 0 });
  const progress = (total: number) => options.onProgress?.(Math.min(1, trips.count / total));
  const expected = () => chunks.length + 1;
  progress(expected());

  const writing = { added: false, retries: { count: 0 } };
  const swap = () => queueSwap(context, jobs, outputs, existingNames, taken, options);
  try {
    await writeChunks(context, chunks, 0, {
      jobs,
      config,
      writing,
      swap,
      sync,
      progress: () => progress(expected()),
    });
  } catch (e) {
    await recover(context, sheets, jobs, outputs, existingNames);
    throw e;
  }
  progress(trips.count);
  return { sheets: jobs.map((j) => j.name), leftOut: [...leftOut], syncs: trips.count };
}

/**
 * The swap, queued at the end of the last write round trip (after every
 * cell of every output: if any of that fails, Excel runs none of this):
 * each replaced sheet renamed out of the way, the new sheet given its name
 * and position, the markers rewritten, the old sheets deleted.
 */
function queueSwap(
  context: ExcelContext,
  jobs: readonly Job[],
  outputs: Outputs,
  existingNames: readonly { name: string; formula: string }[],
  taken: Set<string>,
  options: WriteOptions,
): void {
  const worksheets = context.workbook.worksheets;
  const names = context.workbook.names;
  const retire = jobs
    .filter((j) => j.replaces !== null)
    .sort((a, b) => a.replaces!.position - b.replaces!.position);
  for (const j of retire) worksheets.getItem(j.replaces!.id).name = freeName('~PR old', taken);
  for (const j of jobs) worksheets.getItem(j.temporary).name = j.name;
  retire.forEach((j, k) => (worksheets.getItem(j.name).position = j.replaces!.position + k));
  for (const n of outputs.names) {
    if (existingNames.some((e) => lower(e.name) === lower(n.name)))
      names.getItemOrNullObject(n.name).delete();
    names.add(n.name, `=${quoteSheetName(n.sheet)}!${n.ref}`);
  }
  for (const j of retire) worksheets.getItem(j.replaces!.id).delete();
  for (const j of jobs) {
    for (const t of j.tableNames) worksheets.getItem(j.name).tables.getItem(t.temporary).name = t.name;
  }
  if (options.activate !== undefined) worksheets.getItem(options.activate).activate();
}

interface ChunkRun {
  readonly jobs: Job[];
  readonly config: WriteConfig;
  readonly writing: { added: boolean; readonly retries: { count: number } };
  readonly swap: () => void;
  readonly sync: () => Promise<void>;
  readonly progress: () => void;
}

/**
 * One round trip per chunk; the first also adds the temporary sheets.
 * Recursion rather than a loop: a chunk rejected as too large is split in
 * two and retried in its place.
 */
async function writeChunks(
  context: ExcelContext,
  chunks: Chunk[],
  index: number,
  run: ChunkRun,
): Promise<void> {
  if (index >= chunks.length) return;
  const { jobs, config, writing } = run;
  const worksheets = context.workbook.worksheets;
  const chunk = chunks[index];
  if (!writing.added) {
    if (config.features.api19) context.application.suspendScreenUpdatingUntilNextSync();
    for (const j of jobs) worksheets.add(j.temporary);
  }
  if (config.features.api16 && chunk.ops.some((op) => op.formulas)) {
    context.application.suspendApiCalculationUntilNextSync();
  }
  const sheets = new Map<number, ExcelWorksheet>();
  const sheetOf = (job: number) => {
    let ws = sheets.get(job);
    if (!ws) sheets.set(job, (ws = worksheets.getItem(jobs[job].temporary)));
    return ws;
  };
  const byName = new Map(jobs.map((j, i) => [lower(j.name), i]));
  const targets = new Map<number, OpTarget>();
  const targetOf = (job: number): OpTarget => {
    let t = targets.get(job);
    if (!t) {
      t = {
        sheet: sheetOf(job),
        sheetFor: (name) => {
          const other = byName.get(lower(name));
          return other === undefined ? worksheets.getItem(name) : sheetOf(other);
        },
      };
      targets.set(job, t);
    }
    return t;
  };
  for (const op of chunk.ops as readonly TaggedOp[]) op.queue(targetOf(op.job));
  const last = index === chunks.length - 1;
  if (last) run.swap();
  if ((await syncOrSplit(run.sync, chunks, index, writing.retries, config.payloadRetries)) === 'split') {
    return writeChunks(context, chunks, index, run);
  }
  writing.added = true;
  run.progress();
  return writeChunks(context, chunks, index + 1, run);
}

/**
 * After a failed write or swap, in two round trips: which sheets are there
 * now, then every sheet the write added is deleted (one not in the first
 * round trip's list, under a temporary or output name: never a co-author's
 * sheet), the replaced sheets get back their names and places, and the
 * marker names are restored.
 */
async function recover(
  context: ExcelContext,
  before: readonly SheetState[],
  jobs: readonly Job[],
  outputs: Outputs,
  existingNames: readonly { name: string; formula: string }[],
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const names = context.workbook.names;
  try {
    worksheets.load('items/name,items/id');
    await context.sync();
    const known = new Set(before.map((s) => s.id));
    const ours = new Set(jobs.flatMap((j) => [lower(j.temporary), lower(j.name)]));
    const added = worksheets.items.filter((ws) => !known.has(ws.id) && ours.has(lower(ws.name)));
    const now = new Map(worksheets.items.map((ws) => [ws.id, ws]));
    const replaced = jobs
      .map((j) => j.replaces)
      .filter((r): r is SheetState => r !== null)
      .sort((a, b) => a.position - b.position);
    // The old sheets are deleted last: once one is gone, every output is complete and in place,
    // and undoing would lose them: finish instead (delete the other old ones).
    if (replaced.some((r) => !now.has(r.id))) {
      for (const r of replaced) if (now.has(r.id)) worksheets.getItem(r.id).delete();
      await context.sync();
      return;
    }
    const changed = replaced;
    const touched = added.length > 0 || changed.some((r) => now.get(r.id)!.name !== r.name);
    for (const ws of added) worksheets.getItem(ws.id).delete();
    for (const r of changed) {
      const ws = worksheets.getItem(r.id);
      ws.name = r.name;
      ws.position = r.position;
    }
    if (touched) {
      for (const n of outputs.names) names.getItemOrNullObject(n.name).delete();
      for (const n of outputs.names) {
        const old = existingNames.find((e) => lower(e.name) === lower(n.name));
        if (old) names.add(old.name, old.formula);
      }
    }
    await context.sync();
  } catch {
    // The write's own failure is the one to report.
  }
}
