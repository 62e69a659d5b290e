/**
 * The in-memory Excel that tests, the bench and the local preview run the
 * add-in against: a workbook model that serves Microsoft's own Office.js
 * client. Every `context.sync()` the add-in makes reaches `handle()` as the
 * RichApi request Excel receives (client/client.ts), is executed against the
 * workbook (richApi/execute.ts) and answered as Excel answers, with Excel on
 * the web's limits measured on the real bytes: a request or response over
 * 5 MB is refused, a read of over 5 000 000 cells too (or answered null).
 * It counts every round trip and its bytes, can fail like Excel (cell edit
 * mode, an injected failure), and gives the preview what it shows: sheets,
 * cells, the active sheet and the selection (not part of Office.js).
 *
 * Runs in Node and in the browser: no Node imports (the client is given).
 */
import type { BorderWeight, CellStyle, WorkbookModel } from '../domain/model';
import { quoteSheetName } from '../domain/address';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../domain/snapshot';
import type { ExcelContext, ExcelRun } from '../excel/excelApi';
import type { ExcelClient } from './client/client';
import type { HostProfile } from './client/profiles';
import {
  DEFAULT_PROTECTION_OPTIONS,
  FORMAT_KEYS,
  type CellHyperlink,
  type ChartData,
  type ConditionalFormatData,
  type PageLayoutData,
  type ProtectionOptions,
  type TableData,
  type CellData,
  type CellFormat,
  type HorizontalAlignment,
  type SheetData,
  type SheetVisibility,
  type VerticalAlignment,
} from './model/cells';
import { HostError, type AnyErrorCode, type HostErrorCode } from './model/errors';
import { formatValue } from './model/numberFormat';
import {
  parseRangeAddress,
  qualifiedAddress,
  rectToA1,
  splitSheetAddress,
  type Rect,
} from './model/rangeAddress';
import { WorkbookState } from './model/state';
import { execute } from './richApi/execute';
import { Execution, References } from './richApi/execution';
import type { HttpRequestInfo, HttpResponseInfo, RichApiErrorInfo, RichApiRequest } from './richApi/protocol';
import { Workbook } from './types/workbook';

/** Excel on the web's limit on a request or a response: 5 MB (OFFICEJS.md). */
export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Reads of more cells than this are refused or answered null (OFFICEJS.md). */
export const MAX_READ_CELLS = 5_000_000;

export interface HostOptions {
  /** Bytes (UTF-8 JSON) a request or a response may have; default 5 MB. */
  readonly payloadLimit?: number;
  readonly maxReadCells?: number;
  /** A read over `maxReadCells`: refused with RangeExceedsLimit (default), or answered with null values. */
  readonly overLimitRead?: 'error' | 'null';
  /** Delay per round trip, for the preview (Excel on the web is slow). */
  readonly latencyMs?: number;
}

/** One round trip: the JSON bytes of its request and response, and its error code if it failed. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Actions in the request. */
  actions: number;
  error?: string;
}

export interface HostStats {
  readonly syncs: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly log: readonly SyncRecord[];
}

export type Visibility = 'visible' | 'hidden' | 'veryHidden';

/** What changed in one round trip or user action, for the preview to redraw. */
export interface HostChange {
  /** Sheets whose cells changed. */
  readonly cells: readonly string[];
  /** Sheets added, removed, renamed, hidden or protected. */
  readonly structure: boolean;
  /** The active sheet or the selection changed. */
  readonly selection: boolean;
}

export interface HostSheetInfo {
  readonly name: string;
  readonly visibility: Visibility;
  readonly protected: boolean;
}

/** A stored cell as the preview shows it. */
export interface HostCellView {
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

export interface HostSheetView extends HostSheetInfo {
  /** The protection's options and whether it has a password; null when the sheet is not protected. */
  readonly protection: {
    readonly options: Readonly<Required<ProtectionOptions>>;
    readonly password: boolean;
  } | null;
  /** Row heights in points, where set. */
  readonly rowHeights: readonly { readonly row: number; readonly height: number }[];
  /** Frozen rows and columns; null when none. */
  readonly freeze: { readonly rows: number; readonly cols: number } | null;
  readonly tables: readonly TableData[];
  readonly conditionalFormats: readonly ConditionalFormatData[];
  readonly charts: readonly ChartData[];
  readonly pageLayout: Readonly<PageLayoutData>;
  /** 0-based rows with a manual page break above them. */
  readonly rowBreaks: readonly number[];
  /** One past the last row and column holding content or a format (0 for a blank sheet). */
  readonly rowCount: number;
  readonly columnCount: number;
  /** Every stored cell, row by row. */
  readonly cells: readonly HostCellView[];
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

interface Failure {
  countdown: number;
  afterActions: number;
  code: AnyErrorCode;
}

export class ExcelHost {
  payloadLimit: number;
  readonly limits: { maxReadCells: number; overLimitRead: 'error' | 'null' };
  latencyMs: number;
  /** Simulates a cell being edited: every sync fails with InvalidOperationInCellEditMode. */
  cellEditMode = false;
  /** Where Microsoft's client sends this workbook's requests. */
  readonly url: string;
  private failure: Failure | null = null;
  private readonly state = new WorkbookState();
  /** What Microsoft's client asked to keep across requests (richApi/execution.ts). */
  readonly references = new References();
  private records: SyncRecord[] = [];
  private readonly listeners = new Set<(change: HostChange) => void>();

