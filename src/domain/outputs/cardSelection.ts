/**
 * Which projects' cards a project cards sheet holds, when it holds only some of them (the pane's
 * "one project's card", repeated for several projects): the sheet says so itself, in the row
 * under its title. A2 holds the label, B2 the projects' keys (`1.2; 3.1`). A sheet with every
 * card (the "Prosjektkort" insert, the CLI's `--out`) has no such row: whichever writer replaces
 * the sheet with every card takes the record with it, and nothing else in the workbook can go
 * stale.
 *
 * Kept apart from the layout (projectCards.ts), small and without the outputs' texts: the
 * Office.js reader reads the record in the run's read, and is part of the pane's first chunk.
 * `cardsAfterAdding` says, from the result contract and the record, which cards the sheet holds
 * once the pane adds one project's.
 */
import type { Lang } from '../messages';
import type { ReconciliationResult } from '../reconcile/result';
import type { RegisterEntry } from '../register/types';
import { markedSheet, type OutputWorkbook } from './placement';

/** The record's cells: the label, then the keys (0-based row 1, A2:B2). */
export const SELECTION_ROW = 1;
export const SELECTION_RANGE = 'A2:B2';

/** The record's label, as the layout writes it in the user's language; the reader knows both. */
export const SELECTION_LABEL: Readonly<Record<Lang, string>> = {
  nb: 'Utvalgte prosjekter',
  en: 'Selected projects',
};

/** Excel keeps at most this many characters in a cell: a longer record could not be read back. */
export const MAX_SELECTION_TEXT = 32_767;

const SEPARATOR = '; ';

/**
 * Each register entry's key on a cards sheet ('' for an entry that gets no card): its id, or its
 * name when it has none, and `#2`, `#3`, … for the second and later projects with the same one
 * (ids are not unique in a faulty register: the sample has 1.3 twice). Stable across runs, and
 * across register edits that do not change the project's id.
 */
export function cardKeys(entries: readonly Pick<RegisterEntry, 'id' | 'name' | 'kind'>[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    if (e.kind !== 'project') return '';
    const base = escapeKey(e.id !== '' ? e.id : e.name);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** Each register entry's key on a cards sheet (cardKeys), from the result's entries. */
export function projectCardKeys(result: ReconciliationResult): string[] {
  return cardKeys(result.entries.map((e) => e.fields));
}

/**
 * The projects (register entry indices, in register order) whose cards the cards sheet holds once
 * `project`'s card is added; null for every project's. `onSheet`: the keys the marked cards sheet
 * records (null when it holds every card, or there is none). A sheet with every card stays one;
 * without a cards sheet the card is alone on a new one; a key whose project left the register (or
 * changed its id) has no card to lay out and is dropped.
 */
export function cardsAfterAdding(
  result: ReconciliationResult,
  workbook: OutputWorkbook,
  onSheet: readonly string[] | null,
  project: number,
): number[] | null {
  const all = result.projects;
  const keys = projectCardKeys(result);
  const chosen = new Set([project]);
  if (markedSheet(workbook, 'cards') !== null) {
    // A cards sheet without a record holds every card (written by "Prosjektkort" or the CLI).
    if (onSheet === null) return null;
    const recorded = new Set(onSheet);
    for (const p of all) if (recorded.has(keys[p.entry])) chosen.add(p.entry);
  }
  const projects = all.filter((p) => chosen.has(p.entry)).map((p) => p.entry);
  if (projects.length === all.length) return null;
  // A record longer than a cell holds could not be read back: every card then, rather than lose some.
  if (selectionText(projects.map((i) => keys[i])).length > MAX_SELECTION_TEXT) return null;
  return projects;
}

/** `;`, `#` and `\` in an id are escaped with `\`, so that any id survives the record. */
function escapeKey(text: string): string {
  return text.replace(/[\\;#]/g, (c) => `\\${c}`);
}

/** The record's text: the keys in the order given (the layout's, register order). */
export function selectionText(keys: readonly string[]): string {
  return keys.join(SEPARATOR);
}

/**
 * The keys a cards sheet records from its A2:B2 values, or null when the sheet has no record
 * (every project's card, or not the add-in's layout): the label must be the layout's, in either
 * language.
 */
export function parseSelection(cells: readonly unknown[] | null | undefined): string[] | null {
  const [label, keys] = cells ?? [];
  if (typeof label !== 'string' || typeof keys !== 'string') return null;
  if (!Object.values(SELECTION_LABEL).includes(label.trim())) return null;
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < keys.length; i++) {
    const c = keys[i];
    if (c === '\\' && i + 1 < keys.length) {
      current += c + keys[++i];
    } else if (c === ';') {
      out.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  out.push(current.trim());
  return out.filter((k) => k !== '');
}
