/**
 * Two people explaining or signing off at once: both land.
 *
 * The review sheet is an append-only log. Before writing, the adapter reads
 * the sheet again (`theirs`) and merges: what is on the sheet now, plus the
 * entries this user added since reading it (`mine` less `base`). Nothing on
 * the sheet is rewritten or reordered; an entry someone removed there since
 * is not brought back; the same entry is never written twice. Which
 * explanation of a finding counts is decided when reading (the latest by
 * time, explanations.ts), so the order in which writers land does not matter.
 */
import { explanationRow, rowIdentity, signOffRow } from './records';
import type { Explanation, RawRow, ReviewState, SignOff } from './types';

/** The state with entries appended (what `mine` is: the state read, and what this user added). */
export function withEntries(
  state: ReviewState,
  add: { readonly explanations?: readonly Explanation[]; readonly signOffs?: readonly SignOff[] },
): ReviewState {
  return {
    ...state,
    explanations: [...state.explanations, ...(add.explanations ?? [])],
    signOffs: [...state.signOffs, ...(add.signOffs ?? [])],
  };
}

function appended<T>(
  base: readonly T[],
  mine: readonly T[],
  theirs: readonly T[],
  row: (x: T) => RawRow,
): T[] {
  const id = (x: T) => rowIdentity(row(x));
  const known = new Set([...base.map(id), ...theirs.map(id)]);
  const out = [...theirs];
  for (const x of mine) {
    const i = id(x);
    if (known.has(i)) continue;
    known.add(i);
    out.push(x);
  }
  return out;
}

/**
 * The state to write: `theirs` (the sheet as it is now) with the entries `mine` added to `base`
 * (the sheet as this user read it). Refused when any of them is read-only.
 */
export function mergeReview(
  base: ReviewState,
  mine: ReviewState,
  theirs: ReviewState,
): { ok: true; state: ReviewState } | { ok: false; reason: 'readOnly' } {
  if (base.readOnly || mine.readOnly || theirs.readOnly) return { ok: false, reason: 'readOnly' };
  return {
    ok: true,
    state: {
      ...theirs,
      explanations: appended(base.explanations, mine.explanations, theirs.explanations, explanationRow),
      signOffs: appended(base.signOffs, mine.signOffs, theirs.signOffs, signOffRow),
    },
  };
}
