/**
 * The workbook, its worksheet collection, worksheets and their protection,
 * as Office.js API objects (see clientObject.ts for the load/sync rules).
 */
import {
  DEFAULT_PROTECTION_OPTIONS,
  type FakeProtectionOptions,
  type SheetData,
  type SheetVisibility,
} from './cells';
import {
  FakeClientObject,
  FakeClientResult,
  collectItems,
  type Collected,
  type Scalars,
} from './clientObject';
import type { Execution, FakeRequestContext } from './context';
import { FakeOfficeError, invalidArgument, itemNotFound } from './errors';
import type { LoadTree } from './loadSpec';
import { MAX_COLS, MAX_ROWS, parseRangeAddress, type Rect } from './rangeAddress';
import { FakeRange, type RangeTarget } from './ranges';
import type { WorkbookState } from './state';
import { FakeNamedItemCollection } from './names';
import {
  FakeChartCollection,
  FakeFreezePanes,
  FakePageBreakCollection,
  FakePageLayout,
  FakeTable,
  FakeTableCollection,
  tableSheet,
} from './sheetParts';
import type { FakeTableData } from './cells';

const quote = (s: string) => JSON.stringify(s);

export class FakeWorkbookObject extends FakeClientObject<WorkbookState> {
  protected readonly typeName = 'Workbook';
  protected readonly scalars: Scalars<WorkbookState> = {};
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeWorkbookTableCollection;

  constructor(context: FakeRequestContext) {
    super(context, 'workbook', (exec) => exec.state);
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
    this.tables = new FakeWorkbookTableCollection(context);
  }

  protected override navigation(name: string) {
    if (name === 'names') return this.names;
    if (name === 'tables') return this.tables;
    return name === 'worksheets' ? this.worksheets : undefined;
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, 'workbook.getSelectedRange()', (exec) => {
      const sheet = activeSheet(exec);
      return { sheet, rect: sheet.selection };
    });
  }

  getActiveCell(): FakeRange {
    return new FakeRange(this.context, 'workbook.getActiveCell()', (exec) => {
      exec.requireApi('1.7', 'Workbook.getActiveCell');
      const sheet = activeSheet(exec);
      return { sheet, rect: { row: sheet.selection.row, col: sheet.selection.col, rows: 1, cols: 1 } };
    });
  }
}

function activeSheet(exec: Execution): SheetData {
  const sheet = exec.state.active;
  if (!sheet) throw itemNotFound('no active worksheet', 'Workbook');
  return sheet;
}

export class FakeWorksheetCollection extends FakeClientObject<WorkbookState> {
  protected readonly typeName = 'WorksheetCollection';
  protected readonly scalars: Scalars<WorkbookState> = {};
  private itemList: FakeWorksheet[] | undefined;

  constructor(context: FakeRequestContext) {
    super(context, 'workbook.worksheets', (exec) => exec.state);
  }

  /** The worksheets in tab order, after `load('items/name')` (or any items load) and a sync. */
  get items(): FakeWorksheet[] {
    if (this.itemList === undefined) return this.get<FakeWorksheet[]>('items');
    return this.itemList;
  }

  /** `load('items/name')`, `load('name')` (taken as items/name) and `load('items')` all load the items. */
  override collect(exec: Execution, tree: LoadTree): Collected {
    const items = exec.state.sheets.map(
      (sheet) =>
        new FakeWorksheet(this.context, `workbook.worksheets.getItem(${quote(sheet.id)})`, () => sheet),
    );
    return collectItems(exec, tree, items, (list) => (this.itemList = list));
  }

