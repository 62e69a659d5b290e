/**
 * Where the outputs go in the workbook: which marked sheet each replaces, which name is free, and
 * the marker names that say which sheets are the add-in's.
 */
import type { DefinedNameModel } from '../model';
import type { DefinedNameSnapshot } from '../snapshot';

export type OutputKind = 'reconciliation' | 'cards' | 'summary';

export const OUTPUT_KINDS: readonly OutputKind[] = ['reconciliation', 'cards', 'summary'];

/**
 * Workbook-level names that mark the sheets the add-in wrote, each referring
 * to A1 of its sheet. A name follows its sheet when the user renames it, so
 * the marker, not the sheet's name, says which sheet is ours to replace.
 */
export const MARKER_NAMES: Readonly<Record<OutputKind, string>> = {
  reconciliation: 'PlanReconciler_Reconciliation',
  cards: 'PlanReconciler_Cards',
  summary: 'PlanReconciler_Summary',
};

export const MARKER_REF = '$A$1';

/**
 * The workbook as placement sees it: every sheet's name (not only the ones read) and the
 * workbook's names, where the markers are. A WorkbookSnapshot is one.
 */
export interface OutputWorkbook {
  readonly sheets: readonly { readonly name: string }[];
  readonly names?: readonly DefinedNameSnapshot[];
}

/** The sheet holding this kind's output (its marker names a sheet of the workbook), by its name there; else null. */
export function markedSheet(workbook: OutputWorkbook, kind: OutputKind): string | null {
  const lower = (s: string) => s.toLowerCase();
  const marker = (workbook.names ?? []).find((n) => lower(n.name) === lower(MARKER_NAMES[kind]));
  if (marker === undefined) return null;
  return workbook.sheets.find((s) => lower(s.name) === lower(marker.sheet))?.name ?? null;
}

export interface PlacementRequest {
  readonly kind: OutputKind;
  /** The name the output would like (`Avstemming`). */
  readonly name: string;
}

export interface Placement {
  readonly kind: OutputKind;
  /** The sheet's name after writing. */
  readonly sheet: string;
  /** The marked sheet this output replaces in place (same position), or null for a new sheet at the end. */
  readonly replaces: string | null;
}

export interface PlacementPlan {
  readonly placements: readonly Placement[];
  /** Marker names to write (every output's marker; any older marker of these kinds is dropped). */
  readonly names: readonly DefinedNameModel[];
}

const MAX_SHEET_NAME = 31;

/** The names the Office.js writers give sheets while writing (`~PR 1`, `~PR old 2`). */
const TEMPORARY = /^~PR (old )?\d+$/;

/**
 * Where each output goes. A sheet marked by the output's name is replaced in
 * place and keeps its name (the user may have renamed it). Any other sheet is
 * the user's and is never touched: when it has the output's name, the output
 * takes the first free `Name (2)`, `Name (3)`, ... Sheets the reconciliation
 * read (budget, financing, register) are never replaced, even if a marker
 * points at one of them.
 */
export function placeOutputs(
  sheetNames: readonly string[],
  names: readonly DefinedNameSnapshot[],
  requests: readonly PlacementRequest[],
  protectedSheets: readonly (string | null)[] = [],
): PlacementPlan {
  const lower = (s: string) => s.toLowerCase();
  const existing = new Map(sheetNames.map((n) => [lower(n), n]));
  const untouchable = new Set(protectedSheets.filter((s): s is string => !!s).map(lower));
  const claimed = new Set<string>();
  const taken = new Set(existing.keys());

  // First the markers: each marked sheet can be claimed once.
  const replaced = new Map<OutputKind, string>();
  for (const { kind } of requests) {
    const marker = names.find((n) => lower(n.name) === lower(MARKER_NAMES[kind]));
    const sheet = marker ? existing.get(lower(marker.sheet)) : undefined;
    if (sheet && !claimed.has(lower(sheet)) && !untouchable.has(lower(sheet))) {
      replaced.set(kind, sheet);
      claimed.add(lower(sheet));
    }
  }

  const placements: Placement[] = requests.map(({ kind, name }) => {
    const sheet = replaced.get(kind);
    if (sheet && !TEMPORARY.test(sheet)) return { kind, sheet, replaces: sheet };
    if (sheet) {
      // A marked sheet still under a writer's temporary name (`~PR 3`: a rename undone in Excel on
      // the web) is replaced, and the output gets its own name back.
      taken.delete(lower(sheet));
      const free = freeName(name, taken);
      taken.add(lower(free));
      return { kind, sheet: free, replaces: sheet };
    }
    const free = freeName(name, taken);
    taken.add(lower(free));
    return { kind, sheet: free, replaces: null };
  });
  return {
    placements,
    names: placements.map((p) => ({ name: MARKER_NAMES[p.kind], sheet: p.sheet, ref: MARKER_REF })),
  };
}

/** `name`, else `name (2)`, `name (3)`, ... kept within Excel's 31 characters. */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  const base = name.slice(0, MAX_SHEET_NAME);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
