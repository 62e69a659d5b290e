/**
 * Where the pane's inserts go: the workbook as the last run read it (every sheet's name, the
 * markers, which cards the cards sheet holds), kept up to date with what the pane writes, so that
 * a second insert replaces the first.
 */
import type { DefinedNameModel, SheetModel } from '../domain/model';
import type { Outputs } from '../domain/outputs';
import type { WorkbookRead } from '../excel/gateway';
import type { PlacementView } from './insertOutputs';

/** The placement view of a run's read. */
export function placementOf(read: WorkbookRead): PlacementView {
  return {
    sheets: read.sheets.map((s) => ({ name: s.name })),
    names: read.snapshot.names ?? [],
    cardSelection: read.cardSelection ?? null,
  };
}

/** Excel's sheet and defined names are case-insensitive. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The placement view after a write: the written sheets exist, the markers point at them, and the
 * cards sheet holds what was written on it (`cardSelection`: undefined when it was not written).
 */
export function afterWrite(
  view: PlacementView,
  written: readonly string[],
  markers: readonly DefinedNameModel[],
  cardSelection: readonly string[] | null | undefined,
): PlacementView {
  const added = written.filter((name) => !view.sheets.some((s) => sameName(s.name, name)));
  const names = (view.names ?? []).filter((n) => !markers.some((m) => sameName(m.name, n.name)));
  return {
    sheets: [...view.sheets, ...added.map((name) => ({ name }))],
    names: [...names, ...markers.map(({ name, sheet, ref }) => ({ name, sheet, ref }))],
    cardSelection: cardSelection === undefined ? view.cardSelection : cardSelection,
  };
}

/**
 * New sheets of the user's (the plan's budget and financing) as the outputs' writer takes them:
 * that writer adds sheets in batched round trips, whole or not at all, and refuses a name that is
 * taken. No marker name is written (`names` is empty), so no later insert takes them for its own;
 * `kind` only chooses a marker, hence any.
 */
export function newSheets(sheets: readonly SheetModel[]): Outputs {
  return {
    sheets: sheets.map((sheet) => ({
      placement: { kind: 'reconciliation', sheet: sheet.name, replaces: null },
      sheet,
    })),
    names: [],
  };
}