  /** A sheet by name (without regard to case, as Excel names are) or id; fails at sync with ItemNotFound. */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `workbook.worksheets.getItem(${quote(key)})`, (exec) => {
      const sheet = findSheet(exec.state, key);
      if (!sheet) throw itemNotFound(`worksheet ${quote(key)}`, 'WorksheetCollection.getItem');
      return sheet;
    });
  }

  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      `workbook.worksheets.getItemOrNullObject(${quote(key)})`,
      (exec) => {
        exec.requireApi('1.4', 'WorksheetCollection.getItemOrNullObject');
        return findSheet(exec.state, key) ?? null;
      },
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, 'workbook.worksheets.getActiveWorksheet()', activeSheet);
  }

  /** ExcelApi 1.5. */
  getFirst(visibleOnly = false): FakeWorksheet {
    return new FakeWorksheet(this.context, `workbook.worksheets.getFirst(${visibleOnly})`, (exec) => {
      exec.requireApi('1.5', 'WorksheetCollection.getFirst');
      const sheet = exec.state.sheets.find((s) => !visibleOnly || s.visibility === 'Visible');
      if (!sheet) throw itemNotFound('no worksheet', 'WorksheetCollection.getFirst');
      return sheet;
    });
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue({
      request: { call: this.path, method: 'getCount', args: [] },
      run: (exec) => {
        const n = exec.state.sheets.length;
        exec.respond(n);
        exec.onCommit(() => result.settle(n));
      },
    });
    return result;
  }

  /** Adds a sheet at the end (a name like `Sheet4` when none is given). */
  add(name?: string): FakeWorksheet {
    let added: SheetData | null = null;
    this.context.enqueue({
      request: { call: this.path, method: 'add', args: [name ?? null] },
      run: (exec) => {
        let n = name;
        for (let i = exec.state.sheets.length + 1; n === undefined; i++) {
          if (!exec.state.sheet(`Sheet${i}`)) n = `Sheet${i}`;
        }
        added = exec.state.addSheet(n, exec.journal);
        exec.structureChanged = true;
      },
    });
    return new FakeWorksheet(this.context, `workbook.worksheets.add(${quote(name ?? '')})`, () => {
      if (!added) throw new FakeOfficeError('InvalidOperation', 'The worksheet was not added.');
      return added;
    });
  }
}

/**
 * `workbook.tables`: every table of every sheet, in tab order. Each item's `worksheet`
 * (ExcelApi 1.2) can be loaded with it: `load('items/name,items/worksheet/id')`.
 */
export class FakeWorkbookTableCollection extends FakeClientObject<WorkbookState> {
  protected readonly typeName = 'TableCollection';
  protected readonly scalars: Scalars<WorkbookState> = {};
  private itemList: FakeTable[] | undefined;

  constructor(context: FakeRequestContext) {
    super(context, 'workbook.tables', (exec) => exec.state);
  }

  get items(): FakeTable[] {
    if (this.itemList === undefined) return this.get<FakeTable[]>('items');
    return this.itemList;
  }

  override collect(exec: Execution, tree: LoadTree): Collected {
    const items = exec.state.sheets.flatMap((sheet) =>
      sheet.tables.map((table) => this.table(`getItem(${quote(table.name)})`, () => table)),
    );
    return collectItems(exec, tree, items, (list) => (this.itemList = list));
  }

  /** A table by name (without regard to case); fails at sync with ItemNotFound. */
  getItem(key: string): FakeTable {
    return this.table(`getItem(${quote(key)})`, (exec) => {
      const table = findTable(exec.state, key);
      if (!table) throw itemNotFound(`table ${quote(key)}`, 'TableCollection.getItem');
      return table;
    });
  }

  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): FakeTable {
    return this.table(`getItemOrNullObject(${quote(key)})`, (exec) => {
      exec.requireApi('1.4', 'TableCollection.getItemOrNullObject');
      return findTable(exec.state, key) ?? null;
    });
  }

  private table(label: string, resolve: (exec: Execution) => FakeTableData | null): FakeTable {
    const path = `${this.path}.${label}`;
    let table: FakeTable | undefined = undefined;
    const owner = new FakeWorksheet(this.context, `${path}.worksheet`, (exec) => {
      const data = table!.resolve(exec);
      return data === null ? null : (tableSheet(exec, data) ?? null);
    });
    table = new FakeTable(this.context, path, resolve, owner);
    return table;
  }
}

function findTable(state: WorkbookState, key: string): FakeTableData | undefined {
  const lower = key.toLowerCase();
  return state.sheets.flatMap((s) => s.tables).find((t) => t.name.toLowerCase() === lower);
}

function findSheet(state: WorkbookState, key: string): SheetData | undefined {
  return state.sheet(key) ?? state.sheets.find((s) => s.id === key);
}

const VISIBILITIES: readonly SheetVisibility[] = ['Visible', 'Hidden', 'VeryHidden'];

