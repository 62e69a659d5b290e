/**
 * `Worksheet` and its parts the add-in uses: protection (ExcelApi 1.2),
 * frozen panes (1.7), the page layout and horizontal page breaks (1.9). The
 * parts store what was asked in the sheet's data, enough to read it back in
 * tests and the preview; none of them draws anything.
 */
import {
  DEFAULT_PROTECTION_OPTIONS,
  type ProtectionOptions,
  type SheetData,
  type SheetVisibility,
} from '../model/cells';
import { HostError, invalidArgument, invalidOperation, itemNotFound } from '../model/errors';
import { MAX_COLS, MAX_ROWS, splitSheetAddress, type Rect } from '../model/rangeAddress';
import type { Execution } from '../richApi/execution';
import { defineType, type HostObject, type TypeDef } from '../richApi/schema';
import { ChartCollection } from './charts';
import { checkedRect, parseAddress, Range, rangeOf, type RangeTarget } from './range';
import { WorksheetTableCollection } from './tables';

const VISIBILITIES: readonly SheetVisibility[] = ['Visible', 'Hidden', 'VeryHidden'];
const A1: Rect = { row: 0, col: 0, rows: 1, cols: 1 };

export function isValidSheetName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    /^[^\\/?*[\]:]{1,31}$/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'")
  );
}

/** Makes a sheet the active one, recording how to undo it. Excel cannot activate a hidden sheet. */
export function activate(x: Execution, sheet: SheetData): void {
  if (sheet.visibility !== 'Visible') throw invalidOperation(`${sheet.name} is hidden`);
  const { state } = x;
  const old = state.active;
  state.active = sheet;
  x.journal.push(() => (state.active = old));
  x.selectionChanged = true;
}

/**
 * A range argument of a sheet's method: a Range object, or an address (`A5`, `$1:$3`, `'Other'!B2`)
 * on `sheet` unless it names another.
 */
export function rangeArgument(x: Execution, sheet: SheetData, arg: unknown, where: string): RangeTarget {
  if (typeof arg !== 'string') return rangeOf(arg, where);
  const { sheet: name, address } = splitSheetAddress(arg);
  const target = name === null ? sheet : x.state.sheet(name);
  if (!target) throw invalidArgument(`'${arg}' names no sheet of the workbook`, where);
  return { sheet: target, rect: parseAddress(address, where) };
}

function sheetRange(
  where: string,
  locate: (sheet: SheetData, args: readonly unknown[], x: Execution) => Rect | null,
) {
  return {
    returns: () => Range,
    call: (sheet: SheetData, args: readonly unknown[], x: Execution): RangeTarget | null => {
      const rect = locate(sheet, args, x);
      return rect === null ? null : { sheet, rect: checkedRect(rect, where) };
    },
  };
}

function neighbour(
  sheet: SheetData,
  x: Execution,
  visibleOnly: unknown,
  orNull: boolean,
  step: 1 | -1,
): SheetData | null {
  const sheets = x.state.sheets;
  for (let i = sheets.indexOf(sheet) + step; i >= 0 && i < sheets.length; i += step) {
    if (!visibleOnly || sheets[i].visibility === 'Visible') return sheets[i];
  }
  if (orNull) return null;
  throw itemNotFound(`no ${step > 0 ? 'next' : 'previous'} worksheet`);
}

