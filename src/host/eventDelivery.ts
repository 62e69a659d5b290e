/**
 * The events a workbook sends Microsoft's client: after a request, or a user's edit in the
 * preview's grid, one `Changed` event per cell edit on each worksheet whose Changed event the
 * client registered (`worksheet.onChanged`, ExcelApi 1.7), each with the edited range's address.
 * Always later, never inside the request that caused them: Excel delivers events after the batch.
 * An Excel without ExcelApi 1.7 delivers none. The message is richApi/events.ts's.
 */
import type { ExcelClient } from './client/client';
import { supportsApi } from './client/profiles';
import {
  EventId,
  EventRegistrations,
  worksheetChangedEntry,
  type CellEdit,
  type ChangedEventFeatures,
} from './richApi/events';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class EventDelivery {
  /** What the client registered, kept across requests (the Worksheet's `_Register…Event`). */
  readonly registered = new EventRegistrations();
  private pending: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly client: ExcelClient) {}

  /** Sends the Changed events of `edits` (those on registered worksheets) after this task. */
  later(edits: readonly CellEdit[]): void {
    if (this.closed || edits.length === 0 || !supportsApi(this.client.profile, 'ExcelApi', '1.7')) return;
    const registered = edits.filter((e) => this.registered.has(EventId.WorksheetChanged, e.sheet.id));
    if (registered.length === 0) return;
    const features: ChangedEventFeatures = {
      triggerSource: supportsApi(this.client.profile, 'ExcelApi', '1.14'),
    };
    const entries = registered.map((e) => worksheetChangedEntry(e, features));
    const sent = nextTask().then(async () => {
      if (this.closed) return;
      // One message for the request, one entry (one event) per edit in it.
      this.client.deliver({ entries });
      // The client calls the handlers through a few promises: let them run.
      await nextTask();
    });
    this.pending = Promise.all([this.pending, sent]).then(() => undefined);
  }

  /** Resolves when every event sent so far has reached the handlers (for tests). */
  delivered(): Promise<void> {
    return this.pending;
  }

  /** The workbook is closed: nothing more is sent. */
  close(): void {
    this.closed = true;
  }
}
