/**
 * Events, as Excel sends them to Microsoft's Office.js client: not an answer to a request but a
 * RichApi message of its own, delivered after the request that caused it (client/client.ts hands
 * it to the client's `_handleRichApiMessage`, as Office's message channel does).
 *
 * What the client expects (excel-web-16.00.debug.js, `GenericEventRegistration`,
 * `OSF.DDA.RichApiMessageEventArgs`): `{ entries: [...] }`, each entry
 * `{ messageCategory: 65536, messageType: <event id>, targetId, message: <JSON of the event's
 * arguments>, id, isRemoteOverride? }`. An entry reaches the handlers registered for its event id
 * and target; `isRemoteOverride` makes its `source` `Remote`. `worksheet.onChanged` (ExcelApi 1.7)
 * is event id 10 on the worksheet's id; the client registers it with the worksheet's
 * `_RegisterDataChangedEvent` (and `_UnregisterDataChangedEvent` when its last handler goes), and
 * turns the message into `WorksheetChangedEventArgs` locally (`Worksheet_Changed_EventArgsTransform`:
 * `changeType`, `source`, `address`, `triggerSource`, `shiftDirection`, `valueBefore`/`valueAfter`
 * for `details`, `referenceId` for `getRange`; the worksheet id is its own), with no request.
 */
import type { SheetData } from '../model/cells';
import { rectToA1, type Rect } from '../model/rangeAddress';

/** `messageCategory` of an event (OfficeExtension `Constants.eventMessageCategory`). */
export const EVENT_MESSAGE_CATEGORY = 65536;

/** Event ids (`messageType`), as the client's event handlers name them (`eventType`). */
export const EventId = {
  /** `Worksheet.onChanged`: cells of the worksheet were edited. */
  WorksheetChanged: 10,
} as const;

export interface RichApiMessageEntry {
  readonly messageCategory: number;
  readonly messageType: number;
  /** The object the event is about: for a worksheet's events, its id. */
  readonly targetId: string;
  /** The event's arguments, as JSON text. */
  readonly message: string;
  readonly id: string;
  /** Set when a co-author's change is reported: the client then makes `source` `Remote`. */
  readonly isRemoteOverride?: boolean;
}

export interface RichApiMessage {
  readonly entries: readonly RichApiMessageEntry[];
}

/**
 * Which events the client registered with this workbook, per event and target. Counted: two
 * request contexts may register the same worksheet, and one unregistering leaves the other's.
 */
export class EventRegistrations {
  private readonly counts = new Map<string, number>();

  register(event: number, target: string): void {
    const key = `${event}|${target}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  unregister(event: number, target: string): void {
    const key = `${event}|${target}`;
    const n = (this.counts.get(key) ?? 0) - 1;
    if (n > 0) this.counts.set(key, n);
    else this.counts.delete(key);
  }

  has(event: number, target: string): boolean {
    return this.counts.has(`${event}|${target}`);
  }

  get size(): number {
    return this.counts.size;
  }
}

/** Who made a change: the add-in through the API, or the user typing in the grid. */
export type EditOrigin = 'api' | 'user';

/** Cells whose content was written (values, formulas, cleared), in the order it happened. */
export interface CellEdit {
  readonly sheet: SheetData;
  readonly rect: Rect;
  readonly origin: EditOrigin;
}

/** What this Excel puts in a Changed event, by its API version. */
export interface ChangedEventFeatures {
  /** ExcelApi 1.14: `triggerSource`, whether this add-in made the change. */
  readonly triggerSource: boolean;
}

let serial = 0;

/** The Changed event of one edit, as Excel sends it: a cell edit is `RangeEdited`, by this user (`Local`). */
export function worksheetChangedEntry(edit: CellEdit, features: ChangedEventFeatures): RichApiMessageEntry {
  const args: Record<string, unknown> = {
    type: 'WorksheetChanged',
    changeType: 'RangeEdited',
    source: 'Local',
    worksheetId: edit.sheet.id,
    address: rectToA1(edit.rect),
    // No cells moved (an insert or delete would say which way).
    shiftDirection: 'None',
  };
  if (features.triggerSource) args.triggerSource = edit.origin === 'api' ? 'ThisLocalAddin' : 'Unknown';
  return {
    messageCategory: EVENT_MESSAGE_CATEGORY,
    messageType: EventId.WorksheetChanged,
    targetId: edit.sheet.id,
    message: JSON.stringify(args),
    id: `{PlanReconcilerHost-event}${++serial}`,
  };
}