export const Worksheet: TypeDef<SheetData> = defineType<SheetData>({
  name: 'Worksheet',
  key: (s) => ({ Id: s.id }),
  properties: {
    Id: { get: (s) => s.id },
    Name: {
      get: (s) => s.name,
      set: (sheet, value, x) => {
        const other = typeof value === 'string' ? x.state.sheet(value) : undefined;
        if (other && other !== sheet) throw new HostError('ItemAlreadyExists', String(value));
        if (!isValidSheetName(value)) throw invalidArgument(`'${String(value)}' is not a valid sheet name`);
        const old = sheet.name;
        sheet.name = value;
        x.journal.push(() => (sheet.name = old));
        x.state.renameReferences(x.journal, old, value);
        x.structureChanged = true;
      },
    },
    Position: {
      get: (s, x) => x.state.sheets.indexOf(s),
      set: (sheet, value, x) => {
        const { sheets } = x.state;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= sheets.length) {
          throw invalidArgument(`position ${String(value)}`);
        }
        const from = sheets.indexOf(sheet);
        sheets.splice(from, 1);
        sheets.splice(value, 0, sheet);
        x.journal.push(() => {
          sheets.splice(sheets.indexOf(sheet), 1);
          sheets.splice(from, 0, sheet);
        });
        x.structureChanged = true;
      },
    },
    /** Hiding the active sheet activates the next visible one; the last visible sheet cannot be hidden. */
    Visibility: {
      get: (s) => s.visibility,
      set: (sheet, value, x) => {
        if (!VISIBILITIES.includes(value as SheetVisibility))
          throw invalidArgument(`visibility '${String(value)}'`);
        const { state } = x;
        const old = sheet.visibility;
        const oldActive = state.active;
        if (value !== 'Visible' && old === 'Visible') {
          const others = state.sheets.filter((s) => s !== sheet && s.visibility === 'Visible');
          if (others.length === 0) throw invalidOperation('a workbook must keep one visible worksheet');
          if (state.active === sheet) {
            state.active =
              others.find((s) => state.sheets.indexOf(s) > state.sheets.indexOf(sheet)) ?? others[0];
            x.selectionChanged = true;
          }
        }
        sheet.visibility = value as SheetVisibility;
        x.journal.push(() => {
          sheet.visibility = old;
          state.active = oldActive;
        });
        x.structureChanged = true;
      },
    },
  },
  navigations: {
    Protection: { api: '1.2', type: () => WorksheetProtection, get: (s) => s },
    FreezePanes: { api: '1.7', type: () => WorksheetFreezePanes, get: (s) => s },
    Tables: { type: () => WorksheetTableCollection, get: (s) => s },
    Charts: { type: () => ChartCollection, get: (s) => s },
    PageLayout: { api: '1.9', type: () => PageLayout, get: (s) => s },
    HorizontalPageBreaks: { api: '1.9', type: () => PageBreakCollection, get: (s) => s },
  },
  methods: {
    /** No address: the whole sheet. */
    GetRange: sheetRange('Worksheet.getRange', (_s, [address]) =>
      address === undefined || address === null || address === ''
        ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS }
        : parseAddress(String(address), 'Worksheet.getRange'),
    ),
    GetRangeByIndexes: {
      api: '1.7',
      ...sheetRange('Worksheet.getRangeByIndexes', (_s, [row, col, rows, cols]) => ({
        row: row as number,
        col: col as number,
        rows: rows as number,
        cols: cols as number,
      })),
    },
    GetCell: sheetRange('Worksheet.getCell', (_s, [row, col]) => ({
      row: row as number,
      col: col as number,
      rows: 1,
      cols: 1,
    })),
    /** The used range; A1 for a blank sheet. valuesOnly (ExcelApi 1.2): ignore cells that only have a format. */
    GetUsedRange: sheetRange(
      'Worksheet.getUsedRange',
      (s, [valuesOnly]) => s.usedRect(valuesOnly === true) ?? A1,
    ),
    /** A null object for a blank sheet. */
    GetUsedRangeOrNullObject: {
      api: '1.4',
      ...sheetRange('Worksheet.getUsedRangeOrNullObject', (s, [valuesOnly]) =>
        s.usedRect(valuesOnly === true),
      ),
    },
    GetNext: { api: '1.5', returns: () => Worksheet, call: (s, [v], x) => neighbour(s, x, v, false, 1) },
    GetNextOrNullObject: {
      api: '1.5',
      returns: () => Worksheet,
      call: (s, [v], x) => neighbour(s, x, v, true, 1),
    },
    GetPrevious: { api: '1.5', returns: () => Worksheet, call: (s, [v], x) => neighbour(s, x, v, false, -1) },
    GetPreviousOrNullObject: {
      api: '1.5',
      returns: () => Worksheet,
      call: (s, [v], x) => neighbour(s, x, v, true, -1),
    },
    Activate: { call: (sheet, _args, x) => activate(x, sheet) },
    /**
     * Deletes the sheet. A very hidden sheet cannot be deleted (the API reference: "will fail with
     * an `InvalidOperation` exception"; office-js #365 reported `GeneralException` before that was
     * documented), nor the last visible one. Names referring to it break (`#REF!`).
     */
    Delete: {
      call: (sheet, _args, x) => {
        const { state } = x;
        if (sheet.visibility === 'VeryHidden') {
          throw invalidOperation(`${sheet.name} is very hidden and cannot be deleted`);
        }
        if (
          sheet.visibility === 'Visible' &&
          !state.sheets.some((s) => s !== sheet && s.visibility === 'Visible')
        ) {
          throw invalidOperation('a workbook must keep one visible worksheet');
        }
        const index = state.sheets.indexOf(sheet);
        const oldActive = state.active;
        state.sheets.splice(index, 1);
        if (state.active === sheet)
          state.active = state.sheets.find((s) => s.visibility === 'Visible') ?? null;
        x.journal.push(() => {
          state.sheets.splice(index, 0, sheet);
          state.active = oldActive;
        });
        state.breakNames(x.journal, sheet.name);
        x.structureChanged = true;
        x.selectionChanged = true;
      },
    },
  },
});

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

