/**
 * What the pane's insert buttons write, built from a run's result: the domain's outputs
 * (src/domain/outputs), placed in the workbook as it was read. Loaded on demand as its own chunk
 * ("outputs", see controller.ts): the layouts are not part of the first screen.
 */
import type { Lang } from '../domain/messages';
import {
  buildOutputs,
  cardsAfterAdding,
  OUTPUT_KINDS,
  projectCardKeys,
  type OutputKind,
  type OutputWorkbook,
  type Outputs,
} from '../domain/outputs';
import type { ReconciliationResult } from '../domain/reconcile/result';

/** What the pane inserts: one output, all three, or one project's card. */
export type InsertTarget =
  | { readonly kind: OutputKind | 'all' }
  /** `project`: the project's index in the register's entries (ids need not be unique). */
  | { readonly kind: 'card'; readonly project: number };

/**
 * The workbook as placement needs it: every sheet's name (not only the ones read) and the
 * markers; and which cards the marked cards sheet holds.
 */
export interface PlacementView extends OutputWorkbook {
  /**
   * The keys of the projects whose cards the marked cards sheet holds when it holds only some
   * (`WorkbookRead.cardSelection`); null when it holds every card, or there is none.
   */
  readonly cardSelection: readonly string[] | null;
}

export interface InsertPlan {
  readonly outputs: Outputs;
  /**
   * What the cards sheet holds once written, as `PlacementView.cardSelection`; undefined when the
   * insert does not write the cards sheet.
   */
  readonly cardSelection?: readonly string[] | null;
}

/**
 * The outputs to write for one insert. `target.project` (for `card`) is the project's index in the
 * register's entries: ids are not unique in a faulty register (1.3 twice in the sample).
 *
 * One project's card goes on the project cards sheet (marker `PlanReconciler_Cards`) with the
 * cards already there: the sheet is laid out again with them and the new one (the one layout,
 * register order; a card already there is written anew, never twice). A sheet with every card
 * stays one with every card. Without a cards sheet, the card is alone on a new one. Inserting
 * all cards ("Prosjektkort") replaces the sheet with every card. Idempotent, as every output.
 */
export function insertOutputs(
  result: ReconciliationResult,
  lang: Lang,
  view: PlacementView,
  target: InsertTarget,
): InsertPlan {
  if (target.kind !== 'card') {
    const kinds = target.kind === 'all' ? OUTPUT_KINDS : [target.kind];
    const outputs = buildOutputs(result, lang, view, kinds);
    return kinds.includes('cards') ? { outputs, cardSelection: null } : { outputs };
  }
  const projects = cardsAfterAdding(result, view, view.cardSelection, target.project);
  const keys = projects === null ? [] : projectCardKeys(result);
  return {
    outputs: buildOutputs(result, lang, view, ['cards'], projects ?? undefined),
    cardSelection: projects === null ? null : projects.map((i) => keys[i]),
  };
}
