/**
 * `writeOutputs()`: the output sheets written with Office.js so that a
 * failure leaves the workbook as it was.
 *
 * Round trip 1 reads the sheet list (names, ids, positions) and the
 * workbook-level names, and checks the placement against them: a sheet to
 * replace must still be there and carry the add-in's marker, a new sheet's
 * name must still be free. Then every output is written to a new sheet under
 * a temporary name, in as many round trips as the payload limit needs
 * (stagedWrite.ts), and swapped in at the end of the last one: each replaced
 * sheet is renamed out of the way, the new sheet takes its name and position,
 * the marker names are rewritten, and the old sheets are deleted. If anything
 * fails, two more round trips put the workbook back as it was (recover()).
 * The user's sheets are never touched.
 */
import { quoteSheetName } from '../../domain/address';
import type { Outputs } from '../../domain/outputs';
import { MARKER_NAMES } from '../../domain/outputs/placement';
import { readNames } from '../adapter/definedNames';
import type { ExcelContext } from '../excelApi';
import { ExcelFailure, type LeftOut, type WriteOptions, type WriteResult } from '../gateway';
import { sheetOps } from './sheetOps';
import type { Features } from './writeOp';
import { bandLimits, deleteSheet, freeName, writeStaged, type StagedOp } from './stagedWrite';

export interface WriteConfig {
  /** Bytes a request may have (Excel on the web: 5 MB). */
  readonly payloadLimit: number;
  readonly features: Features;
  /** ExcelApi 1.7: names are read by `formula`, else by `value`. */
  readonly nameFormulas: boolean;
  /** How often a round trip rejected as too large is split and retried. */
  readonly payloadRetries: number;
}

/** The swap's request bytes: a few renames, moves, names and deletions per output (generous). */
const SWAP_BYTES_PER_SHEET = 4_096;

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

const lower = (s: string) => s.toLowerCase();

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
  const limits = bandLimits(config.payloadLimit);
  const plans = outputs.sheets.map(({ sheet }) => sheetOps(sheet, config.features, limits));
  const jobs: Job[] = outputs.sheets.map(({ placement, sheet }, job) => {
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
    const temporary = freeName('~PR', taken);
    return { name: placement.sheet, temporary, replaces, tableNames: plans[job].tableNames };
  });

  // The write, in round trips under the limit.
  const leftOut = new Set<LeftOut>(plans.flatMap((p) => p.leftOut));
  const stage = {
    temporaries: jobs.map((j) => j.temporary),
    finalNames: jobs.map((j) => j.name),
    ops: plans.flatMap((p, job): StagedOp[] => p.ops.map((op) => ({ ...op, job }))),
    swap: () => queueSwap(context, jobs, outputs, existingNames, taken, options),
    swapBytes: SWAP_BYTES_PER_SHEET * (jobs.length + outputs.names.length),
  };
  try {
    await writeStaged(context, stage, config, sync, (done, total) =>
      options.onProgress?.(Math.min(1, (done + 1) / (total + 1))),
    );
  } catch (e) {
    await recover(context, sheets, jobs, outputs, existingNames);
    throw e;
  }
  options.onProgress?.(1);
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
  // The markers first, on the temporary sheets (names follow a renamed sheet), then the renames:
  // Excel on the web can undo a rename (not desktop Excel, where it clears the undo stack), so a
  // Ctrl+Z right after leaves a marked sheet under its temporary name, which the next insert
  // replaces, rather than an unmarked one under the output's name (docs/EXCEL-BEHAVIOUR.md).
  const temporaryOf = new Map(jobs.map((j) => [lower(j.name), j.temporary]));
  for (const n of outputs.names) {
    // It was there in round trip 1; a name a co-author removed since fails the swap (and recovers).
    if (existingNames.some((e) => lower(e.name) === lower(n.name))) names.getItem(n.name).delete();
    names.add(n.name, `=${quoteSheetName(temporaryOf.get(lower(n.sheet)) ?? n.sheet)}!${n.ref}`);
  }
  for (const j of jobs) worksheets.getItem(j.temporary).name = j.name;
  retire.forEach((j, k) => (worksheets.getItem(j.name).position = j.replaces!.position + k));
  // Last, the deletions (no Excel can undo them): nothing of the insert can be undone after.
  for (const j of retire) worksheets.getItem(j.replaces!.id).delete();
  for (const j of jobs) {
    for (const t of j.tableNames) worksheets.getItem(j.name).tables.getItem(t.temporary).name = t.name;
  }
  if (options.activate !== undefined) worksheets.getItem(options.activate).activate();
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
    worksheets.load('items/name,items/id,items/visibility');
    names.load('items/name');
    await context.sync();
    const namesNow = new Set(names.items.map((n) => lower(n.name)));
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
    const touched = added.length > 0 || replaced.some((r) => now.get(r.id)!.name !== r.name);
    for (const ws of added) deleteSheet(worksheets.getItem(ws.id), ws.visibility);
    for (const r of replaced) {
      const ws = worksheets.getItem(r.id);
      ws.name = r.name;
      ws.position = r.position;
    }
    if (touched) {
      for (const n of outputs.names) if (namesNow.has(lower(n.name))) names.getItem(n.name).delete();
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
