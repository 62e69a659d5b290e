/**
 * The workbook (the request's global object), the application, the
 * worksheet collection and the workbook-level names (ExcelApi 1.1; `add` and
 * `getItemOrNullObject` 1.4, `formula` 1.7). A name referring to a range
 * follows its sheet when the sheet is renamed and reads `=#REF!$A$1` once the
 * sheet is deleted, as in Excel.
 */
import { quoteSheetName, splitSheetRef } from '../../domain/address';
import type { RangeTarget, SheetData } from '../model/cells';
import { HostError, invalidArgument, itemNotFound } from '../model/errors';
import { parseRangeAddress, rectToA1 } from '../model/rangeAddress';
import type { NameData, WorkbookState } from '../model/state';
import type { Execution } from '../richApi/execution';
import { defineType, type TypeDef } from '../richApi/schema';
import { rangeOf } from './ranges';
import { typeRef } from './registry';
import { isValidSheetName } from './sheetRules';

function activeSheet(state: WorkbookState): SheetData {
  const sheet = state.active;
  if (!sheet) throw itemNotFound('no active worksheet');
  return sheet;
}

function findSheet(state: WorkbookState, key: unknown): SheetData | undefined {
  const k = String(key);
  return state.sheet(k) ?? state.sheets.find((s) => s.id === k);
}

export const Workbook: TypeDef<WorkbookState> = defineType<WorkbookState>({
  name: 'Workbook',
  navigations: {
    Worksheets: { type: () => WorksheetCollection, get: (s) => s },
    Names: { type: () => NamedItemCollection, get: (s) => s },
    Tables: { type: typeRef('WorkbookTableCollection'), get: (s) => s },
    Application: { type: () => Application, get: (s) => s },
  },
  methods: {
    /** The client releases what it kept (`context.trackedObjects`; `Excel.run` at its end). */
    _RemoveReference: { call: (_state, [id], x) => x.references.remove(String(id)) },
    _RemoveAllReferences: { call: (_state, _args, x) => x.references.clear() },
    GetSelectedRange: {
      returns: typeRef('Range'),
      call: (state): RangeTarget => {
        const sheet = activeSheet(state);
        return { sheet, rect: sheet.selection };
      },
    },
    GetActiveCell: {
      api: '1.7',
      returns: typeRef('Range'),
      call: (state): RangeTarget => {
        const sheet = activeSheet(state);
        return { sheet, rect: { row: sheet.selection.row, col: sheet.selection.col, rows: 1, cols: 1 } };
      },
    },
  },
});

const CALCULATION_TYPES = ['Recalculate', 'Full', 'FullRebuild'];

export const Application: TypeDef<WorkbookState> = defineType<WorkbookState>({
  name: 'Application',
  properties: { CalculationMode: { get: () => 'Automatic' } },
  methods: {
    /** Formulas written in the rest of this request are not calculated until `calculate()` (state.ts). */
    SuspendApiCalculationUntilNextSync: {
      api: '1.6',
      call: (state) => {
        state.calculationSuspended = true;
      },
    },
    /** Changes nothing the host shows. */
    SuspendScreenUpdatingUntilNextSync: { api: '1.9', call: () => undefined },
    Calculate: {
      call: (state, [type], x: Execution) => {
        if (!CALCULATION_TYPES.includes(type as string))
          throw invalidArgument(`calculation type '${String(type)}'`);
        state.calculate();
        for (const s of state.sheets) x.changedSheets.add(s.name);
      },
    },
  },
});

