/**
 * `read()`: what the engine needs from the workbook in as few round trips
 * as the payload limit allows, 2 for a plan of ordinary size.
 *
 * Round trip 1 loads every sheet's name and visibility and the workbook's
 * names; the budget, financing and register sheets are then chosen by name,
 * exactly as the engine will choose them. Round trip 2 asks, per chosen
 * sheet, for its used range (`getUsedRange(true)`: values only, so a sheet
 * formatted down to row 1 048 576 does not count; A1 for a blank sheet) and,
 * in the same round trip, for the data of its top-left window (A1 to the used
 * range's end, cut at `WINDOW`): `values`, for the budget and financing sheets
 * `formulas` (a formula without a result is a finding) and `valueTypes`
 * (error values), and the financing sheet's indent levels
 * (`getCellProperties`, ExcelApi 1.9; without it, none: the engine then finds
 * groups by their trailing `:` and the register's sources). A sheet whose
 * used range lies inside its window is then read; a larger one is read in
 * row blocks over more round trips, as many as the payload limit needs
 * (blocks.ts). Nothing is called on an object that may be a null object
 * (docs/EXCEL-BEHAVIOUR.md): the window always holds A1, so it never is.
 * Round trip 2 also reads the two cells where a project cards sheet the
 * add-in wrote says which projects' cards it holds, if it holds only some
 * (domain/outputs/cardSelection.ts): the pane's "one project's card" adds to them.
 *
 * This module runs the round trips; one sheet's read is sheetReads.ts, its row blocks
 * blockReads.ts, the defined names definedNames.ts.
 */
import { parseSelection, SELECTION_RANGE } from '../../domain/outputs/cardSelection';
import { MARKER_NAMES } from '../../domain/outputs/placement';
import { registerFingerprint } from '../../domain/register/fingerprint';
import { sheetsToRead } from '../../domain/reconcile/sheetsToRead';
import type { DefinedNameSnapshot, SheetSnapshot, WorkbookSnapshot } from '../../domain/snapshot';
import { isNotFound, isPayloadTooLarge } from '../errors';
import type { ExcelContext, ExcelRange, ExcelWorksheetCollection } from '../excelApi';
import type { ReadOptions, SheetInfo, WorkbookRead } from '../gateway';
import { sheetInfo } from './convert';
import { readNames } from './definedNames';
import type { SheetReadConfig } from './blocks';
import { completeSheetReads, queueSheetRead, type QueuedSheet } from './sheetReads';

export interface ReadConfig extends SheetReadConfig {
  /** ExcelApi 1.7: names are read by `formula`; before, by `value` (the address). */
  readonly nameFormulas: boolean;
}

/** Reads what the engine needs from the workbook; see above. */
export async function readWorkbook(
  context: ExcelContext,
  options: ReadOptions,
  config: ReadConfig,
  /** Once more from the start when a chosen sheet vanished between round trips 1 and 2 (a co-author). */
  again = true,
): Promise<WorkbookRead> {
  const trips = { count: 0 };
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  // The markers of earlier outputs (`PlanReconciler_*`) are workbook-level names: read with the sheet list.
  const names = context.workbook.names;
  names.load(config.nameFormulas ? 'items/name,items/formula' : 'items/name,items/value');
  trips.count++;
  await context.sync();
  const definedNames = readNames(names.items, config.nameFormulas);
  const sheets: SheetInfo[] = worksheets.items.map(sheetInfo);
  // The sheets the engine will use, found by name as reconcile() finds them.
  const wanted = sheetsToRead(
    sheets.map((s) => s.name),
    options,
  );

  const queued = wanted.map((w) => queueSheetRead(worksheets.getItem(w.name), w, config));
  // Which cards the project cards sheet holds, in the same round trip (cardSelection.ts).
  let selection = queueCardSelection(worksheets, sheets, definedNames);
  trips.count++;
  try {
    await context.sync();
  } catch (e) {
    if (again && isNotFound(e)) {
      const retry = await readWorkbook(context, options, config, false);
      return { ...retry, syncs: retry.syncs + trips.count };
    }
    if (!isPayloadTooLarge(e)) throw e;
    // Windows too large together (wide sheets): the used ranges alone, then blocks.
    const usedOnly = wanted.map((w) => queueSheetRead(worksheets.getItem(w.name), w, config, false));
    selection = queueCardSelection(worksheets, sheets, definedNames);
    trips.count++;
    await context.sync();
    return finish(context, config, trips, sheets, definedNames, usedOnly, selection);
  }
  return finish(context, config, trips, sheets, definedNames, queued, selection);
}

/**
 * Queues the read of the record a project cards sheet keeps when it holds only some projects'
 * cards (two cells), when a marker names a cards sheet that is in the workbook; else null.
 */
function queueCardSelection(
  worksheets: ExcelWorksheetCollection,
  sheets: readonly SheetInfo[],
  names: readonly DefinedNameSnapshot[],
): ExcelRange | null {
  const lower = (s: string) => s.toLowerCase();
  const marker = names.find((n) => lower(n.name) === lower(MARKER_NAMES.cards));
  const sheet = marker && sheets.find((s) => lower(s.name) === lower(marker.sheet));
  if (!sheet) return null;
  const range = worksheets.getItem(sheet.name).getRange(SELECTION_RANGE).untrack();
  range.load('values');
  return range;
}

/** The chosen sheets' data, then the snapshot: the other sheets by name only. */
async function finish(
  context: ExcelContext,
  config: ReadConfig,
  trips: { count: number },
  sheets: readonly SheetInfo[],
  definedNames: DefinedNameSnapshot[],
  queued: readonly QueuedSheet[],
  selection: ExcelRange | null,
): Promise<WorkbookRead> {
  const data = await completeSheetReads(context, config, trips, queued);
  const byName = new Map(queued.map((q, i) => [q.wanted.name, data[i]]));
  const snapshot: WorkbookSnapshot = {
    sheets: sheets.map((info) => {
      const read = byName.get(info.name);
      return read ? { ...read, visibility: info.visibility } : placeholder(info);
    }),
    names: definedNames,
  };
  return {
    snapshot,
    sheets,
    syncs: trips.count,
    registerFingerprint: registerFingerprint(snapshot),
    cardSelection: parseSelection(selection?.values?.[0]),
  };
}

/**
 * A sheet that was not read (or is blank): its name only, so that findings
 * listing the workbook's sheets (SHEET_MISSING) name them all.
 */
function placeholder(info: SheetInfo): SheetSnapshot {
  return { name: info.name, origin: { row: 0, col: 0 }, values: [], visibility: info.visibility };
}
