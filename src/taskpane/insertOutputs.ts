/**
 * What the pane's insert buttons write, built from a run's result: the domain's outputs
 * (src/domain/outputs), placed in the workbook as it was read. Loaded on demand as its own chunk
 * ("outputs", see controller.ts): the layouts are not part of the first screen.
 */
import type { Lang } from '../domain/messages';
import {
  buildOutputs,
  OUTPUT_KINDS,
  outputText,
  placeOutputs,
  projectCardSheet,
  type Outputs,
} from '../domain/outputs';
import type { ReconciliationResult } from '../domain/reconcile/reconcile';
import { sheetsNamed, type DefinedNameSnapshot } from '../domain/snapshot';
import type { InsertTarget } from './controller';

/** The workbook as placement needs it: every sheet's name (not only the ones read) and the markers. */
export interface PlacementView {
  readonly sheetNames: readonly string[];
  readonly names: readonly DefinedNameSnapshot[];
}

/**
 * The outputs to write for one insert. `target.project` (for `card`) is the project's index in the
 * register's entries: ids are not unique in a faulty register (1.3 twice in the sample).
 *
 * One project's card goes where the project cards go (marker `PlanReconciler_Cards`): inserting it
 * replaces the cards sheet, and inserting all cards replaces it back. Idempotent, as every output.
 */
export function insertOutputs(
  result: ReconciliationResult,
  lang: Lang,
  view: PlacementView,
  target: InsertTarget,
): Outputs {
  // Only the names matter to placement; the cells were read for the engine, not for this.
  const workbook = {
    sheets: sheetsNamed(view.sheetNames),
    names: view.names,
  };
  if (target.kind === 'all') return buildOutputs(result, lang, workbook, OUTPUT_KINDS);
  if (target.kind !== 'card') return buildOutputs(result, lang, workbook, [target.kind]);

  const plan = placeOutputs(
    view.sheetNames,
    view.names,
    [{ kind: 'cards', name: outputText(lang).sheets.cards }],
    [result.sources.budgetSheet, result.sources.financingSheet, result.sources.registerSheet],
  );
  return {
    sheets: plan.placements.map((placement) => ({
      placement,
      sheet: projectCardSheet(result, lang, target.project, { sheetName: placement.sheet }),
    })),
    names: plan.names,
  };
}