export class FakeWorksheet extends FakeClientObject<SheetData> {
  protected readonly typeName = 'Worksheet';
  protected readonly scalars: Scalars<SheetData> = {
    name: (s) => s.name,
    id: (s) => s.id,
    visibility: (s) => s.visibility,
    position: (s, exec) => exec.state.sheets.indexOf(s),
  };
  private protectionObject: FakeWorksheetProtection | undefined;
  private readonly parts: {
    freezePanes?: FakeFreezePanes;
    tables?: FakeTableCollection;
    charts?: FakeChartCollection;
    pageLayout?: FakePageLayout;
    pageBreaks?: FakePageBreakCollection;
  } = {};

  get name(): string {
    return this.get('name');
  }

  set name(value: string) {
    this.set('name', value, (sheet, exec) => {
      const other = exec.state.sheet(value);
      if (other && other !== sheet) {
        throw new FakeOfficeError(
          'ItemAlreadyExists',
          `A resource with the same name already exists. (${value})`,
        );
      }
      if (!/^[^\\/?*[\]:]{1,31}$/.test(value) || value.startsWith("'") || value.endsWith("'")) {
        throw invalidArgument(`'${value}' is not a valid sheet name.`, 'Worksheet.name');
      }
      const old = sheet.name;
      sheet.name = value;
      exec.journal.push(() => (sheet.name = old));
      exec.state.renameInNames(exec.journal, old, value);
      exec.structureChanged = true;
    });
  }

