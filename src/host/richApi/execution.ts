/**
 * One request in progress: the workbook it changes, how to undo each change
 * (a request Excel refuses as a whole applies nothing), what changed (for the
 * preview), and the host's profile (which API sets this "Excel" has).
 */
import { HostError } from '../model/errors';
import type { SheetData } from '../model/cells';
import type { Rect } from '../model/rangeAddress';
import type { Journal, WorkbookState } from '../model/state';
import { supportsApi, type HostProfile } from '../client/profiles';
import { EventRegistrations, type CellEdit } from './events';

export interface ReadLimits {
  /** Cells one range read may cover (Excel: 5 000 000). */
  readonly maxReadCells: number;
  /** What a read over that limit gets: `RangeExceedsLimit`, or null values (both happen: OFFICEJS.md). */
  readonly overLimitRead: 'error' | 'null';
}

/**
 * The objects the client asked Excel to keep across requests (`_KeepReference`, which `Excel.run`
 * does for every Range it creates), by the `_ReferenceId` handed out for each; the client then
 * reaches them by that id (an object path of type ReferenceId) until it removes them.
 */
export class References {
  private serial = 0;
  private readonly objects = new Map<string, unknown>();

  keep(object: unknown): string {
    const id = `{PlanReconcilerHost}${++this.serial}`;
    this.objects.set(id, object);
    return id;
  }

  get(id: string): unknown {
    return this.objects.get(id);
  }

  remove(id: string): void {
    this.objects.delete(id);
  }

  clear(): void {
    this.objects.clear();
  }

  get size(): number {
    return this.objects.size;
  }
}

export class Execution {
  readonly journal: Journal = [];
  readonly changedSheets = new Set<string>();
  /** Cells whose content was written, in order: each is one Changed event (events.ts). */
  readonly edits: CellEdit[] = [];
  structureChanged = false;
  selectionChanged = false;

  constructor(
    readonly state: WorkbookState,
    readonly profile: HostProfile,
    readonly limits: ReadLimits,
    readonly references: References = new References(),
    /** The events the client registered (`_RegisterDataChangedEvent` …), across requests. */
    readonly events: EventRegistrations = new EventRegistrations(),
  ) {}

  /** The content of `rect` was written (values, formulas, cleared): the sheet changed, and Excel raises Changed. */
  cellsEdited(sheet: SheetData, rect: Rect): void {
    this.changedSheets.add(sheet.name);
    this.edits.push({ sheet, rect, origin: 'api' });
  }

  /** Whether this Excel has ExcelApi `version`. */
  supports(version: string): boolean {
    return supportsApi(this.profile, 'ExcelApi', version);
  }

  /** Fails as an Excel without the API would (`ApiNotFound`), naming what is missing. */
  requireApi(version: string | undefined, location: string): void {
    if (version === undefined || this.supports(version)) return;
    throw new HostError(
      'ApiNotFound',
      `${location} needs ExcelApi ${version}; ${this.profile.name} has it not`,
      location,
    );
  }

  /** A read of `cells` cells: within the limit, or refused as Excel refuses it (null when it answers null). */
  checkRead(cells: number, location: string): boolean {
    if (cells <= this.limits.maxReadCells) return true;
    if (this.limits.overLimitRead === 'null') return false;
    throw new HostError('RangeExceedsLimit', `${cells} cells, limit ${this.limits.maxReadCells}`, location);
  }

  /** Undoes every change, newest first (and nothing is reported as edited). */
  rollback(): void {
    for (let i = this.journal.length - 1; i >= 0; i--) this.journal[i]();
    this.journal.length = 0;
    this.edits.length = 0;
  }
}
