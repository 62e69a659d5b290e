/**
 * The three outputs written into the workbook (reconciliation sheet, project
 * cards, summary) and where they go. Pure: the adapters render the sheet
 * models and write the marker names. Every layout reads the result contract
 * (reconcile/result.ts) and nothing of the engine.
 */
import type { Lang } from '../messages';
import type { DefinedNameModel, SheetModel } from '../model';
import type { ReconciliationResult } from '../reconcile/result';
import type { LayoutOptions } from './layout';
import {
  placeOutputs,
  OUTPUT_KINDS,
  type OutputKind,
  type OutputWorkbook,
  type Placement,
} from './placement';
import { projectCardsSheet } from './projectCards';
import { reconciliationSheet } from './reconciliationSheet';
import { summarySheet } from './summarySheet';
import { outputText } from './text';

export { MARKER_NAMES, OUTPUT_KINDS, placeOutputs, freeName, markedSheet } from './placement';
export type { OutputKind, OutputWorkbook, Placement, PlacementPlan, PlacementRequest } from './placement';
export { reconciliationSheet } from './reconciliationSheet';
export { projectLabel, type LayoutOptions } from './layout';
export { projectCardsSheet, projectCardSheet, cardProjects, type CardsOptions } from './projectCards';
export {
  cardKeys,
  cardsAfterAdding,
  parseSelection,
  projectCardKeys,
  selectionText,
  MAX_SELECTION_TEXT,
} from './cardSelection';
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
 * Every output of `kinds` laid out for this workbook: placed (a marked sheet is replaced in
 * place, a user's sheet of the same name is left alone, and the sheets the reconciliation read
 * are never touched) and built under the name it gets. `cards`: the projects (register entry
 * indices) whose cards the cards sheet holds, when only some (cardsAfterAdding); every
 * project's by default.
 */
export function buildOutputs(
  result: ReconciliationResult,
  lang: Lang,
  workbook: OutputWorkbook,
  kinds: readonly OutputKind[] = OUTPUT_KINDS,
  cards?: readonly number[],
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
      sheet:
        placement.kind === 'cards'
          ? projectCardsSheet(result, lang, { sheetName: placement.sheet, projects: cards })
          : LAYOUTS[placement.kind](result, lang, { sheetName: placement.sheet }),
    })),
    names: plan.names,
  };
}
