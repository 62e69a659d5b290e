/**
 * The register write's first round trip: the workbook as it is now (a co-author may have changed
 * it since the pane read it): its sheets, tables and names, and the register sheet with its id,
 * protection and data, read by read()'s own code (readWorkbook.ts `queueSheetRead`,
 * `completeSheetReads`) so that its fingerprint is the one `read()` gave the pane. Once more
 * without the top-left window when the answer was too large, or without the register when it is
 * gone; one more for a register found under another spelling.
 */
import { sheetFingerprint } from '../../domain/register/fingerprint';
import { findRegisterSheet } from '../../domain/register/readRegister';
import { REGISTER_SHEET } from '../../domain/register/types';
import { sheetsNamed, type SheetSnapshot } from '../../domain/snapshot';
import type { SheetReadConfig } from '../adapter/blocks';
import { completeSheetReads, queueSheetRead, type QueuedSheet } from '../adapter/sheetReads';
import { isNotFound, isPayloadTooLarge } from '../errors';
import type { ExcelContext, ExcelProtectionOptions, ExcelWorksheet } from '../excelApi';
import type { Features } from './writeOp';

/** The limits the register write works under, and what this Excel can do. */
export interface RegisterWriteConfig {
  /** Bytes a request or response may have (Excel on the web: 5 MB). */
  readonly payloadLimit: number;
  /** Cells one range read may cover (OFFICEJS.md: 5 000 000). */
  readonly maxCellsPerRead: number;
  readonly features: Features;
  /** How often a round trip rejected as too large is split and retried. */
  readonly payloadRetries: number;
}

export interface SheetState {
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
