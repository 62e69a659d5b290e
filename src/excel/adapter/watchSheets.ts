/**
 * Live re-check (issue 17): `worksheet.onChanged` (ExcelApi 1.7) on the sheets a reconciliation
 * reads. The gateway checks the requirement set; this adds the handlers, in two round trips
 * whatever the number of sheets: one finds the sheets (`getItemOrNullObject`, a missing one is
 * skipped), one adds a handler to each (each sheet's `_RegisterDataChangedEvent` in one request).
 *
 * A handler lives on in the request context it was added in after its `Excel.run` has resolved,
 * and is removed in that same context (Microsoft, "Work with events using the Excel JavaScript
 * API"), so the context and each sheet's handlers are kept. The returned `Unwatch` removes them
 * all in one sync of that context. From the moment it is called `onChange` hears nothing more,
 * even of an event already on its way; a removal that failed (a cell being edited) can be tried
 * again, which `EventHandlers.remove` allows and the once-only `EventHandlerResult.remove` would not.
 */
import type { ExcelContext, ExcelEventHandlers, ExcelRun, ExcelWorksheetChangedEventArgs } from '../excelApi';
import type { SheetChange, Unwatch } from '../gateway';

type Handler = (args: ExcelWorksheetChangedEventArgs) => Promise<void>;

interface Watched {
  readonly events: ExcelEventHandlers<ExcelWorksheetChangedEventArgs>;
  readonly handler: Handler;
}

const SOURCES: Readonly<Record<string, SheetChange['source']>> = { Local: 'local', Remote: 'remote' };

/** What the pane hears of one event: the sheet's name as Excel spells it, the range, who changed it. */
function sheetChange(sheet: string, args: ExcelWorksheetChangedEventArgs): SheetChange {
  const source = SOURCES[args.source];
  return {
    sheet,
    ...(args.address ? { address: args.address } : {}),
    ...(source ? { source } : {}),
    ...(args.triggerSource === 'ThisLocalAddin' ? { byThisAddin: true } : {}),
  };
}

export async function watchSheets(
  run: ExcelRun,
  sheets: readonly string[],
  onChange: (change: SheetChange) => void,
): Promise<Unwatch> {
  let stopped = false;
  const { context, watched } = await run(
    async (context): Promise<{ context: ExcelContext; watched: Watched[] }> => {
      const found = sheets.map((name) =>
        context.workbook.worksheets.getItemOrNullObject(name).load('id,name'),
      );
      await context.sync();
      // A sheet named twice (or in another case) is watched once.
      const ids = new Set<string>();
      const watched = found
        .filter((ws) => !ws.isNullObject && !ids.has(ws.id) && ids.add(ws.id))
        .map((ws): Watched => {
          const name = ws.name;
          const handler: Handler = async (args) => {
            if (!stopped) onChange(sheetChange(name, args));
          };
          ws.onChanged.add(handler);
          return { events: ws.onChanged, handler };
        });
      if (watched.length > 0) await context.sync();
      return { context, watched };
    },
  );

  let removed: Promise<void> | null = null;
  return () => {
    stopped = true;
    removed ??= (async () => {
      if (watched.length === 0) return;
      for (const { events, handler } of watched) events.remove(handler);
      await context.sync();
    })().catch((e: unknown) => {
      removed = null;
      throw e;
    });
    return removed;
  };
}
