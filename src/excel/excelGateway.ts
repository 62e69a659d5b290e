/**
 * The Office.js adapter: `WorkbookGateway` on `Excel.run` in the add-in, or
 * on `Excel.run` of Microsoft's client against the in-memory host (src/host)
 * in the preview and in tests. Every method
 * rejects only with `ExcelFailure` (errors.ts), and logs nothing: the pane
 * decides what the finance officer sees.
 */
import { toExcelFailure, unsupported } from './errors';
import type { ExcelRun, IsSetSupported } from './excelApi';
import type {
  ReadOptions,
  RegisterWriteOptions,
  RegisterWriteResult,
  ReviewAppend,
  ReviewWriteResult,
  SheetChange,
  SheetInfo,
  Unwatch,
  WorkbookGateway,
  WorkbookRead,
  WriteOptions,
  WriteResult,
} from './gateway';
import type { Outputs } from '../domain/outputs';
import type { Register } from '../domain/register/types';
import type { WriteConfig } from './writer/writeOutputs';
import type { RegisterWriteConfig } from './writer/registerNow';
import { ExcelFailure } from './gateway';
import { readWorkbook, type ReadConfig } from './adapter/readWorkbook';
import { parseSheetRef } from './adapter/sheetRef';
import { sheetInfo } from './adapter/convert';
import { watchSheets } from './adapter/watchSheets';
import { findRegisterSheet } from '../domain/register/readRegister';
import { REGISTER_SHEET } from '../domain/register/types';
import { sheetsNamed } from '../domain/snapshot';

/** Excel on the web's limit on a request or a response (OFFICEJS.md). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Reads of more cells may return null values (OFFICEJS.md). */
export const MAX_CELLS_PER_READ = 5_000_000;

export interface ExcelGatewayOptions {
  /**
   * `Office.context.requirements.isSetSupported`. Without it every
   * requirement set is taken as present (tests).
   */
  readonly isSetSupported?: IsSetSupported;
  /** Bytes a response may have; default 5 MB. Desktop Excel has no such limit, but the add-in cannot tell which it runs in. */
  readonly payloadLimit?: number;
  /** Cells one range read may cover; default 5 000 000. */
  readonly maxCellsPerRead?: number;
  /** How often a round trip rejected as too large is retried in smaller blocks; default 4. */
  readonly payloadRetries?: number;
}

/** Requirement sets: what the adapter needs, and what it uses when present. */
const REQUIRED = { set: 'ExcelApi', version: '1.4' } as const;
const CELL_PROPERTIES = '1.9';
const NAME_FORMULAS = '1.7';
const WATCH = '1.7';

/** Whether the sheet exists and is hidden; false when that cannot be told. */
async function isHidden(run: ExcelRun, name: string): Promise<boolean> {
  try {
    return await run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load('visibility');
      await context.sync();
      return !sheet.isNullObject && sheet.visibility !== 'Visible';
    });
  } catch {
    return false; // the original failure is the one to report
  }
}

