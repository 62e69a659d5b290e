/**
 * A three-way merge for a form saved after its row changed underneath it (an alias learned, a
 * co-author's edit read again): the fields the user changed win; every other field is the row
 * as it is now.
 */
import type { FundingSource, RegisterEntry } from '../types';
import { entryToDraft, sourceToDraft, type EntryDraft, type SourceDraft } from './draft';

/** Field-by-field equality of two drafts' values (lists item by item). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** The fields of `draft` that differ from `before`, laid over `after`. */
function merge<D extends object>(before: D, after: D, draft: D): D {
  const out = { ...after };
  for (const key of Object.keys(draft) as (keyof D)[]) {
    if (!sameValue(draft[key], before[key])) out[key] = draft[key];
  }
  return out;
}

/**
 * The draft on the row as it is now (`current`): the fields the user changed in `draft`, against
 * the row as it was when the form opened (`base`), laid over `current`.
 */
export function mergeEntryDraft(base: RegisterEntry, current: RegisterEntry, draft: EntryDraft): EntryDraft {
  return merge(entryToDraft(base), entryToDraft(current), draft);
}

export function mergeSourceDraft(
  base: FundingSource,
  current: FundingSource,
  draft: SourceDraft,
): SourceDraft {
  return merge(sourceToDraft(base), sourceToDraft(current), draft);
}