/** Records a change to a sheet-level field with its undo. */
export function record<T>(x: Execution, get: () => T, set: (v: T) => void, value: T): void {
  const old = get();
  set(value);
  x.journal.push(() => set(old));
}

function freeze(sheet: SheetData, x: Execution, to: SheetData['freeze']): void {
  record(
    x,
    () => sheet.freeze,
    (v) => (sheet.freeze = v),
    to,
  );
  x.changedSheets.add(sheet.name);
}

const count = (v: unknown): number => {
  const n = v === undefined || v === null ? 1 : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw invalidArgument(`count ${String(v)}`);
  return n;
};

export const WorksheetFreezePanes: TypeDef<SheetData> = defineType<SheetData>({
  name: 'WorksheetFreezePanes',
  methods: {
    FreezeRows: { api: '1.7', call: (s, [n], x) => freeze(s, x, { rows: count(n), cols: 0 }) },
    FreezeColumns: { api: '1.7', call: (s, [n], x) => freeze(s, x, { rows: 0, cols: count(n) }) },
    /** The range's bottom-right corner is the last frozen cell: everything above and left of it stays in view. */
    FreezeAt: {
      api: '1.7',
      call: (s, [range], x) => {
        const { rect } = rangeArgument(x, s, range, 'WorksheetFreezePanes.freezeAt');
        freeze(s, x, { rows: rect.row + rect.rows, cols: rect.col + rect.cols });
      },
    },
    Unfreeze: { api: '1.7', call: (s, _args, x) => freeze(s, x, null) },
  },
});

const ORIENTATIONS = ['Portrait', 'Landscape'];

type LayoutKey = Exclude<keyof SheetData['pageLayout'], 'printTitleRows'>;

function layoutSetting<K extends LayoutKey>(key: K, fallback: unknown) {
  return {
    api: '1.9',
    get: (s: SheetData) => s.pageLayout[key] ?? fallback,
    set: (s: SheetData, v: unknown, x: Execution) => {
      if (v === null) return;
      if (key === 'orientation' && !ORIENTATIONS.includes(v as string))
        throw invalidArgument(`orientation '${String(v)}'`);
      if (key.endsWith('Margin') && !(typeof v === 'number' && v >= 0))
        throw invalidArgument(`${key} ${String(v)}`);
      if (key.endsWith('Footer') && typeof v !== 'string') throw invalidArgument(`${key} ${String(v)}`);
      const value = (key === 'zoom' ? { ...(v as object) } : v) as SheetData['pageLayout'][K];
      record(
        x,
        () => s.pageLayout[key],
        (w) => (s.pageLayout[key] = w),
        value,
      );
    },
  };
}

