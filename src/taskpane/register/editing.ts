/**
 * What the register editor has open: a form on a row (or a new one) with its draft, or a row
 * being deleted; and where that row is in the register now, which may have been read again
 * since the form opened (a run, a co-author's change).
 */
import { mergeEntryDraft, mergeSourceDraft } from '../../domain/register/edit/merge';
import type { EntryDraft, SourceDraft } from '../../domain/register/edit/draft';
import type { FundingSource, Register, RegisterEntry } from '../../domain/register/types';

export type TableName = 'entries' | 'sources';

/** A form: the row it opened on (`base`, null for a new row), its index then, and the draft. */
export type Editing =
  | {
      readonly table: 'entries';
      readonly index: number | null;
      readonly base: RegisterEntry | null;
      readonly draft: EntryDraft;
    }
  | {
      readonly table: 'sources';
      readonly index: number | null;
      readonly base: FundingSource | null;
      readonly draft: SourceDraft;
    };

/** A row the user asked to delete, as it was when asked. */
export interface Deleting {
  readonly table: TableName;
  readonly index: number;
  readonly name: string;
  readonly base: RegisterEntry | FundingSource;
}

const sameEntry = (a: RegisterEntry, b: RegisterEntry) => a.id === b.id && a.name === b.name;
const sameSource = (a: FundingSource, b: FundingSource) => a.name === b.name;

/**
 * Where the row a form or a deletion started from is in the register now: the register may have
 * been read again since (a run, a co-author's change). Null when it is no longer there.
 */
function locate<T>(rows: readonly T[], index: number | null, base: T | null, same: (a: T, b: T) => boolean) {
  if (index === null || base === null) return null;
  const at = rows[index];
  if (at !== undefined && (at === base || same(at, base))) return index;
  const found = rows.findIndex((r) => same(r, base));
  return found < 0 ? null : found;
}

/** Where the row to delete is now; null when it is gone already. */
export function locateDeleting(register: Register, d: Deleting): number | null {
  return d.table === 'entries'
    ? locate(register.entries, d.index, d.base as RegisterEntry, sameEntry)
    : locate(register.sources, d.index, d.base as FundingSource, sameSource);
}

/**
 * The form on the register as it is now: where its row is, and, when the row changed since the
 * form opened, the row as it is now with the fields the user changed laid over it (a three-way
 * merge against the row the form opened on). A row gone since is saved as a new one.
 */
export function rebase(
  editing: Editing,
  register: Register,
): { readonly form: Editing; readonly at: number | null } {
  return editing.table === 'entries'
    ? rebaseIn(editing, register.entries, sameEntry, mergeEntryDraft)
    : rebaseIn(editing, register.sources, sameSource, mergeSourceDraft);
}

/** rebase on one table: its rows, how a row is recognised, and how a draft takes a co-author's change. */
function rebaseIn<
  R,
  D,
  F extends { readonly index: number | null; readonly base: R | null; readonly draft: D },
>(
  editing: F,
  rows: readonly R[],
  same: (a: R, b: R) => boolean,
  merge: (base: R, current: R, draft: D) => D,
): { readonly form: F; readonly at: number | null } {
  const at = locate(rows, editing.index, editing.base, same);
  const current = at === null ? undefined : rows[at];
  if (current === undefined || editing.base === null || current === editing.base) {
    return { form: editing, at };
  }
  const draft = merge(editing.base, current, editing.draft);
  return { form: { ...editing, index: at, base: current, draft }, at };
}
