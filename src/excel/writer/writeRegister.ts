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
 */
import type { CellModel, SheetModel } from '../../domain/model';
import { sheetFingerprint } from '../../domain/register/fingerprint';
import { findRegisterSheet, readRegister } from '../../domain/register/readRegister';
import { registerSheetModel } from '../../domain/register/registerSheet';
import {
  PROJECTS_TABLE,
  REGISTER_FORMAT_VERSION,
  REGISTER_SHEET,
  SOURCES_TABLE,
  type Register,
} from '../../domain/register/types';
import { sheetsNamed, type SheetSnapshot } from '../../domain/snapshot';
import { toCellValues } from '../adapter/convert';
import {
  completeSheetReads,
  queueSheetRead,
  type QueuedSheet,
  type SheetReadConfig,
} from '../adapter/readWorkbook';
import { isNotFound, isPayloadTooLarge } from '../errors';
import type { ExcelContext, ExcelProtectionOptions, ExcelWorksheet } from '../excelApi';
import { ExcelFailure, type RegisterWriteOptions, type RegisterWriteResult } from '../gateway';
import { sheetOps, type Features } from './sheetOps';
import { bandLimits, deleteSheet, freeName, writeStaged } from './stagedWrite';

export interface RegisterWriteConfig {
  /** Bytes a request or response may have (Excel on the web: 5 MB). */
  readonly payloadLimit: number;
  /** Cells one range read may cover (OFFICEJS.md: 5 000 000). */
  readonly maxCellsPerRead: number;
  readonly features: Features;
  /** How often a round trip rejected as too large is split and retried. */
  readonly payloadRetries: number;
}

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
function protection(features: Features): ExcelProtectionOptions {
  return features.api17
    ? { ...PROTECTION, allowEditObjects: false, allowEditScenarios: false, selectionMode: 'Normal' }
    : { ...PROTECTION };
}

/** Options as read back from a sheet, keeping only those this Excel has (to protect it again). */
function supportedOptions(options: ExcelProtectionOptions, features: Features): ExcelProtectionOptions {
  if (features.api17) return options;
  const { allowEditObjects, allowEditScenarios, selectionMode, ...rest } = options;
  void allowEditObjects;
  void allowEditScenarios;
  void selectionMode;
  return rest;
}

/** The swap's request bytes (generous: a dozen renames, a protection and a deletion). */
const SWAP_BYTES = 16_384;
/** The names the register's tables must have; table names are unique in the workbook. */
const TABLE_NAMES = [PROJECTS_TABLE, SOURCES_TABLE] as const;

const lower = (s: string) => s.toLowerCase();

interface SheetState {
  readonly name: string;
  readonly id: string;
  readonly position: number;
  readonly visibility: string;
}

/** The register sheet as round trip 1 found it. */
export interface RegisterSheetNow extends SheetState {
  readonly protected: boolean;
  readonly options: ExcelProtectionOptions;
  /** As `read()` snapshots it: the values of the used range, values only. */
  readonly snapshot: SheetSnapshot;
  /** `sheetFingerprint(snapshot)`: equal to `read().registerFingerprint` for the same cells. */
  readonly fingerprint: string;
}

/** The workbook as round trip 1 (and, for a large register, a few more) found it. */
export interface WorkbookNow {
  readonly sheets: readonly SheetState[];
  /** Null when the workbook has no register sheet. */
  readonly register: RegisterSheetNow | null;
  readonly tables: readonly { readonly name: string; readonly sheetId: string }[];
  readonly names: readonly string[];
}

interface QueuedRegister {
  readonly sheet: ExcelWorksheet;
  /** Its used range and top rows, queued as read() queues them. */
  readonly read: QueuedSheet;
}

/**
 * Loads what the write needs of the register sheet (one that exists: nothing is called on a
 * possible null object): its id and protection, and its data exactly as read() reads it, with the
 * top-left window unless `window` is false (an answer too large with it).
 */
function queueRegister(
  sheet: ExcelWorksheet,
  name: string,
  config: RegisterWriteConfig,
  window: boolean,
): QueuedRegister {
  sheet.load('id');
  sheet.protection.load('protected,options');
  const wanted = { name, roles: new Set(['register'] as const) };
  return { sheet, read: queueSheetRead(sheet, wanted, readConfig(config), window) };
}

