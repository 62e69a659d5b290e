/**
 * Tables: a sheet's `tables` and the workbook's (every table, in tab order).
 * Table names are unique in the workbook and shared with defined names. A
 * table on a protected sheet cannot change (Excel greys out Table Design
 * there): the host answers `AccessDenied`, as for the sheet's cells.
 *
 * `tables.add('A3:N14', true)` with an address that names no sheet puts the
 * table on the *active* sheet, whichever collection it was called on: so says
 * its documentation ("If the address does not contain a sheet name, the
 * currently-active sheet is used"), and so does the host.
 */
import type { RangeTarget, SheetData, TableData } from '../model/cells';
import { HostError, invalidArgument, itemNotFound } from '../model/errors';
import { overlaps, parseRangeAddress, rectToA1, splitSheetAddress } from '../model/rangeAddress';
import type { WorkbookState } from '../model/state';
import type { Execution } from '../richApi/execution';
import { defineType, type TypeDef } from '../richApi/schema';
import { parseAddress, rangeOf } from './ranges';
import { record } from './record';
import { typeRef } from './registry';

let nextTableId = 1;

function allTables(state: WorkbookState): TableData[] {
  return state.sheets.flatMap((s) => s.tables);
}

/** The sheet that holds a table. */
export function tableSheet(state: WorkbookState, table: TableData): SheetData | undefined {
  return state.sheets.find((s) => s.tables.includes(table));
}

function findTable(state: WorkbookState, key: unknown): TableData | undefined {
  const lower = String(key).toLowerCase();
  return allTables(state).find((t) => t.name.toLowerCase() === lower || t.id === key);
}

/** The data source of `tables.add`: a Range (ExcelApi 1.3), or an address on the active sheet unless it names one. */
function source(x: Execution, arg: unknown, where: string): RangeTarget {
  if (typeof arg !== 'string') {
    x.requireApi('1.3', `${where}(Range)`);
    return rangeOf(arg, where);
  }
  const { sheet: name, address } = splitSheetAddress(arg);
  const sheet = name === null ? x.state.active : (x.state.sheet(name) ?? null);
  if (!sheet) throw invalidArgument(`'${arg}': no such sheet`, where);
  return { sheet, rect: parseAddress(address, where) };
}

function addTable(x: Execution, address: unknown, hasHeaders: unknown): TableData {
  const where = 'TableCollection.add';
  const { sheet, rect } = source(x, address, where);
  x.state.guard(sheet);
  const all = allTables(x.state);
  const clash =
    sheet.tables.some((t) => overlaps(parseRangeAddress(t.range)!, rect)) || sheet.merges.overlapping(rect);
  if (clash) throw new HostError('MergedRangeConflict', rectToA1(rect), where);
  let n = all.length + 1;
  while (all.some((t) => t.name.toLowerCase() === `table${n}`) || x.state.name(`Table${n}`)) n++;
  const table: TableData = {
    id: String(nextTableId++),
    name: `Table${n}`,
    range: rectToA1(rect),
    hasHeaders: hasHeaders === true,
    style: 'TableStyleMedium2',
  };
  sheet.tables.push(table);
  x.journal.push(() => sheet.tables.splice(sheet.tables.indexOf(table), 1));
  x.changedSheets.add(sheet.name);
  return table;
}

export const Table: TypeDef<TableData> = defineType<TableData>({
  name: 'Table',
  key: (t) => ({ Id: t.id }),
  properties: {
    Id: { get: (t) => t.id },
    Name: {
      get: (t) => t.name,
      set: (table, v, x) => {
        if (v === null) return;
        if (typeof v !== 'string' || !/^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(v)) {
          throw invalidArgument(`'${String(v)}' is not a valid table name`);
        }
        const sheet = tableSheet(x.state, table);
        if (sheet) x.state.guard(sheet);
        const clash = allTables(x.state).some((t) => t !== table && t.name.toLowerCase() === v.toLowerCase());
        if (clash || x.state.name(v)) throw new HostError('ItemAlreadyExists', v);
        record(
          x,
          () => table.name,
          (n) => (table.name = n),
          v,
        );
      },
    },
    Style: {
      get: (t) => t.style,
      set: (table, v, x) => {
        if (v === null) return;
        const sheet = tableSheet(x.state, table);
        if (sheet) x.state.guard(sheet);
        record(
          x,
          () => table.style,
          (s) => (table.style = s),
          String(v),
        );
      },
    },
  },
  navigations: {
    Worksheet: {
      api: '1.2',
      type: typeRef('Worksheet'),
      get: (t, x) => {
        const sheet = tableSheet(x.state, t);
        if (!sheet) throw itemNotFound('the table is gone');
        return sheet;
      },
    },
  },
});

export const WorksheetTableCollection: TypeDef<SheetData> = defineType<SheetData>({
  name: 'TableCollection',
  items: { type: () => Table, list: (s) => s.tables },
  indexer: {
    returns: () => Table,
    call: (s, [key]) => {
      const lower = String(key).toLowerCase();
      const table = s.tables.find((t) => t.name.toLowerCase() === lower || t.id === key);
      if (!table) throw itemNotFound(`table ${String(key)}`);
      return table;
    },
  },
  methods: {
    Add: { returns: () => Table, call: (_s, [address, hasHeaders], x) => addTable(x, address, hasHeaders) },
    GetCount: { api: '1.4', call: (s) => s.tables.length },
  },
});

export const WorkbookTableCollection: TypeDef<WorkbookState> = defineType<WorkbookState>({
  name: 'TableCollection',
  items: { type: () => Table, list: (state) => allTables(state) },
  indexer: {
    returns: () => Table,
    call: (state, [key]) => {
      const table = findTable(state, key);
      if (!table) throw itemNotFound(`table ${String(key)}`);
      return table;
    },
  },
  methods: {
    GetItemOrNullObject: {
      api: '1.4',
      returns: () => Table,
      call: (state, [key]) => findTable(state, key) ?? null,
    },
    Add: {
      returns: () => Table,
      call: (_state, [address, hasHeaders], x) => addTable(x, address, hasHeaders),
    },
    GetCount: { api: '1.4', call: (state) => allTables(state).length },
  },
});