export const PageLayout: TypeDef<SheetData> = defineType<SheetData>({
  name: 'PageLayout',
  properties: {
    Orientation: layoutSetting('orientation', 'Portrait'),
    PaperSize: layoutSetting('paperSize', 'Letter'),
    Zoom: layoutSetting('zoom', { scale: 100 }),
    LeftMargin: layoutSetting('leftMargin', 50.4),
    RightMargin: layoutSetting('rightMargin', 50.4),
    TopMargin: layoutSetting('topMargin', 54),
    BottomMargin: layoutSetting('bottomMargin', 54),
    HeaderMargin: layoutSetting('headerMargin', 21.6),
    FooterMargin: layoutSetting('footerMargin', 21.6),
  },
  navigations: {
    HeadersFooters: { api: '1.9', type: () => HeaderFooterGroup, get: (s) => s },
  },
  methods: {
    /** Whole rows, `$1:$3`, or a range on them. */
    SetPrintTitleRows: {
      api: '1.9',
      call: (s, [rows], x) => {
        const { rect } = rangeArgument(x, s, rows, 'PageLayout.setPrintTitleRows');
        const value = `$${rect.row + 1}:$${rect.row + rect.rows}`;
        record(
          x,
          () => s.pageLayout.printTitleRows,
          (v) => (s.pageLayout.printTitleRows = v),
          value,
        );
      },
    },
  },
});

/** `PageLayout.headersFooters`: only the footers of every page are modelled. */
export const HeaderFooterGroup: TypeDef<SheetData> = defineType<SheetData>({
  name: 'HeaderFooterGroup',
  navigations: {
    DefaultForAllPages: { api: '1.9', type: () => HeaderFooter, get: (s) => s },
  },
});

export const HeaderFooter: TypeDef<SheetData> = defineType<SheetData>({
  name: 'HeaderFooter',
  properties: {
    LeftFooter: layoutSetting('leftFooter', ''),
    CenterFooter: layoutSetting('centerFooter', ''),
    RightFooter: layoutSetting('rightFooter', ''),
  },
});

interface PageBreakTarget {
  readonly sheet: SheetData;
  readonly row: number;
}

export const PageBreak: TypeDef<PageBreakTarget> = defineType<PageBreakTarget>({
  name: 'PageBreak',
  properties: { RowIndex: { api: '1.9', get: (b) => b.row }, ColumnIndex: { api: '1.9', get: () => 0 } },
});

export const PageBreakCollection: TypeDef<SheetData> = defineType<SheetData>({
  name: 'PageBreakCollection',
  items: { type: () => PageBreak, list: (s) => s.rowBreaks.map((row) => ({ sheet: s, row })) },
  methods: {
    /** A manual break above the range's top-left cell. */
    Add: {
      api: '1.9',
      returns: () => PageBreak,
      call: (s, [range], x): PageBreakTarget => {
        const { rect } = rangeArgument(x, s, range, 'PageBreakCollection.add');
        if (!s.rowBreaks.includes(rect.row)) {
          s.rowBreaks.push(rect.row);
          s.rowBreaks.sort((a, b) => a - b);
          x.journal.push(() => s.rowBreaks.splice(s.rowBreaks.indexOf(rect.row), 1));
        }
        return { sheet: s, row: rect.row };
      },
    },
    RemovePageBreaks: {
      api: '1.9',
      call: (s, _args, x) => {
        const old = [...s.rowBreaks];
        s.rowBreaks.length = 0;
        x.journal.push(() => s.rowBreaks.push(...old));
      },
    },
  },
});

export type { HostObject };
