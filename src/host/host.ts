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
 * cells, the active sheet and the selection (not part of Office.js). After a
 * request or a user's edit it sends the client the `worksheet.onChanged`
 * events it registered (eventDelivery.ts).
 *
 * Filling the workbook is load.ts, what the preview reads views.ts, the
 * bytes and error answers of a round trip wire.ts, Excel's objects types/.
 *
 * Runs in Node and in the browser: no Node imports (the client is given).
 */
import type { WorkbookModel } from '../domain/model';
import type { WorkbookSnapshot } from '../domain/snapshot';
import type { ExcelContext, ExcelRun } from '../excel/excelApi';
import type { ExcelClient } from './client/client';
import type { HostProfile } from './client/profiles';
import { DEFAULT_PROTECTION_OPTIONS, type SheetData } from './model/cells';
import { HostError, type AnyErrorCode, type HostErrorCode } from './model/errors';
import { parseRangeAddress, qualifiedAddress, splitSheetAddress } from './model/rangeAddress';
import { WorkbookState } from './model/state';
import { execute } from './richApi/execute';
import { Execution, References } from './richApi/execution';
import type { HttpRequestInfo, HttpResponseInfo, RichApiErrorInfo, RichApiRequest } from './richApi/protocol';
import { workbookRoot } from './types/objectModel';
import { EventDelivery } from './eventDelivery';
import { loadModel, loadSnapshot } from './load';
import { sheetInfo, sheetView, workbookSnapshot, type HostSheetInfo, type HostSheetView } from './views';
import { DEFAULT_PAYLOAD_LIMIT, errorInfo, isHousekeeping, utf8Length } from './wire';

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

/** What changed in one round trip or user action, for the preview to redraw. */
export interface HostChange {
  /** Sheets whose cells changed. */
  readonly cells: readonly string[];
  /** Sheets added, removed, renamed, hidden or protected. */
  readonly structure: boolean;
  /** The active sheet or the selection changed. */
  readonly selection: boolean;
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
  /** The events the client registered, and their delivery after each change. */
  private readonly events: EventDelivery;

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
    this.events = new EventDelivery(client);
    const route = client.route((request) => this.handle(request));
    this.url = route.url;
    this.close = () => {
      route.release();
      this.events.close();
    };
  }

  /** Stops serving requests and sending events (the preview, when another workbook is opened). */
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
    loadModel(host.state, model);
    return host;
  }

  /**
   * A workbook read from a file (the .xlsx reader, in the browser): values are the
   * cached results, formulas are kept as text and their results stand until
   * the workbook changes.
   */
  static fromSnapshot(snapshot: WorkbookSnapshot, client: ExcelClient, options?: HostOptions): ExcelHost {
    const host = new ExcelHost(client, options);
    loadSnapshot(host.state, snapshot);
    return host;
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

    const x = new Execution(this.state, this.profile, this.limits, this.references, this.events.registered);
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
      outcome = execute(body, x, { type: workbookRoot, target: this.state }, injected);
    } finally {
      // `suspendApiCalculationUntilNextSync` lasts until the end of this request.
      this.state.calculationSuspended = false;
    }
    if (outcome.error) {
      // Like Excel, what ran before the failing action stays done (and raises its events).
      this.notify(x);
      this.events.later(x.edits);
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
    this.events.later(x.edits);
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
    return this.state.sheets.map(sheetInfo);
  }

  /**
   * The stored cells of a sheet (found without regard to case), or only
   * those inside `area` (`A1:Z60`, the part a grid shows); undefined when
   * there is no such sheet.
   */
  readSheet(name: string, area?: string): HostSheetView | undefined {
    const sheet = this.state.sheet(name);
    if (!sheet) return undefined;
    return sheetView(this.state, sheet, area);
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

  /** Typing into a cell, with Excel's reading of the text (`=` makes a formula); raises Changed. */
  typeInto(sheetName: string, address: string, text: string): void {
    const sheet = this.mustFind(sheetName);
    const rect = parseRangeAddress(address);
    if (!rect) throw new Error(`Not a cell: ${address}`);
    const cell = { ...rect, rows: 1, cols: 1 };
    this.state.writeContent([], sheet, cell, text, 'typeInto');
    this.notify({ changedSheets: new Set([sheet.name]), structureChanged: false, selectionChanged: false });
    this.events.later([{ sheet, rect: cell, origin: 'user' }]);
  }

  /** Resolves when every event sent so far has reached the client's handlers (for tests). */
  eventsDelivered(): Promise<void> {
    return this.events.delivered();
  }

  /** What every sheet holds, as the domain reads workbooks (values are formula results). */
  toSnapshot(): WorkbookSnapshot {
    return workbookSnapshot(this.state);
  }

  private mustFind(name: string): SheetData {
    const sheet = this.state.sheet(name);
    if (!sheet) throw new Error(`No sheet ${name}`);
    return sheet;
  }
}
