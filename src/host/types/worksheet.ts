/**
 * `Worksheet`: its name, position and visibility, the ranges it gives
 * (`getRange`, `getUsedRange` …), its neighbours, activating and deleting it.
 * Its parts are types of their own: protection (protection.ts, ExcelApi 1.2),
 * frozen panes (freezePanes.ts, 1.7), the page layout and page breaks
 * (pageLayout.ts, 1.9), charts (charts.ts) and tables (tables.ts). Its Changed event (1.7) is
 * registered here and delivered by the host (richApi/events.ts).
 */
import type { RangeTarget, SheetData, SheetVisibility } from '../model/cells';
import { HostError, invalidArgument, invalidOperation, itemNotFound } from '../model/errors';
import { MAX_COLS, MAX_ROWS, type Rect } from '../model/rangeAddress';
import { EventId } from '../richApi/events';
import type { Execution } from '../richApi/execution';
import { defineType, type TypeDef } from '../richApi/schema';
import { checkedRect, parseAddress } from './ranges';
import { typeRef } from './registry';
import { activate, isValidSheetName } from './sheetRules';

const VISIBILITIES: readonly SheetVisibility[] = ['Visible', 'Hidden', 'VeryHidden'];
const A1: Rect = { row: 0, col: 0, rows: 1, cols: 1 };

function sheetRange(
  where: string,
  locate: (sheet: SheetData, args: readonly unknown[], x: Execution) => Rect | null,
) {
  return {
    returns: typeRef('Range'),
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
    Protection: { api: '1.2', type: typeRef('WorksheetProtection'), get: (s) => s },
    FreezePanes: { api: '1.7', type: typeRef('WorksheetFreezePanes'), get: (s) => s },
    Tables: { type: typeRef('WorksheetTableCollection'), get: (s) => s },
    Charts: { type: typeRef('ChartCollection'), get: (s) => s },
    PageLayout: { api: '1.9', type: typeRef('PageLayout'), get: (s) => s },
    HorizontalPageBreaks: { api: '1.9', type: typeRef('PageBreakCollection'), get: (s) => s },
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
     * `worksheet.onChanged` (ExcelApi 1.7): the client registers the sheet's Changed event with
     * its first handler and unregisters it with its last; the host then delivers one event per
     * cell edit on the sheet (richApi/events.ts).
     */
    _RegisterDataChangedEvent: {
      api: '1.7',
      call: (sheet, _args, x) => x.events.register(EventId.WorksheetChanged, sheet.id),
    },
    _UnregisterDataChangedEvent: {
      api: '1.7',
      call: (sheet, _args, x) => x.events.unregister(EventId.WorksheetChanged, sheet.id),
    },
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