export const WorksheetCollection: TypeDef<WorkbookState> = defineType<WorkbookState>({
  name: 'WorksheetCollection',
  items: { type: typeRef('Worksheet'), list: (state) => state.sheets },
  /** A sheet by name (without regard to case, as Excel names are) or id. */
  indexer: {
    returns: typeRef('Worksheet'),
    call: (state, [key]) => {
      const sheet = findSheet(state, key);
      if (!sheet) throw itemNotFound(`worksheet ${JSON.stringify(key)}`, 'WorksheetCollection.getItem');
      return sheet;
    },
  },
  methods: {
    GetItemOrNullObject: {
      api: '1.4',
      returns: typeRef('Worksheet'),
      call: (state, [key]) => findSheet(state, key) ?? null,
    },
    GetActiveWorksheet: { returns: typeRef('Worksheet'), call: (state) => activeSheet(state) },
    GetFirst: {
      api: '1.5',
      returns: typeRef('Worksheet'),
      call: (state, [visibleOnly]) => {
        const sheet = state.sheets.find((s) => !visibleOnly || s.visibility === 'Visible');
        if (!sheet) throw itemNotFound('no worksheet');
        return sheet;
      },
    },
    GetLast: {
      api: '1.5',
      returns: typeRef('Worksheet'),
      call: (state, [visibleOnly]) => {
        const sheet = [...state.sheets].reverse().find((s) => !visibleOnly || s.visibility === 'Visible');
        if (!sheet) throw itemNotFound('no worksheet');
        return sheet;
      },
    },
    GetCount: {
      api: '1.4',
      call: (state, [visibleOnly]) =>
        state.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length,
    },
    /** Adds a sheet at the end (`Sheet4` when no name is given). */
    Add: {
      returns: typeRef('Worksheet'),
      call: (state, [name], x) => {
        let n = name === undefined || name === null ? undefined : name;
        for (let i = state.sheets.length + 1; n === undefined; i++) {
          if (!state.sheet(`Sheet${i}`)) n = `Sheet${i}`;
        }
        if (!isValidSheetName(n)) throw invalidArgument(`'${String(n)}' is not a valid sheet name`);
        const sheet = state.addSheet(n, x.journal);
        x.structureChanged = true;
        return sheet;
      },
    },
  },
});

const NAME = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;

function isRangeFormula(formula: string): boolean {
  const split = formula.startsWith('=') ? splitSheetRef(formula) : null;
  return split !== null && parseRangeAddress(split.address) !== null;
}

export const NamedItemCollection: TypeDef<WorkbookState> = defineType<WorkbookState>({
  name: 'NamedItemCollection',
  items: { type: () => NamedItem, list: (state) => state.names },
  indexer: {
    returns: () => NamedItem,
    call: (state, [name]) => {
      const n = state.name(String(name));
      if (!n) throw itemNotFound(`name ${JSON.stringify(name)}`, 'NamedItemCollection.getItem');
      return n;
    },
  },
  methods: {
    GetItemOrNullObject: {
      api: '1.4',
      returns: () => NamedItem,
      call: (state, [name]) => state.name(String(name)) ?? null,
    },
    GetCount: { api: '1.4', call: (state) => state.names.length },
    /** `reference`: a Range, or a formula (`='Avstemming'!$A$1`, with or without `=`). */
    Add: {
      api: '1.4',
      returns: () => NamedItem,
      call: (state, [name, reference], x) => {
        if (typeof name !== 'string' || !NAME.test(name) || parseRangeAddress(name) !== null) {
          throw invalidArgument(`'${String(name)}' is not a valid name`);
        }
        if (
          state.name(name) ||
          state.sheets.some((s) => s.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()))
        ) {
          throw new HostError('ItemAlreadyExists', name);
        }
        let formula: string;
        if (typeof reference === 'string') formula = reference.startsWith('=') ? reference : `=${reference}`;
        else {
          const t = rangeOf(reference, 'NamedItemCollection.add');
          const abs = rectToA1(t.rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
          formula = `=${quoteSheetName(t.sheet.name)}!${abs}`;
        }
        const data: NameData = { name, formula };
        state.names.push(data);
        x.journal.push(() => state.names.splice(state.names.indexOf(data), 1));
        x.structureChanged = true;
        return data;
      },
    },
  },
});

export const NamedItem: TypeDef<NameData> = defineType<NameData>({
  name: 'NamedItem',
  properties: {
    Name: { get: (n) => n.name },
    Type: {
      get: (n) => (isRangeFormula(n.formula) ? 'Range' : n.formula.includes('#REF!') ? 'Error' : 'String'),
    },
    /** For a range name, its address without `=` (`Avstemming!$A$1`). */
    Value: { get: (n) => n.formula.slice(1) },
    Formula: { api: '1.7', get: (n) => n.formula },
    Visible: { get: () => true },
  },
  methods: {
    Delete: {
      api: '1.4',
      call: (n, _args, x) => {
        const names = x.state.names;
        const i = names.indexOf(n);
        if (i < 0) return;
        names.splice(i, 1);
        x.journal.push(() => names.splice(i, 0, n));
        x.structureChanged = true;
      },
    },
  },
});
