/**
 * `writeRegister()`: the register sheet (`Prosjektregister`) written with
 * Office.js so that a co-author's edit is never overwritten and a failure
 * leaves the workbook as it was.
 *
 * Round trip 1 reads the sheet list, the workbook's tables and names, and,
 * when the edit started from a register, that sheet's protection and data,
 * read by read()'s own code (readWorkbook.ts `queueSheetRead`,
 * `completeSheetReads`: the used range, values only, with its top-left
 * window; more rows in blocks), so that its fingerprint is the one `read()`
 * gave the pane. The write is refused, with nothing
 * written, when the register is not what `basedOn` says (`changed`), when its
 * format version is newer than this add-in knows, or when a table name the
 * register needs is taken elsewhere. Then the new register is written to a
 * new sheet under a temporary name (stagedWrite.ts), and at the end of the
 * last round trip comes the swap: the old sheet's tables renamed out of the
 * way (unprotecting it first when it is protected), the old sheet renamed out
 * of the way, the new tables and sheet given their names, the new sheet moved
 * to the old one's place and protected, and the old sheet deleted last: Excel
 * stops a round trip at its first failing action, and everything before the
 * deletion can be undone. 2 round trips below the limit (1 000 entries
 * included); if anything fails, two more put the workbook back as it was
 * (recover()).
 *
 * The register is written very hidden: Excel's menus cannot unhide it (the
 * pane can, gateway `setRegisterVisible`), and a very hidden sheet cannot be
 * deleted, so the swap makes the old one merely hidden just before deleting it
 * (stagedWrite.ts `deleteSheet`).
 *
 * This module runs the write; round trip 1 is registerNow.ts, the refusals registerCheck.ts, the
 * sheet and its fingerprint registerModel.ts, the swap and the recovery registerSwap.ts.
 */
import { REGISTER_FORMAT_VERSION, REGISTER_SHEET, type Register } from '../../domain/register/types';
import type { ExcelContext } from '../excelApi';
import { ExcelFailure, type RegisterWriteOptions, type RegisterWriteResult } from '../gateway';
import { check, lower, TABLE_NAMES } from './registerCheck';
import { registerWriteModel, writtenFingerprint } from './registerModel';
import { readWorkbookNow, type RegisterWriteConfig } from './registerNow';
import { queueSwap, recover, type Plan } from './registerSwap';
import { sheetOps } from './sheetOps';
import { bandLimits, freeName, writeStaged } from './stagedWrite';

/** The swap's request bytes (generous: a dozen renames, a protection and a deletion). */
const SWAP_BYTES = 16_384;

/** Writes the register sheet; see above. */
export async function writeRegister(
  context: ExcelContext,
  register: Register,
  options: RegisterWriteOptions,
  config: RegisterWriteConfig,
): Promise<RegisterWriteResult> {
  if (register.formatVersion > REGISTER_FORMAT_VERSION) {
    throw new ExcelFailure(
      'unexpected',
      `A register of format version ${register.formatVersion} cannot be written by this add-in.`,
    );
  }
  const trips = { count: 0 };
  const sync = async () => {
    trips.count++;
    await context.sync();
  };

  // Round trip 1: what is there now (a co-author may have changed it since the pane read it).
  const now = await readWorkbookNow(context, config, trips, options.basedOn !== null);
  check(now, options);

  const model = registerWriteModel(register);
  const fingerprint = writtenFingerprint(model);
  // `protect` is done at the swap (after the tables are named), not by sheetOps.
  const ops = sheetOps(model, config.features, bandLimits(config.payloadLimit));

  const takenSheets = new Set(now.sheets.map((s) => lower(s.name)));
  const takenTables = new Set([...now.tables.map((t) => lower(t.name)), ...now.names.map(lower)]);
  for (const t of ops.tableNames) takenTables.add(lower(t.temporary));
  const old = now.register;
  const plan: Plan = {
    before: now,
    temporary: freeName('~PR', takenSheets),
    retired: freeName('~PR old', takenSheets),
    newTables: ops.tableNames,
    oldTables: old
      ? now.tables
          .filter((t) => t.sheetId === old.id && TABLE_NAMES.some((n) => lower(n) === lower(t.name)))
          .map((t) => ({ name: t.name, temporary: freeName('PlanReconcilerOld', takenTables, '') }))
      : [],
    features: config.features,
  };

  const stage = {
    temporaries: [plan.temporary],
    finalNames: [REGISTER_SHEET],
    ops: ops.ops.map((op) => ({ ...op, job: 0 })),
    swap: () => queueSwap(context, plan),
    swapBytes: SWAP_BYTES,
  };
  try {
    await writeStaged(context, stage, config, sync);
  } catch (e) {
    if ((await recover(context, plan)) === 'finished') return { fingerprint, syncs: trips.count };
    throw e;
  }
  return { fingerprint, syncs: trips.count };
}
