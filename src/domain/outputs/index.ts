/**
 * The three outputs written into the workbook (reconciliation sheet, project
 * cards, summary) and where they go. Pure: the adapters render the sheet
 * models and write the marker names.
 */
import type { Lang } from '../messages';
import type { DefinedNameModel, SheetModel } from '../model';
import type { ReconciliationResult } from '../reconcile/reconcile';
import type { WorkbookSnapshot } from '../snapshot';
import { placeOutputs, OUTPUT_KINDS, type OutputKind, type Placement } from './placement';
import { projectCardsSheet } from './projectCards';
import { reconciliationSheet, type LayoutOptions } from './reconciliationSheet';
import { summarySheet } from './summarySheet';
import { outputText } from './text';

export { MARKER_NAMES, OUTPUT_KINDS, placeOutputs, freeName } from './placement';
export type { OutputKind, Placement, PlacementPlan, PlacementRequest } from './placement';
export { reconciliationSheet, type LayoutOptions } from './reconciliationSheet';
export { projectCardsSheet, projectCardSheet, cardProjects, type CardsOptions } from './projectCards';
export { cardKeys, parseSelection, selectionText, MAX_SELECTION_TEXT } from './cardSelection';
export { summarySheet, ownProjects } from './summarySheet';
export { outputText } from './text';

export type Layout = (result: ReconciliationResult, lang: Lang, options?: LayoutOptions) => SheetModel;

export const LAYOUTS: Readonly<Record<OutputKind, Layout>> = {
  reconciliation: reconciliationSheet,
  cards: projectCardsSheet,
  summary: summarySheet,
};

export interface OutputSheet {
  readonly placement: Placement;
  readonly sheet: SheetModel;
}

export interface Outputs {
  readonly sheets: readonly OutputSheet[];
  /** The marker names to write (one per output). */
  readonly names: readonly DefinedNameModel[];
}

/**
 * Every output laid out for this workbook: placed (a marked sheet is
 * replaced in place, a user's sheet of the same name is left alone) and
 * built under the name it gets.
 */
export function buildOutputs(
  result: ReconciliationResult,
  lang: Lang,
  workbook: Pick<WorkbookSnapshot, 'sheets' | 'names'>,
  kinds: readonly OutputKind[] = OUTPUT_KINDS,
): Outputs {
  const text = outputText(lang);
  const plan = placeOutputs(
    workbook.sheets.map((s) => s.name),
    workbook.names ?? [],
    kinds.map((kind) => ({ kind, name: text.sheets[kind] })),
    [...result.sources.budgetSheets, ...result.sources.financingSheets, result.sources.registerSheet],
  );
  return {
    sheets: plan.placements.map((placement) => ({
      placement,
      sheet: LAYOUTS[placement.kind](result, lang, { sheetName: placement.sheet }),
    })),
    names: plan.names,
  };
}