  constructor(
    /** Microsoft's client (client/node.ts, client/browser.ts), with the profile of this Excel. */
    readonly client: ExcelClient,
    options: HostOptions = {},
  ) {
    this.payloadLimit = options.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT;
    this.limits = {
      maxReadCells: options.maxReadCells ?? MAX_READ_CELLS,
      overLimitRead: options.overLimitRead ?? 'error',
    };
    this.latencyMs = options.latencyMs ?? 0;
    const route = client.route((request) => this.handle(request));
    this.url = route.url;
    this.close = route.release;
  }

  /** Stops serving requests (the preview, when another workbook is opened). */
  readonly close: () => void;

  get profile(): HostProfile {
    return this.client.profile;
  }

  /** A workbook with one empty sheet, `Sheet1`. */
  static blank(client: ExcelClient, options?: HostOptions): ExcelHost {
    const host = new ExcelHost(client, options);
    host.state.addSheet('Sheet1');
    return host;
  }

  /** The sheets of a model (the sample, or what the add-in would write), with their formats. */
  static fromModel(model: WorkbookModel, client: ExcelClient, options?: HostOptions): ExcelHost {
    const host = new ExcelHost(client, options);
    for (const m of model.sheets) {
      const sheet = host.state.addSheet(m.name);
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
        if (rect) sheet.merges.add(rect);
      }
    }
    for (const n of model.names ?? []) {
      host.state.names.push({ name: n.name, formula: `=${quoteSheetName(n.sheet)}!${n.ref}` });
    }
    host.activateFirstVisible();
    return host;
  }

