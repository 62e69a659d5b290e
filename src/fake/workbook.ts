/**
 * The in-memory Excel: a workbook of sheets with an `Excel.run`-like
 * `run(batch)`, counting every round trip and the bytes that cross in it,
 * and failing the way Excel does (payload over the limit, cell edit mode,
 * a missing requirement set). It also serves the local preview page: the
 * preview subscribes to changes and reads sheets, the active sheet and the
 * selection directly (not part of Office.js), and can type into cells as a
 * user would.
 *
 * Runs in Node and in the browser: no Node imports.
 */
import type { BorderWeight, CellStyle, WorkbookModel } from '../domain/model';
import { quoteSheetName } from '../domain/address';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../domain/snapshot';
import {
  FORMAT_KEYS,
  type CellHyperlink,
  type FakeChartData,
  type FakeConditionalFormatData,
  type FakePageLayoutData,
  type FakeProtectionOptions,
  type FakeTableData,
  type CellData,
  type CellFormat,
  type HorizontalAlignment,
  type SheetData,
  type SheetVisibility,
  type VerticalAlignment,
} from './cells';
import { Execution, FakeRequestContext, versionAtMost, type QueuedAction } from './context';
import { cellEditMode, FakeOfficeError, payloadTooLarge, type FakeErrorCode } from './errors';
import { formatValue } from './numberFormat';
import { parseRangeAddress, qualifiedAddress, rectToA1, splitSheetAddress, type Rect } from './rangeAddress';
import { WorkbookState } from './state';

/** Excel on the web's limit on a request or a response: 5 MB (OFFICEJS.md). */
export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Reads of more cells than this return null values (OFFICEJS.md). */
export const MAX_READ_CELLS = 5_000_000;

export interface FakeWorkbookOptions {
  /** Bytes (UTF-8 JSON) a request or a response may have; default 5 MB. */
  readonly payloadLimit?: number;
  readonly maxReadCells?: number;
  /** The highest ExcelApi version the simulated Excel has; default 1.17. */
  readonly excelApi?: string;
  /** Delay per round trip, for the preview (Excel on the web is slow). */
  readonly latencyMs?: number;
}

/** One round trip: the JSON bytes of its request and response, and its error code if it failed. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  error?: string;
}

export interface FakeStats {
  readonly syncs: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly log: readonly SyncRecord[];
}

export type Visibility = 'visible' | 'hidden' | 'veryHidden';

/** What changed in one round trip or user action, for the preview to redraw. */
export interface FakeChange {
  /** Sheets whose cells changed. */
  readonly cells: readonly string[];
  /** Sheets added, removed, renamed, hidden or protected. */
  readonly structure: boolean;
  /** The active sheet or the selection changed. */
  readonly selection: boolean;
}

export interface FakeSheetInfo {
  readonly name: string;
  readonly visibility: Visibility;
  readonly protected: boolean;
}

/** A stored cell as the preview shows it. */
export interface FakeCellView {
  readonly row: number;
  readonly col: number;
  /** The value, or the formula's result; null when the cell only has a format. */
  readonly value: CellValue;
  readonly formula?: string;
  /** What the cell shows (en-US number formatting). */
  readonly text: string;
  readonly format: Readonly<CellFormat>;
  readonly hyperlink?: CellHyperlink;
}

export interface FakeSheetView extends FakeSheetInfo {
  /** The protection's options and whether it has a password; null when the sheet is not protected. */
  readonly protection: {
    readonly options: Readonly<Required<FakeProtectionOptions>>;
    readonly password: boolean;
  } | null;
  /** Row heights in points, where set. */
  readonly rowHeights: readonly { readonly row: number; readonly height: number }[];
  /** Frozen rows and columns; null when none. */
  readonly freeze: { readonly rows: number; readonly cols: number } | null;
  readonly tables: readonly FakeTableData[];
  readonly conditionalFormats: readonly FakeConditionalFormatData[];
  readonly charts: readonly FakeChartData[];
  readonly pageLayout: Readonly<FakePageLayoutData>;
  /** 0-based rows with a manual page break above them. */
  readonly rowBreaks: readonly number[];
  /** One past the last row and column holding content or a format (0 for a blank sheet). */
  readonly rowCount: number;
  readonly columnCount: number;
  /** Every stored cell, row by row. */
  readonly cells: readonly FakeCellView[];
  readonly columnWidths: readonly { readonly col: number; readonly width: number }[];
  readonly merges: readonly string[];
  /** The sheet's selection, `B9` or `A1:C3`. */
  readonly selection: string;
}