  set position(value: number) {
    this.set('position', value, (sheet, exec) => {
      const { sheets } = exec.state;
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length) {
        throw invalidArgument(`Position ${value}.`, 'Worksheet.position');
      }
      const from = sheets.indexOf(sheet);
      sheets.splice(from, 1);
      sheets.splice(value, 0, sheet);
      exec.journal.push(() => {
        sheets.splice(sheets.indexOf(sheet), 1);
        sheets.splice(from, 0, sheet);
      });
      exec.structureChanged = true;
    });
  }

  /** ExcelApi 1.7. */
  get freezePanes(): FakeFreezePanes {
    return (this.parts.freezePanes ??= new FakeFreezePanes(this));
  }

  get tables(): FakeTableCollection {
    return (this.parts.tables ??= new FakeTableCollection(this));
  }

  get charts(): FakeChartCollection {
    return (this.parts.charts ??= new FakeChartCollection(this));
  }

  /** ExcelApi 1.9. */
  get pageLayout(): FakePageLayout {
    return (this.parts.pageLayout ??= new FakePageLayout(this));
  }

  /** ExcelApi 1.9. */
  get horizontalPageBreaks(): FakePageBreakCollection {
    return (this.parts.pageBreaks ??= new FakePageBreakCollection(this));
  }

  get id(): string {
    return this.get('id');
  }

  get position(): number {
    return this.get('position');
  }

  get visibility(): SheetVisibility {
    return this.get('visibility');
  }

  /** Hiding the active sheet activates the next visible one; the last visible sheet cannot be hidden. */
  set visibility(value: SheetVisibility) {
    this.set('visibility', value, (sheet, exec) => {
      if (!VISIBILITIES.includes(value))
        throw invalidArgument(`Visibility '${String(value)}'.`, 'Worksheet.visibility');
      const { state } = exec;
      const old = sheet.visibility;
      const oldActive = state.active;
      if (value !== 'Visible' && old === 'Visible') {
        const others = state.sheets.filter((s) => s !== sheet && s.visibility === 'Visible');
        if (others.length === 0) {
          throw new FakeOfficeError(
            'InvalidOperation',
            'A workbook must contain at least one visible worksheet.',
          );
        }
        if (state.active === sheet) {
          state.active =
            others.find((s) => state.sheets.indexOf(s) > state.sheets.indexOf(sheet)) ?? others[0];
          exec.selectionChanged = true;
        }
      }
      sheet.visibility = value;
      exec.journal.push(() => {
        sheet.visibility = old;
        state.active = oldActive;
      });
      exec.structureChanged = true;
    });
  }

  get protection(): FakeWorksheetProtection {
    return (this.protectionObject ??= new FakeWorksheetProtection(this));
  }

  protected override navigation(name: string) {
    if (name === 'pageLayout') return this.pageLayout;
    return name === 'protection' ? this.protection : undefined;
  }

  private range(label: string, locate: (sheet: SheetData, exec: Execution) => Rect | null): FakeRange {
    return new FakeRange(this.context, `${this.ref}.${label}`, (exec): RangeTarget | null => {
      const sheet = this.resolve(exec);
      if (sheet === null) return null;
      const rect = locate(sheet, exec);
      return rect === null ? null : { sheet, rect };
    });
  }

  /** No address: the whole sheet. */
  getRange(address?: string): FakeRange {
    return this.range(`getRange(${quote(address ?? '')})`, () => {
      if (address === undefined || address === '') return { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
      const rect = parseRangeAddress(address);
      if (!rect) throw invalidArgument(`'${address}' is not a range address.`, 'Worksheet.getRange');
      return rect;
    });
  }

  /** ExcelApi 1.7. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.range(
      `getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      (_s, exec) => {
        exec.requireApi('1.7', 'Worksheet.getRangeByIndexes');
        return checkedRect(
          { row: startRow, col: startColumn, rows: rowCount, cols: columnCount },
          'getRangeByIndexes',
        );
      },
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this.range(`getCell(${row},${column})`, () =>
      checkedRect({ row, col: column, rows: 1, cols: 1 }, 'Worksheet.getCell'),
    );
  }

  /** The used range; A1 for a blank sheet. valuesOnly: ignore cells that only have a format. */
  getUsedRange(valuesOnly = false): FakeRange {
    return this.range(`getUsedRange(${valuesOnly})`, (sheet) => sheet.usedRect(valuesOnly) ?? A1);
  }

  /** ExcelApi 1.4: a null object for a blank sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.range(`getUsedRangeOrNullObject(${valuesOnly})`, (sheet, exec) => {
      exec.requireApi('1.4', 'Worksheet.getUsedRangeOrNullObject');
      return sheet.usedRect(valuesOnly);
    });
  }

  /** ExcelApi 1.5. */
  getNext(visibleOnly = false): FakeWorksheet {
    return this.neighbour('getNext', visibleOnly, false);
  }

  /** ExcelApi 1.5: a null object after the last sheet. */
  getNextOrNullObject(visibleOnly = false): FakeWorksheet {
    return this.neighbour('getNextOrNullObject', visibleOnly, true);
  }

  private neighbour(method: string, visibleOnly: boolean, orNull: boolean): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this.ref}.${method}(${visibleOnly})`, (exec) => {
      exec.requireApi('1.5', `Worksheet.${method}`);
      const sheet = this.resolve(exec);
      if (sheet === null) return null;
      const sheets = exec.state.sheets;
      const next = sheets
        .slice(sheets.indexOf(sheet) + 1)
        .find((s) => !visibleOnly || s.visibility === 'Visible');
      if (next) return next;
      if (orNull) return null;
      throw itemNotFound('no next worksheet', `Worksheet.${method}`);
    });
  }

  /** Excel cannot activate a hidden sheet. */
  activate(): void {
    this.call('activate', [], (sheet, exec) => {
      if (sheet !== null) activate(exec, sheet);
    });
  }

  /** A very hidden sheet cannot be deleted (office-js #365), nor the last visible one. */
  delete(): void {
    this.call('delete', [], (sheet, exec) => {
      if (sheet === null) return;
      const { state } = exec;
      if (sheet.visibility === 'VeryHidden') {
        throw new FakeOfficeError(
          'InvalidOperation',
          `A very hidden worksheet cannot be deleted. (${sheet.name})`,
        );
      }
      if (
        sheet.visibility === 'Visible' &&
        !state.sheets.some((s) => s !== sheet && s.visibility === 'Visible')
      ) {
        throw new FakeOfficeError(
          'InvalidOperation',
          'A workbook must contain at least one visible worksheet.',
        );
      }
      const index = state.sheets.indexOf(sheet);
      const oldActive = state.active;
      state.sheets.splice(index, 1);
      if (state.active === sheet) state.active = state.sheets.find((s) => s.visibility === 'Visible') ?? null;
      exec.journal.push(() => {
        state.sheets.splice(index, 0, sheet);
        state.active = oldActive;
      });
      state.breakNames(exec.journal, sheet.name);
      exec.structureChanged = true;
      exec.selectionChanged = true;
    });
  }
}

const A1: Rect = { row: 0, col: 0, rows: 1, cols: 1 };

export function checkedRect(rect: Rect, where: string): Rect {
  const ok =
    Number.isInteger(rect.row) &&
    Number.isInteger(rect.col) &&
    rect.row >= 0 &&
    rect.col >= 0 &&
    rect.rows >= 1 &&
    rect.cols >= 1 &&
    rect.row + rect.rows <= MAX_ROWS &&
    rect.col + rect.cols <= MAX_COLS;
  if (!ok) throw invalidArgument(`The range is outside the worksheet.`, where);
  return rect;
}

/** Makes a sheet the active one, recording how to undo it. */
export function activate(exec: Execution, sheet: SheetData): void {
  if (sheet.visibility !== 'Visible') {
    throw new FakeOfficeError('InvalidOperation', `A hidden worksheet cannot be activated. (${sheet.name})`);
  }
  const { state } = exec;
  const old = state.active;
  state.active = sheet;
  exec.journal.push(() => (state.active = old));
  exec.selectionChanged = true;
}

export class FakeWorksheetProtection extends FakeClientObject<SheetData> {
  protected readonly typeName = 'WorksheetProtection';
  protected readonly scalars: Scalars<SheetData> = {
    protected: (s) => s.isProtected,
    options: (s) => ({ ...s.protectionOptions }),
  };

  constructor(worksheet: FakeWorksheet) {
    super(worksheet.context, `${worksheet.ref}.protection`, (exec) => worksheet.resolve(exec));
  }

  get protected(): boolean {
    return this.get('protected');
  }

  /** ExcelApi 1.2: what the protection still allows. */
  get options(): FakeProtectionOptions {
    return this.get('options');
  }

  /**
   * Protects the sheet (ExcelApi 1.2; a password or `selectionMode` needs 1.7). Fails if the sheet
   * is protected already, as Office.js documents (`WorksheetProtection.protect`); the code Excel
   * answers with is not documented (office-js #6784 reports `AccessDenied` in one build), the fake
   * says `InvalidOperation`. Options not given take Excel's defaults: nothing but selecting.
   */
  protect(options?: FakeProtectionOptions, password?: string): void {
    const args: unknown[] = password !== undefined ? [options ?? null, password] : options ? [options] : [];
    this.call('protect', args, (sheet, exec) => {
      if (password !== undefined || options?.selectionMode !== undefined) {
        exec.requireApi('1.7', 'WorksheetProtection.protect');
      }
      for (const key of Object.keys(options ?? {})) {
        if (!(key in DEFAULT_PROTECTION_OPTIONS)) {
          throw invalidArgument(`Unknown protection option '${key}'.`, 'WorksheetProtection.protect');
        }
      }
      if (sheet === null) return;
      if (sheet.isProtected) {
        throw new FakeOfficeError(
          'InvalidOperation',
          `The worksheet is already protected. (${sheet.name})`,
          'WorksheetProtection.protect',
        );
      }
      this.record(sheet, exec, true, { ...DEFAULT_PROTECTION_OPTIONS, ...options }, password ?? null);
    });
  }

  /**
   * Unprotects the sheet; nothing happens when it is not protected. A sheet protected with a
   * password stays protected without that password: the fake fails with `InvalidArgument` (the
   * code Excel gives is not documented; Microsoft Graph answers a wrong one with it).
   */
  unprotect(password?: string): void {
    this.call('unprotect', password === undefined ? [] : [password], (sheet, exec) => {
      if (sheet === null || !sheet.isProtected) return;
      if (sheet.protectionPassword !== null && password !== sheet.protectionPassword) {
        throw invalidArgument(
          `The password does not unprotect the worksheet. (${sheet.name})`,
          'WorksheetProtection.unprotect',
        );
      }
      this.record(sheet, exec, false, sheet.protectionOptions, null);
    });
  }

  private record(
    sheet: SheetData,
    exec: Execution,
    on: boolean,
    options: Required<FakeProtectionOptions>,
    password: string | null,
  ): void {
    const old = {
      on: sheet.isProtected,
      options: sheet.protectionOptions,
      password: sheet.protectionPassword,
    };
    sheet.isProtected = on;
    sheet.protectionOptions = options;
    sheet.protectionPassword = password;
    exec.journal.push(() => {
      sheet.isProtected = old.on;
      sheet.protectionOptions = old.options;
      sheet.protectionPassword = old.password;
    });
    exec.structureChanged = true;
  }
}