  /**
   * A workbook read from a file (the .xlsx reader, in the browser): values are the
   * cached results, formulas are kept as text and their results stand until
   * the workbook changes.
   */
  static fromSnapshot(snapshot: WorkbookSnapshot, client: ExcelClient, options?: HostOptions): ExcelHost {
    const host = new ExcelHost(client, options);
    for (const s of snapshot.sheets) {
      const sheet = host.state.addSheet(s.name);
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
            cell.calcVersion = host.state.version;
          }
          if (indent) cell.indentLevel = indent;
          sheet.put(s.origin.row + r, s.origin.col + c, cell);
        }
      });
    }
    host.activateFirstVisible();
    return host;
  }

  private activateFirstVisible(): void {
    this.state.active =
      this.state.sheets.find((s) => s.visibility === 'Visible') ?? this.state.sheets[0] ?? null;
  }

  /**
   * `Excel.run` on this workbook: Microsoft's client, a fresh request context per batch, and
   * Microsoft's batch semantics (what is still queued when the batch resolves is synced).
   */
  readonly run: ExcelRun = <T>(batch: (context: ExcelContext) => Promise<T>): Promise<T> =>
    this.client.run(this.url, batch);

  /** Like `Office.context.requirements.isSetSupported`, for this Excel's profile. */
  readonly isSetSupported = (name: string, version = '1.1'): boolean =>
    this.client.isSetSupported(name, version);

  get stats(): HostStats {
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
   * running its first `afterActions` actions (negative: all but the last
   * `-afterActions`): like Excel, what ran before the failing action stays
   * done. Once only.
   */
  failOnSync(n: number, afterActions = 0, code: AnyErrorCode = 'GeneralException'): void {
    this.failure = { countdown: n, afterActions, code };
  }

  resetStats(): void {
    this.records = [];
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (change: HostChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Requests the client makes on its own, not the add-in: `Excel.run` releasing the objects it
   * kept (`_RemoveReference`), without waiting for the answer. Not in `stats`.
   */
  housekeeping = 0;

  /** One round trip, as Excel on the web answers it. */
  async handle(request: HttpRequestInfo): Promise<HttpResponseInfo> {
    if (this.latencyMs > 0) await delay(this.latencyMs);
    const text = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    const record: SyncRecord = { requestBytes: utf8Length(text), responseBytes: 0, actions: 0 };
    if (isHousekeeping(text)) this.housekeeping++;
    else this.records.push(record);
    const refuse = (status: number, code: HostErrorCode, detail?: string): HttpResponseInfo => {
      record.error = code;
      const error = new HostError(code, detail);
      const body = JSON.stringify({ error: { code, message: error.message } });
      record.responseBytes = utf8Length(body);
      return { statusCode: status, headers: {}, body };
    };
    if (record.requestBytes > this.payloadLimit) {
      return refuse(
        413,
        'RequestPayloadSizeLimitExceeded',
        `${record.requestBytes} bytes, limit ${this.payloadLimit}`,
      );
    }
    let body: RichApiRequest;
    try {
      body = JSON.parse(text) as RichApiRequest;
    } catch {
      return refuse(400, 'InvalidArgument', 'the request is not JSON');
    }
    record.actions = body.Actions?.length ?? 0;
    if (this.cellEditMode) {
      const error = new HostError('InvalidOperationInCellEditMode');
      return this.answer(record, { Results: [], Error: errorInfo(error, 0) });
    }

    const x = new Execution(this.state, this.profile, this.limits, this.references);
    const failAt = this.failure && --this.failure.countdown === 0 ? this.failure : null;
    if (failAt) this.failure = null;
    const beforeAction = failAt
      ? failAt.afterActions < 0
        ? Math.max(0, record.actions + failAt.afterActions)
        : failAt.afterActions
      : -1;
    let outcome;
    try {
      const injected = failAt
        ? {
            beforeAction: Math.min(beforeAction, record.actions),
            error: new HostError(
              failAt.code,
              beforeAction >= record.actions
                ? 'injected at the end of the round trip'
                : `injected after ${beforeAction} actions`,
            ),
          }
        : undefined;
      outcome = execute(body, x, { type: Workbook, target: this.state }, injected);
    } finally {
      // `suspendApiCalculationUntilNextSync` lasts until the end of this request.
      this.state.calculationSuspended = false;
    }
    if (outcome.error) {
      // Like Excel, what ran before the failing action stays done.
      this.notify(x);
      // A failure injected after the last action is reported at it (the client looks the action up).
      const index = Math.min(outcome.error.actionIndex, record.actions - 1);
      return this.answer(record, { Results: outcome.results, Error: errorInfo(outcome.error.error, index) });
    }
    const response = JSON.stringify({ Results: outcome.results });
    const bytes = utf8Length(response);
    if (bytes > this.payloadLimit) {
      // Assumed: a request whose answer is too large applies nothing (docs/EXCEL-BEHAVIOUR.md).
      x.rollback();
      const error = new HostError(
        'ResponsePayloadSizeLimitExceeded',
        `${bytes} bytes, limit ${this.payloadLimit}`,
      );
      return this.answer(record, { Results: [], Error: errorInfo(error) });
    }
    record.responseBytes = bytes;
    this.notify(x);
    return { statusCode: 200, headers: {}, body: response };
  }

  private answer(
    record: SyncRecord,
    response: { Results: unknown[]; Error?: RichApiErrorInfo },
  ): HttpResponseInfo {
    const body = JSON.stringify(response);
    record.responseBytes = utf8Length(body);
    if (response.Error) record.error = response.Error.Code;
    return { statusCode: 200, headers: {}, body };
  }

  private notify(exec: Pick<Execution, 'changedSheets' | 'structureChanged' | 'selectionChanged'>): void {
    if (exec.changedSheets.size === 0 && !exec.structureChanged && !exec.selectionChanged) return;
    const change: HostChange = {
      cells: [...exec.changedSheets],
      structure: exec.structureChanged,
      selection: exec.selectionChanged,
    };
    for (const l of this.listeners) l(change);
  }

  // ---- For the preview and tests (not Office.js) ----

  sheets(): HostSheetInfo[] {
    return this.state.sheets.map(info);
  }

  /**
   * The stored cells of a sheet (found without regard to case), or only
   * those inside `area` (`A1:Z60`, the part a grid shows); undefined when
   * there is no such sheet.
   */
  readSheet(name: string, area?: string): HostSheetView | undefined {
    const sheet = this.state.sheet(name);
    if (!sheet) return undefined;
    const window = area === undefined ? null : parseRangeAddress(area);
    if (area !== undefined && window === null) throw new Error(`Not a range: ${area}`);
    const cells: HostCellView[] = [];
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
      merges: sheet.merges.all().map(rectToA1),
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

  /** A user's F9 (Formulas > Calculate Now): every formula gets its result, suspended or not. */
  recalculate(): void {
    this.state.calculate();
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

  /**
   * A user's Review > Protect Sheet, with a password or without (any Excel can; only the API needs
   * ExcelApi 1.7 for a password).
   */
  protectSheet(name: string, password: string | null = null): void {
    const sheet = this.mustFind(name);
    sheet.isProtected = true;
    sheet.protectionOptions = { ...DEFAULT_PROTECTION_OPTIONS };
    sheet.protectionPassword = password;
    this.notify({ changedSheets: new Set(), structureChanged: true, selectionChanged: false });
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

/** A request of only `_RemoveReference` calls (and the workbook they are called on). */
function isHousekeeping(text: string): boolean {
  if (!text.includes('_RemoveReference') && !text.includes('_RemoveAllReferences')) return false;
  const body = JSON.parse(text) as RichApiRequest;
  return body.Actions.every(
    (a) => a.ActionType === 1 || a.Name === '_RemoveReference' || a.Name === '_RemoveAllReferences',
  );
}

function errorInfo(error: HostError, actionIndex?: number): RichApiErrorInfo {
  return {
    Code: error.code,
    Message: error.message,
    ...(error.location ? { Location: error.location } : {}),
    ...(actionIndex !== undefined ? { ActionIndex: actionIndex } : {}),
    HttpStatusCode: error.httpStatus,
  };
}

function info(sheet: SheetData): HostSheetInfo {
  return { name: sheet.name, visibility: FROM_EXCEL[sheet.visibility], protected: sheet.isProtected };
}
