/**
 * `Worksheet.protection` (ExcelApi 1.2): protecting and unprotecting a sheet,
 * with the options each Excel has (`allowEditObjects` 1.7) and a password
 * (1.7). What was asked is stored in the sheet's data; the cells of a
 * protected sheet refuse writes (state.ts `guard`).
 */
import { DEFAULT_PROTECTION_OPTIONS, type ProtectionOptions, type SheetData } from '../model/cells';
import { HostError, invalidArgument, invalidOperation } from '../model/errors';
import type { Execution } from '../richApi/execution';
import { defineType, type TypeDef } from '../richApi/schema';

/** What each protection option needs (`WorksheetProtectionOptions` in @types/office-js). */
const OPTION_API: Readonly<Record<keyof ProtectionOptions, string>> = {
  allowAutoFilter: '1.2',
  allowDeleteColumns: '1.2',
  allowDeleteRows: '1.2',
  allowEditObjects: '1.7',
  allowEditScenarios: '1.7',
  allowFormatCells: '1.2',
  allowFormatColumns: '1.2',
  allowFormatRows: '1.2',
  allowInsertColumns: '1.2',
  allowInsertHyperlinks: '1.2',
  allowInsertRows: '1.2',
  allowPivotTables: '1.2',
  allowSort: '1.2',
  selectionMode: '1.7',
};

function recordProtection(
  sheet: SheetData,
  x: Execution,
  on: boolean,
  options: Required<ProtectionOptions>,
  password: string | null,
): void {
  const old = { on: sheet.isProtected, options: sheet.protectionOptions, password: sheet.protectionPassword };
  sheet.isProtected = on;
  sheet.protectionOptions = options;
  sheet.protectionPassword = password;
  x.journal.push(() => {
    sheet.isProtected = old.on;
    sheet.protectionOptions = old.options;
    sheet.protectionPassword = old.password;
  });
  x.structureChanged = true;
}

export const WorksheetProtection: TypeDef<SheetData> = defineType<SheetData>({
  name: 'WorksheetProtection',
  properties: {
    Protected: { get: (s) => s.isProtected },
    Options: { get: (s) => ({ ...s.protectionOptions }) },
  },
  methods: {
    /**
     * Protects the sheet; fails if it is protected already, as Office.js documents. Each option
     * needs its own ExcelApi version (`allowEditObjects` 1.7), and so does a password (1.7).
     * Options not given take Excel's defaults: nothing but selecting.
     */
    Protect: {
      call: (sheet, [options, password], x) => {
        const given = (options ?? {}) as Record<string, unknown>;
        for (const key of Object.keys(given)) {
          if (given[key] === undefined || given[key] === null) continue;
          const api = OPTION_API[key as keyof ProtectionOptions];
          if (api === undefined) throw invalidArgument(`unknown protection option '${key}'`);
          x.requireApi(api, `WorksheetProtectionOptions.${key}`);
        }
        if (password !== undefined && password !== null)
          x.requireApi('1.7', 'WorksheetProtection.protect(password)');
        if (sheet.isProtected) throw invalidOperation(`${sheet.name} is protected already`);
        recordProtection(
          sheet,
          x,
          true,
          { ...DEFAULT_PROTECTION_OPTIONS, ...(given as ProtectionOptions) },
          typeof password === 'string' ? password : null,
        );
      },
    },
    /** Nothing happens when the sheet is not protected; a wrong password is `BadPassword`. */
    Unprotect: {
      call: (sheet, [password], x) => {
        if (password !== undefined && password !== null)
          x.requireApi('1.7', 'WorksheetProtection.unprotect(password)');
        if (!sheet.isProtected) return;
        if (sheet.protectionPassword !== null && password !== sheet.protectionPassword) {
          throw new HostError('BadPassword', sheet.name);
        }
        recordProtection(sheet, x, false, sheet.protectionOptions, null);
      },
    },
  },
});