export function createExcelGateway(run: ExcelRun, options: ExcelGatewayOptions = {}): WorkbookGateway {
  const supports = (version: string) => options.isSetSupported?.('ExcelApi', version) ?? true;

  /** Runs `work`, turning any failure into an ExcelFailure. */
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      throw toExcelFailure(e);
    }
  };

  /** What the register and review-log writers need of this Excel: they read and write alike. */
  const sheetWriteConfig = (): RegisterWriteConfig => ({
    payloadLimit: options.payloadLimit ?? PAYLOAD_LIMIT,
    maxCellsPerRead: options.maxCellsPerRead ?? MAX_CELLS_PER_READ,
    features: { api16: supports('1.6'), api17: supports('1.7'), api19: supports('1.9') },
    payloadRetries: options.payloadRetries ?? 4,
  });

  return {
    writeOutputs: (outputs: Outputs, writeOptions: WriteOptions = {}) =>
      guarded(async (): Promise<WriteResult> => {
        if (!supports(REQUIRED.version)) throw unsupported(REQUIRED.set, REQUIRED.version);
        const config: WriteConfig = {
          payloadLimit: options.payloadLimit ?? PAYLOAD_LIMIT,
          features: { api16: supports('1.6'), api17: supports('1.7'), api19: supports('1.9') },
          nameFormulas: supports(NAME_FORMULAS),
          payloadRetries: options.payloadRetries ?? 4,
        };
        // The writer is its own chunk: the pane's first screen only reads.
        const { writeOutputs } = await import(/* webpackChunkName: "writer" */ './writer/writeOutputs');
        return run((context) => writeOutputs(context, outputs, writeOptions, config));
      }),

    writeRegister: (register: Register, registerOptions: RegisterWriteOptions) =>
      guarded(async (): Promise<RegisterWriteResult> => {
        // ExcelApi 1.4 covers what the register writer uses (protection and visibility are 1.2).
        if (!supports(REQUIRED.version)) throw unsupported(REQUIRED.set, REQUIRED.version);
        // In the writer's chunk, with writeOutputs: the pane's first screen only reads.
        const { writeRegister } = await import(/* webpackChunkName: "writer" */ './writer/writeRegister');
        return run((context) => writeRegister(context, register, registerOptions, sheetWriteConfig()));
      }),

    appendReview: (add: ReviewAppend) =>
      guarded(async (): Promise<ReviewWriteResult> => {
        // ExcelApi 1.4 covers what the review writer uses (protection and visibility are 1.2).
        if (!supports(REQUIRED.version)) throw unsupported(REQUIRED.set, REQUIRED.version);
        // In the writer's chunk: the pane's first screen only reads.
        const { appendReview } = await import(/* webpackChunkName: "writer" */ './writer/writeReview');
        return run((context) => appendReview(context, add, sheetWriteConfig()));
      }),

    watchSheets: (sheets: readonly string[], onChange: (change: SheetChange) => void) =>
      guarded(async (): Promise<Unwatch | null> => {
        // worksheet.onChanged is ExcelApi 1.7: without it the pane offers "Avstem på nytt".
        if (!supports(WATCH)) return null;
        const unwatch = await watchSheets(run, sheets, onChange);
        return () => guarded(unwatch);
      }),

    setRegisterVisible: (visible: boolean) =>
      guarded(() =>
        run(async (context): Promise<string> => {
          const worksheets = context.workbook.worksheets;
          worksheets.load('items/name,items/visibility');
          await context.sync();
          const found = findRegisterSheet({ sheets: sheetsNamed(worksheets.items.map((ws) => ws.name)) });
          if (!found)
            throw new ExcelFailure(
              'notFound',
              'The workbook has no project register.',
              undefined,
              REGISTER_SHEET,
            );
          const sheet = worksheets.getItem(found.name);
          // Visible, it stays protected: it can be looked at, not changed by accident.
          sheet.visibility = visible ? 'Visible' : 'VeryHidden';
          if (visible) sheet.activate();
          await context.sync();
          return found.name;
        }),
      ),

    listSheets: () =>
      guarded(() =>
        run(async (context): Promise<readonly SheetInfo[]> => {
          const worksheets = context.workbook.worksheets;
          worksheets.load('items/name,items/visibility');
          await context.sync();
          return worksheets.items.map(sheetInfo);
        }),
      ),

    read: (readOptions: ReadOptions = {}) =>
      guarded(async (): Promise<WorkbookRead> => {
        if (!supports(REQUIRED.version)) throw unsupported(REQUIRED.set, REQUIRED.version);
        const config: ReadConfig = {
          payloadLimit: options.payloadLimit ?? PAYLOAD_LIMIT,
          maxCellsPerRead: options.maxCellsPerRead ?? MAX_CELLS_PER_READ,
          indents: supports(CELL_PROPERTIES),
          payloadRetries: options.payloadRetries ?? 4,
          nameFormulas: supports(NAME_FORMULAS),
        };
        return run((context) => readWorkbook(context, readOptions, config));
      }),

    select: (ref: string) =>
      guarded(async () => {
        const parsed = parseSheetRef(ref);
        if (!parsed) throw new ExcelFailure('unexpected', `Not a cell reference: ${ref}`, undefined, ref);
        try {
          await run(async (context) => {
            const worksheets = context.workbook.worksheets;
            // getItem fails with ItemNotFound at the sync when the sheet is gone: one round trip.
            const sheet =
              parsed.sheet === null ? worksheets.getActiveWorksheet() : worksheets.getItem(parsed.sheet);
            sheet.activate();
            sheet.getRange(parsed.address).select();
            await context.sync();
          });
        } catch (e) {
          // Excel refuses to activate a hidden sheet (the register is one) with a generic error;
          // only a failed click pays the round trip that finds out whether that was why.
          if (parsed.sheet !== null && (await isHidden(run, parsed.sheet))) {
            throw new ExcelFailure('hiddenSheet', `${parsed.sheet} is hidden`, undefined, parsed.sheet);
          }
          throw e;
        }
      }),
  };
}