/** read()'s configuration for the register: values only, no indents. */
function readConfig(config: RegisterWriteConfig): SheetReadConfig {
  return { ...config, indents: false };
}

/**
 * Round trip 1: the sheet list, tables and names, and (when a register is expected) the sheet
 * named `Prosjektregister` with its values. Once more without the values when the answer was
 * too large, or without the register when it is gone; one more for a register found under
 * another spelling (`' Prosjektregister'`: findRegisterSheet trims).
 */
export async function readWorkbookNow(
  context: ExcelContext,
  config: RegisterWriteConfig,
  trips: { count: number },
  expectRegister = true,
): Promise<WorkbookNow> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  const first = async (window: boolean, register: boolean): Promise<QueuedRegister | null> => {
    worksheets.load('items/name,items/id,items/position,items/visibility');
    workbook.names.load('items/name');
    workbook.tables.load('items/name,items/worksheet/id');
    const guess = register
      ? queueRegister(worksheets.getItem(REGISTER_SHEET), REGISTER_SHEET, config, window)
      : null;
    trips.count++;
    try {
      await context.sync();
    } catch (e) {
      // A register too wide for the window in one response: its used range alone, then blocks.
      if (window && isPayloadTooLarge(e)) return first(false, register);
      // No sheet of that name (any more): the list alone; the register, if any, is found in it.
      if (register && isNotFound(e)) return first(window, false);
      throw e;
    }
    return guess;
  };
  const guess = await first(true, expectRegister);

  const sheets: SheetState[] = worksheets.items.map((ws) => ({
    name: ws.name,
    id: ws.id,
    position: ws.position,
    visibility: ws.visibility,
  }));
  const tables = workbook.tables.items.map((t) => ({ name: t.name ?? '', sheetId: t.worksheet.id }));
  const names = workbook.names.items.map((n) => n.name);
  // The register is the sheet read() takes for it: found by name, trimmed, as the engine finds it.
  const found = findRegisterSheet({ sheets: sheetsNamed(sheets.map((s) => s.name)) });
  if (!found) return { sheets, register: null, tables, names };
  const state = sheets.find((s) => s.name === found.name)!;

  let queued = guess;
  if (queued === null || queued.sheet.id !== state.id) {
    const load = async (window: boolean): Promise<QueuedRegister> => {
      const q = queueRegister(worksheets.getItem(state.id), state.name, config, window);
      trips.count++;
      try {
        await context.sync();
      } catch (e) {
        if (window && isPayloadTooLarge(e)) return load(false);
        throw e;
      }
      return q;
    };
    queued = await load(true);
  }

  // The rows the window did not hold, in blocks, as read() reads them.
  const [data] = await completeSheetReads(context, readConfig(config), trips, [queued.read]);
  const snapshot: SheetSnapshot = data ?? { name: state.name, origin: { row: 0, col: 0 }, values: [] };
  const { protection } = queued.sheet;
  return {
    sheets,
    register: {
      ...state,
      protected: protection.protected,
      options: protection.options,
      snapshot,
      fingerprint: sheetFingerprint(snapshot),
    },
    tables,
    names,
  };
}

/**
 * The register sheet's model as written: every text cell under the text format `@`, not only
 * those that look like formulas (sheetOps does those). A register is data: text Excel would
 * otherwise read as a date, a currency or `1e5` stays the text it is, and the fingerprint
 * computed from the model (writtenFingerprint) is what Excel then holds.
 */
export function registerWriteModel(register: Register): SheetModel {
  const model = registerSheetModel(register);
  const cells = model.cells.map((c): CellModel =>
    typeof c.value === 'string' && c.formula === undefined && c.numberFormat === undefined
      ? { ...c, numberFormat: '@' }
      : c,
  );
  return { ...model, cells };
}

/**
 * The fingerprint `read()` will give the written sheet, without reading it back: its used range
 * (values only) as Excel's `values` shows it, converted as read() converts it.
 */
