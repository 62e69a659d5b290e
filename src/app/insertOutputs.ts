/**
 * What the pane's insert buttons write, built from a run's result: the domain's outputs
 * (src/domain/outputs), placed in the workbook as it was read. Loaded on demand as its own chunk
 * ("outputs", see controller.ts): the layouts are not part of the first screen.
 */
import type { Lang } from '../domain/messages';
import {
  buildOutputs,
  cardKeys,
  cardProjects,
  MARKER_NAMES,
  MAX_SELECTION_TEXT,
  OUTPUT_KINDS,
  outputText,
  placeOutputs,
  projectCardsSheet,
  selectionText,
  type OutputKind,
  type Outputs,
} from '../domain/outputs';
import type { ReconciliationResult } from '../domain/reconcile/reconcile';
import { sheetsNamed, type DefinedNameSnapshot } from '../domain/snapshot';

/** What the pane inserts: one output, all three, or one project's card. */
export type InsertTarget =
  | { readonly kind: OutputKind | 'all' }
  /** `project`: the project's index in the register's entries (ids need not be unique). */
  | { readonly kind: 'card'; readonly project: number };

/** The workbook as placement needs it: every sheet's name (not only the ones read) and the markers. */
export interface PlacementView {
  readonly sheetNames: readonly string[];
  readonly names: readonly DefinedNameSnapshot[];
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
  // Only the names matter to placement; the cells were read for the engine, not for this.
  const workbook = {
    sheets: sheetsNamed(view.sheetNames),
    names: view.names,
  };
  if (target.kind !== 'card') {
    const kinds = target.kind === 'all' ? OUTPUT_KINDS : [target.kind];
    const outputs = buildOutputs(result, lang, workbook, kinds);
    return kinds.includes('cards') ? { outputs, cardSelection: null } : { outputs };
  }

  const keys = cardKeys(result.plan.index?.register.entries ?? []);
  const projects = cardsAfterAdding(cardProjects(result), keys, view, target.project);
  const plan = placeOutputs(
    view.sheetNames,
    view.names,
    [{ kind: 'cards', name: outputText(lang).sheets.cards }],
    [...result.sources.budgetSheets, ...result.sources.financingSheets, result.sources.registerSheet],
  );
  return {
    outputs: {
      sheets: plan.placements.map((placement) => ({
        placement,
        sheet: projectCardsSheet(result, lang, {
          sheetName: placement.sheet,
          projects: projects ?? undefined,
        }),
      })),
      names: plan.names,
    },
    cardSelection: projects === null ? null : projects.map((i) => keys[i]),
  };
}

/**
 * The projects (register entry indices, in register order) whose cards the cards sheet holds
 * once `project`'s is added; null for every project's. `all`: the projects that get a card;
 * `keys`: every entry's key (cardKeys).
 */
function cardsAfterAdding(
  all: readonly number[],
  keys: readonly string[],
  view: PlacementView,
  project: number,
): readonly number[] | null {
  const chosen = new Set([project]);
  if (hasCardsSheet(view)) {
    // A cards sheet without a record holds every card (written by "Prosjektkort" or the CLI).
    if (view.cardSelection === null) return null;
    const onSheet = new Set(view.cardSelection);
    // A key whose project left the register (or changed its id) has no card to lay out: dropped.
    for (const i of all) if (onSheet.has(keys[i])) chosen.add(i);
  }
  const projects = all.filter((i) => chosen.has(i));
  if (projects.length === all.length) return null;
  // A record longer than a cell holds could not be read back: every card then, rather than lose some.
  if (selectionText(projects.map((i) => keys[i])).length > MAX_SELECTION_TEXT) return null;
  return projects;
}

/** Whether the cards marker names a sheet of the workbook (as placement would replace it). */
function hasCardsSheet(view: PlacementView): boolean {
  const lower = (s: string) => s.toLowerCase();
  const marker = view.names.find((n) => lower(n.name) === lower(MARKER_NAMES.cards));
  return marker !== undefined && view.sheetNames.some((s) => lower(s) === lower(marker.sheet));
}