const TO_EXCEL: Record<Visibility, SheetVisibility> = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
};
const FROM_EXCEL: Record<SheetVisibility, Visibility> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};
const V_ALIGN: Record<NonNullable<CellStyle['verticalAlignment']>, VerticalAlignment> = {
  top: 'Top',
  middle: 'Center',
  bottom: 'Bottom',
};
const WEIGHT: Record<BorderWeight, string> = { thin: 'Thin', medium: 'Medium' };
const ALIGN: Record<NonNullable<CellStyle['horizontalAlignment']>, HorizontalAlignment> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
};

/** UTF-8 length of a string, as it crosses the wire. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FakeWorkbook {
  payloadLimit: number;
  maxReadCells: number;
  /** The highest ExcelApi version the simulated Excel has. */
  excelApi: string;
  latencyMs: number;
  /** Simulates a cell being edited: every sync fails with InvalidOperationInCellEditMode. */
  cellEditMode = false;
  private failure: { countdown: number; afterActions: number; code: FakeErrorCode } | null = null;
  private readonly state = new WorkbookState();
  private records: SyncRecord[] = [];
  private readonly listeners = new Set<(change: FakeChange) => void>();

  constructor(options: FakeWorkbookOptions = {}) {
    this.payloadLimit = options.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT;
    this.maxReadCells = options.maxReadCells ?? MAX_READ_CELLS;
    this.excelApi = options.excelApi ?? '1.17';
    this.latencyMs = options.latencyMs ?? 0;
  }

  /** A workbook with one empty sheet, `Sheet1`. */
  static blank(options?: FakeWorkbookOptions): FakeWorkbook {
    const fake = new FakeWorkbook(options);
    fake.state.addSheet('Sheet1');
    return fake;
  }

  /** The sheets of a model (the sample, or what the add-in would write), with their formats. */
  static fromModel(model: WorkbookModel, options?: FakeWorkbookOptions): FakeWorkbook {
    const fake = new FakeWorkbook(options);
    for (const m of model.sheets) {
      const sheet = fake.state.addSheet(m.name);
      sheet.visibility = TO_EXCEL[m.visibility ?? 'visible'];
      sheet.isProtected = m.protect === true;
      for (const c of m.cells) {
        const cell: CellData = { value: null };
        // A model's string is text, never a formula (model.ts), so it is stored as given.
        if (c.formula !== undefined) cell.formula = c.formula;
        else if (c.value !== undefined && c.value !== '') cell.value = c.value;
        if (c.numberFormat !== undefined) cell.numberFormat = c.numberFormat;
        if (c.indent) cell.indentLevel = c.indent;
        if (c.bold !== undefined) cell.bold = c.bold;
        if (c.italic !== undefined) cell.italic = c.italic;
        if (c.fontSize !== undefined) cell.fontSize = c.fontSize;
        if (c.fontColor !== undefined) cell.fontColor = c.fontColor;
        if (c.fill !== undefined) cell.fill = c.fill;
        if (c.horizontalAlignment !== undefined) cell.horizontalAlignment = ALIGN[c.horizontalAlignment];
        if (c.wrapText !== undefined) cell.wrapText = c.wrapText;
        if (c.verticalAlignment !== undefined) cell.verticalAlignment = V_ALIGN[c.verticalAlignment];
        if (c.border?.top) cell.borderTop = WEIGHT[c.border.top];
        if (c.border?.bottom) cell.borderBottom = WEIGHT[c.border.bottom];
        if (c.border?.left) cell.borderLeft = WEIGHT[c.border.left];
        if (c.border?.right) cell.borderRight = WEIGHT[c.border.right];
        sheet.put(c.row, c.col, cell);
      }
      for (const w of m.columnWidths ?? []) sheet.columnWidths.set(w.col, w.width);
      for (const h of m.rowHeights ?? []) sheet.rowHeights.set(h.row, h.height);
      if (m.freeze && (m.freeze.rows > 0 || m.freeze.cols > 0)) sheet.freeze = { ...m.freeze };
      for (const merge of m.merges ?? []) {
        const rect = parseRangeAddress(merge);
        if (rect) sheet.merges.push(rect);
      }
    }
    for (const n of model.names ?? []) {
      fake.state.names.push({ name: n.name, formula: `=${quoteSheetName(n.sheet)}!${n.ref}` });
    }
    fake.activateFirstVisible();
    return fake;
  }

  /**
   * A workbook read from a file (ExcelJS in the browser): values are the
   * cached results, formulas are kept as text and their results stand until
   * the workbook changes.
   */
  static fromSnapshot(snapshot: WorkbookSnapshot, options?: FakeWorkbookOptions): FakeWorkbook {
    const fake = new FakeWorkbook(options);
    for (const s of snapshot.sheets) {
      const sheet = fake.state.addSheet(s.name);
      sheet.visibility = TO_EXCEL[s.visibility ?? 'visible'];
      s.values.forEach((row, r) => {
        const width = Math.max(row.length, s.formulas?.[r]?.length ?? 0, s.indents?.[r]?.length ?? 0);
        for (let c = 0; c < width; c++) {
          const value = row[c] ?? null;
          const formula = s.formulas?.[r]?.[c] ?? null;
          const indent = s.indents?.[r]?.[c] ?? 0;
          if ((value === null || value === '') && formula === null && !indent) continue;
          const cell: CellData = { value: value === '' ? null : value };
          if (formula !== null) {
            cell.formula = formula;
            cell.fromFile = true;
            cell.calcVersion = fake.state.version;
          }
          if (indent) cell.indentLevel = indent;
          sheet.put(s.origin.row + r, s.origin.col + c, cell);
        }
      });
    }
    fake.activateFirstVisible();
    return fake;
  }

  private activateFirstVisible(): void {
    this.state.active =
      this.state.sheets.find((s) => s.visibility === 'Visible') ?? this.state.sheets[0] ?? null;
  }

  /** Like `Excel.run`: the batch gets a fresh request context. Work still queued when it returns is dropped. */
  readonly run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext({ execute: (actions) => this.execute(actions) });
    return batch(context);
  };

  /** Like `Office.context.requirements.isSetSupported`, for the simulated Excel. */
  readonly isSetSupported = (name: string, version = '1.1'): boolean =>
    name === 'ExcelApi' && versionAtMost(version, this.excelApi);

  get stats(): FakeStats {
    const log = this.records;
    return {
      syncs: log.length,
      requestBytes: log.reduce((s, r) => s + r.requestBytes, 0),
      responseBytes: log.reduce((s, r) => s + r.responseBytes, 0),
      log,
    };
  }

  /**
   * Makes the `n`-th round trip from now (1: the next) fail with `code`, after
   * running its first `afterActions` operations (negative: all but the last
   * `-afterActions`): like Excel, what ran before the failing operation stays
   * done. Once only.
   */
  failOnSync(n: number, afterActions = 0, code: FakeErrorCode = 'GeneralException'): void {
    this.failure = { countdown: n, afterActions, code };
  }

  resetStats(): void {
    this.records = [];
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (change: FakeChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One round trip: checks, runs the queue in order, measures, and commits or fails as Excel would. */
  private async execute(actions: readonly QueuedAction[]): Promise<void> {
    // Office.js sends nothing when nothing is queued.
    if (actions.length === 0) return;
    if (this.latencyMs > 0) await delay(this.latencyMs);
    const record: SyncRecord = { requestBytes: 0, responseBytes: 0 };
    this.records.push(record);
    try {
      if (this.cellEditMode) throw cellEditMode();
      record.requestBytes = utf8Length(JSON.stringify(actions.map((a) => a.request)));
      if (record.requestBytes > this.payloadLimit) {
        throw payloadTooLarge('request', record.requestBytes, this.payloadLimit);
      }
      const exec = new Execution(this.state, this.excelApi, this.maxReadCells);
      const failAt = this.failure && --this.failure.countdown === 0 ? this.failure : null;
      if (failAt) this.failure = null;
      const failAfter = failAt
        ? failAt.afterActions < 0
          ? Math.max(0, actions.length + failAt.afterActions)
          : failAt.afterActions
        : -1;
      try {
        actions.forEach((action, i) => {
          if (failAt && i === failAfter) {
            throw new FakeOfficeError(failAt.code, `Injected failure after ${i} operations.`);
          }
          action.run(exec);
        });
        if (failAt && failAfter >= actions.length) {
          throw new FakeOfficeError(failAt.code, 'Injected failure at the end of the round trip.');
        }
      } catch (e) {
        // Like Excel, what ran before the failing operation stays done; nothing is returned.
        this.notify(exec);
        throw e;
      }
      record.responseBytes = utf8Length(JSON.stringify(exec.response));
      if (record.responseBytes > this.payloadLimit) {
        exec.rollback();
        throw payloadTooLarge('response', record.responseBytes, this.payloadLimit);
      }
      exec.commit();
      this.notify(exec);
    } catch (e) {
      record.error = e instanceof FakeOfficeError ? e.code : String(e);
      throw e;
    }
  }

  private notify(exec: Pick<Execution, 'changedSheets' | 'structureChanged' | 'selectionChanged'>): void {
    if (exec.changedSheets.size === 0 && !exec.structureChanged && !exec.selectionChanged) return;
    const change: FakeChange = {
      cells: [...exec.changedSheets],
      structure: exec.structureChanged,
      selection: exec.selectionChanged,
    };
    for (const l of this.listeners) l(change);
  }

  // ---- For the preview and tests (not Office.js) ----

  sheets(): FakeSheetInfo[] {
    return this.state.sheets.map(info);
  }

  /**
   * The stored cells of a sheet (found without regard to case), or only
   * those inside `area` (`A1:Z60`, the part a grid shows); undefined when
   * there is no such sheet.
   */
  readSheet(name: string, area?: string): FakeSheetView | undefined {
    const sheet = this.state.sheet(name);
    if (!sheet) return undefined;
    const window = area === undefined ? null : parseRangeAddress(area);
    if (area !== undefined && window === null) throw new Error(`Not a range: ${area}`);
    const cells: FakeCellView[] = [];
    let rowCount = 0;
    let columnCount = 0;
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell === undefined) return;
        rowCount = Math.max(rowCount, r + 1);
        columnCount = Math.max(columnCount, c + 1);
        if (window && !inside(window, r, c)) return;
        const value = this.state.value(sheet, r, c);
        const format: CellFormat = {};
        for (const k of FORMAT_KEYS)
          if (cell[k] !== undefined) (format as Record<string, unknown>)[k] = cell[k];
        cells.push({
          row: r,
          col: c,
          value,
          ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
          text: formatValue(value, cell.numberFormat),
          format,
          ...(cell.hyperlink ? { hyperlink: cell.hyperlink } : {}),
        });
      });
    });
    return {
      ...info(sheet),
      protection: sheet.isProtected
        ? { options: { ...sheet.protectionOptions }, password: sheet.protectionPassword !== null }
        : null,
      rowCount,
      columnCount,
      cells,
      columnWidths: [...sheet.columnWidths].map(([col, width]) => ({ col, width })),
      merges: sheet.merges.map(rectToA1),
      selection: rectToA1(sheet.selection),
      rowHeights: [...sheet.rowHeights].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height })),
      freeze: sheet.freeze,
      tables: sheet.tables,
      conditionalFormats: sheet.conditionalFormats,
      charts: sheet.charts,
      pageLayout: sheet.pageLayout,
      rowBreaks: sheet.rowBreaks,
    };
  }

  /** The workbook-level names, `{ name, formula }` (`='Avstemming'!$A$1`). */
  names(): { readonly name: string; readonly formula: string }[] {
    return this.state.names.map((n) => ({ ...n }));
  }

  get activeSheet(): string | null {
    return this.state.active?.name ?? null;
  }

  /** `Budsjett!B9`: the active sheet's selection. */
  get selectedAddress(): string | null {
    const s = this.state.active;
    return s ? qualifiedAddress(s.name, s.selection) : null;
  }

  /** A click on a sheet tab. */
  activateSheet(name: string): void {
    const sheet = this.mustFind(name);
    if (sheet.visibility !== 'Visible') throw new Error(`Sheet ${name} is hidden`);
    this.state.active = sheet;
    this.notify({ changedSheets: new Set(), structureChanged: false, selectionChanged: true });
  }

  /** A click or drag in the grid: `B9`, `A1:C3`, or `Sheet!B9`. */
  selectRange(ref: string): void {
    const { sheet: name, address } = splitSheetAddress(ref);
    const sheet = name === null ? this.state.active : this.mustFind(name);
    const rect = parseRangeAddress(address);
    if (!sheet || !rect) throw new Error(`Not a range: ${ref}`);
    if (sheet.visibility !== 'Visible') throw new Error(`Sheet ${sheet.name} is hidden`);
    this.state.active = sheet;
    sheet.selection = rect;
    this.notify({ changedSheets: new Set(), structureChanged: false, selectionChanged: true });
  }

  /** Typing into a cell, with Excel's reading of the text (a leading `=` makes a formula). */
  typeInto(sheetName: string, address: string, text: string): void {
    const sheet = this.mustFind(sheetName);
    const rect = parseRangeAddress(address);
    if (!rect) throw new Error(`Not a cell: ${address}`);
    this.state.writeContent([], sheet, { ...rect, rows: 1, cols: 1 }, text, 'typeInto');
    this.notify({ changedSheets: new Set([sheet.name]), structureChanged: false, selectionChanged: false });
  }

  /** What every sheet holds, as the domain reads workbooks (values are formula results). */
  toSnapshot(): WorkbookSnapshot {
    return { sheets: this.state.sheets.map((s) => this.snapshotSheet(s)) };
  }

  private snapshotSheet(sheet: SheetData): SheetSnapshot {
    const used = sheet.usedRect(false);
    if (!used)
      return {
        name: sheet.name,
        origin: { row: 0, col: 0 },
        values: [],
        visibility: FROM_EXCEL[sheet.visibility],
      };
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    const indents: number[][] = [];
    for (let r = used.row; r < used.row + used.rows; r++) {
      const v: CellValue[] = [];
      const f: (string | null)[] = [];
      const ind: number[] = [];
      for (let c = used.col; c < used.col + used.cols; c++) {
        const cell = sheet.get(r, c);
        v.push(this.state.value(sheet, r, c));
        f.push(cell?.formula ?? null);
        ind.push(cell?.indentLevel ?? 0);
      }
      values.push(v);
      formulas.push(f);
      indents.push(ind);
    }
    return {
      name: sheet.name,
      origin: { row: used.row, col: used.col },
      values,
      formulas,
      indents,
      visibility: FROM_EXCEL[sheet.visibility],
    };
  }

  private mustFind(name: string): SheetData {
    const sheet = this.state.sheet(name);
    if (!sheet) throw new Error(`No sheet ${name}`);
    return sheet;
  }
}

function inside(rect: Rect, row: number, col: number): boolean {
  return row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;
}

function info(sheet: SheetData): FakeSheetInfo {
  return { name: sheet.name, visibility: FROM_EXCEL[sheet.visibility], protected: sheet.isProtected };
}