export function writtenFingerprint(model: SheetModel): string {
  const content = model.cells.filter(
    (c) => c.formula === undefined && c.value !== undefined && c.value !== null && c.value !== '',
  );
  if (model.cells.some((c) => c.formula !== undefined)) {
    // Formula results are not known here; the register model has none.
    throw new Error('The register sheet model holds formulas: its fingerprint cannot be computed.');
  }
  if (content.length === 0)
    return sheetFingerprint({ name: model.name, origin: { row: 0, col: 0 }, values: [] });
  let row0 = Infinity;
  let col0 = Infinity;
  let row1 = -1;
  let col1 = -1;
  for (const c of content) {
    row0 = Math.min(row0, c.row);
    col0 = Math.min(col0, c.col);
    row1 = Math.max(row1, c.row);
    col1 = Math.max(col1, c.col);
  }
  const values: unknown[][] = Array.from({ length: row1 - row0 + 1 }, () =>
    new Array<unknown>(col1 - col0 + 1).fill(''),
  );
  for (const c of content) values[c.row - row0][c.col - col0] = c.value;
  return sheetFingerprint({
    name: model.name,
    origin: { row: row0, col: col0 },
    values: toCellValues(values),
  });
}

/** Refuses the write, with nothing written, when the workbook is not what the edit was based on. */
function check(now: WorkbookNow, options: RegisterWriteOptions): void {
  const { register } = now;
  if (options.basedOn === null && register !== null) {
    throw new ExcelFailure(
      'changed',
      `A register sheet (${register.name}) was added to the workbook meanwhile; nothing was written.`,
      undefined,
      register.name,
    );
  }
  if (options.basedOn !== null && register === null) {
    throw new ExcelFailure(
      'changed',
      `The register sheet ${REGISTER_SHEET} is no longer in the workbook; nothing was written.`,
      undefined,
      REGISTER_SHEET,
    );
  }
  if (register !== null && register.fingerprint !== options.basedOn) {
    throw new ExcelFailure(
      'changed',
      'The register changed in the workbook since it was read (a co-author?); nothing was written.',
      undefined,
      register.name,
    );
  }
  if (register !== null) {
    // Not `changed`: the sheet is what the pane read, but a later add-in wrote it, and this one
    // must never change it (docs/REGISTER.md). read() reports it as REGISTER_INVALID, so the pane
    // offers no edit; this is the guard behind that. The kind `office` shows Excel's general
    // advice, with the code and the version on the details line.
    const reading = readRegister({ sheets: [register.snapshot] });
    const newer = reading.findings.find(
      (f) => f.code === 'REGISTER_INVALID' && f.params.reason === 'newerVersion',
    );
    if (newer) {
      throw new ExcelFailure(
        'office',
        `The register has format version ${newer.params.text ?? '?'}, newer than this add-in knows (${REGISTER_FORMAT_VERSION}); nothing was written.`,
        'RegisterNewerVersion',
        `${newer.cells[0] ?? register.name}: ${newer.params.text ?? ''}`,
      );
    }
  }
  // The register read is `' Prosjektregister'` (findRegisterSheet trims) and another sheet has the
  // name the new one needs: the swap would fail at the rename.
  const other = now.sheets.find((s) => lower(s.name) === lower(REGISTER_SHEET) && s.id !== register?.id);
  if (other) {
    throw new ExcelFailure(
      'office',
      `Another sheet is named ${other.name}, the name the register needs.`,
      'ItemAlreadyExists',
      other.name,
    );
  }
  // The tables' names are unique in the workbook (and shared with defined names): taken by a
  // table elsewhere or by a name, the swap would fail; refuse before writing anything.
  for (const name of TABLE_NAMES) {
    const table = now.tables.find((t) => lower(t.name) === lower(name) && t.sheetId !== register?.id);
    const taken = table ? now.sheets.find((s) => s.id === table.sheetId)?.name : undefined;
    if (table || now.names.some((n) => lower(n) === lower(name))) {
      throw new ExcelFailure(
        'office',
        `The name ${name}, which the register's table needs, is taken by ${taken ? `a table on ${taken}` : 'a defined name'}.`,
        'ItemAlreadyExists',
        name,
      );
    }
  }
}

/** What the swap and the recovery need: the sheets and names before, and the temporary names. */
interface Plan {
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

/**
 * The swap, queued at the end of the last write round trip, after every cell: if any of that
 * fails, Excel runs none of this. Ordered so that everything up to the old sheet's deletion,
 * the last operation, can be undone by recover().
 */
function queueSwap(context: ExcelContext, plan: Plan): void {
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
async function recover(context: ExcelContext, plan: Plan): Promise<'undone' | 'finished'> {
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
