/**
 * The register write's end: the swap, queued at the end of the last write round trip (the old
 * sheet's tables and the old sheet renamed out of the way, the new ones given their names, the
 * new sheet moved to the old one's place and protected, the old sheet deleted last), and, after a
 * failure, the recovery that puts the workbook back as it was.
 */
import { REGISTER_SHEET } from '../../domain/register/types';
import { isNotFound } from '../errors';
import type { ExcelContext, ExcelProtectionOptions } from '../excelApi';
import { lower } from './registerCheck';
import type { WorkbookNow } from './registerNow';
import { deleteSheet } from './stagedWrite';
import type { Features } from './writeOp';

/**
 * What the register sheet allows once protected: nothing but selecting (the default of Excel's
 * Protect Sheet, spelled out). Without a password: against accidental edits, not as security.
 * These options are ExcelApi 1.2; `allowEditObjects`, `allowEditScenarios` and `selectionMode`
 * are 1.7 and are only given where Excel has them (`protection()`).
 */
const PROTECTION: ExcelProtectionOptions = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
};

/** The register's protection options for an Excel with (or without) ExcelApi 1.7. */
export function protection(features: Features): ExcelProtectionOptions {
  return features.api17
    ? { ...PROTECTION, allowEditObjects: false, allowEditScenarios: false, selectionMode: 'Normal' }
    : { ...PROTECTION };
}

/** Options as read back from a sheet, keeping only those this Excel has (to protect it again). */
export function supportedOptions(
  options: ExcelProtectionOptions,
  features: Features,
): ExcelProtectionOptions {
  if (features.api17) return options;
  const { allowEditObjects, allowEditScenarios, selectionMode, ...rest } = options;
  void allowEditObjects;
  void allowEditScenarios;
  void selectionMode;
  return rest;
}

/** What the swap and the recovery need: the sheets and names before, and the temporary names. */
export interface Plan {
  readonly before: WorkbookNow;
  /** The new sheet's temporary name. */
  readonly temporary: string;
  /** The old register's name while it waits for deletion. */
  readonly retired: string;
  /** The new tables: created under temporary names, named at the swap. */
  readonly newTables: readonly { readonly temporary: string; readonly name: string }[];
  /** The old register's tables in the way of the new ones' names, and where they go meanwhile. */
  readonly oldTables: readonly { readonly temporary: string; readonly name: string }[];
  readonly features: Features;
}

/**
 * The swap, queued at the end of the last write round trip, after every cell: if any of that
 * fails, Excel runs none of this. Ordered so that everything up to the old sheet's deletion,
 * the last operation, can be undone by recover().
 */
export function queueSwap(context: ExcelContext, plan: Plan): void {
  const worksheets = context.workbook.worksheets;
  const old = plan.before.register;
  if (old) {
    const sheet = worksheets.getItem(old.id);
    if (plan.oldTables.length > 0) {
      // A protected sheet's tables cannot be renamed. Unprotecting is only done when needed: a
      // sheet protected with a password (by a user) stays protected and the write fails cleanly.
      if (old.protected) sheet.protection.unprotect();
      for (const t of plan.oldTables) sheet.tables.getItem(t.name).name = t.temporary;
    }
    sheet.name = plan.retired;
  }
  const sheet = worksheets.getItem(plan.temporary);
  for (const t of plan.newTables) sheet.tables.getItem(t.temporary).name = t.name;
  sheet.name = REGISTER_SHEET;
  if (old) sheet.position = old.position;
  // Protected after its tables are named (a protected sheet's tables cannot be changed).
  sheet.protection.protect(protection(plan.features));
  // Last: the one operation that cannot be undone (a very hidden sheet made hidden first).
  if (old) deleteSheet(worksheets.getItem(old.id), old.visibility);
}

/**
 * After a failed write or swap, in two round trips: what is there now, then the new sheet
 * deleted (one not in round trip 1's list, under the temporary or the register's name: never a
 * co-author's sheet) and the old register given back its tables' names, its name, place,
 * visibility and protection. Once the old sheet is gone (the swap's last operation ran: only the
 * answer was lost), the write is complete: 'finished', nothing undone.
 */
export async function recover(context: ExcelContext, plan: Plan): Promise<'undone' | 'finished'> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  const old = plan.before.register;
  try {
    // What is there now, and the old register's protection while it is there: nothing is asked
    // of a sheet that may be gone (if it is, the round trip is made again without it).
    const look = async (withOld: boolean) => {
      worksheets.load('items/name,items/id,items/position,items/visibility');
      workbook.tables.load('items/name,items/worksheet/id');
      const protection = old && withOld ? worksheets.getItem(old.id).protection : null;
      protection?.load('protected');
      try {
        await context.sync();
      } catch (e) {
        if (protection && isNotFound(e)) return look(false);
        throw e;
      }
      return protection;
    };
    const oldProtection = await look(true);

    const known = new Set(plan.before.sheets.map((s) => s.id));
    const ours = new Set([lower(plan.temporary), lower(REGISTER_SHEET)]);
    const added = worksheets.items.filter((ws) => !known.has(ws.id) && ours.has(lower(ws.name)));
    const oldNow = old ? worksheets.items.find((ws) => ws.id === old.id) : undefined;
    if (old && !oldNow && added.some((ws) => ws.name === REGISTER_SHEET)) return 'finished';

    for (const ws of added) deleteSheet(worksheets.getItem(ws.id), ws.visibility);
    if (old && oldNow && oldProtection) {
      const sheet = worksheets.getItem(old.id);
      const onOld = new Set(
        workbook.tables.items.filter((t) => t.worksheet.id === old.id).map((t) => lower(t.name ?? '')),
      );
      for (const t of plan.oldTables) {
        if (onOld.has(lower(t.temporary))) sheet.tables.getItem(t.temporary).name = t.name;
      }
      if (oldNow.name !== old.name) sheet.name = old.name;
      const shift = added.filter((ws) => ws.position < oldNow.position).length;
      if (oldNow.position - shift !== old.position) sheet.position = old.position;
      if (oldNow.visibility !== old.visibility) sheet.visibility = old.visibility;
      if (old.protected && !oldProtection.protected) {
        sheet.protection.protect(supportedOptions(old.options, plan.features));
      }
    }
    await context.sync();
  } catch {
    // The write's own failure is the one to report.
  }
  return 'undone';
}
