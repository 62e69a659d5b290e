/**
 * Signing off a reconciliation ("Godkjenn avstemmingen"), and whether the
 * workbook still is what was signed.
 *
 * A sign-off records who and when, the year totals, the counts of open and
 * explained findings, the fingerprint of the budget, financing and register
 * values, and each value's short hash (to say afterwards what changed). It is
 * refused while an error is open (explained errors do not block it). The
 * history is the log: sign-offs are appended, never rewritten.
 */
import { reviewFindings, actorRefusal, type Actor, type FindingReview, type Refusal } from './explanations';
import { reviewFingerprint, signedValues, yearTotals } from './fingerprint';
import { fitValues } from './records';
import { byTime } from './time';
import type { Explanation, ReviewInput, ReviewYearTotals, SignOff, ValuePart } from './types';

/** Make a sign-off of the input as it is now, or say why not. */
export function signOff(
  input: ReviewInput,
  log: readonly Explanation[],
  actor: Actor,
): { ok: true; signOff: SignOff } | { ok: false; refusal: Refusal } {
  const refusal = actorRefusal(actor);
  if (refusal) return { ok: false, refusal };
  const review = reviewFindings(input.findings, log);
  const blocked = openErrorsRefusal(review);
  if (blocked) return { ok: false, refusal: blocked };
  return {
    ok: true,
    signOff: {
      by: actor.by.trim(),
      at: actor.at,
      fingerprint: reviewFingerprint(input),
      open: review.counts.open,
      explained: review.counts.explained,
      totals: yearTotals(input),
      values: fitValues(signedValues(input)),
    },
  };
}

/** Why a sign-off is refused now: the errors open (stale ones included), or null when none is. */
export function openErrorsRefusal(review: Pick<FindingReview, 'findings' | 'counts'>): Refusal | null {
  if (review.counts.openErrors === 0) return null;
  const keys = review.findings
    .filter((r) => r.status !== 'explained' && r.finding.severity === 'error')
    .map((r) => r.key);
  return { reason: 'openErrors', count: review.counts.openErrors, keys };
}

/** The latest sign-off (by time; the later in the log on a tie), or null. */
export function latestSignOff(signOffs: readonly SignOff[]): SignOff | null {
  const sorted = byTime(signOffs);
  return sorted.length === 0 ? null : sorted[sorted.length - 1];
}

/** A year whose totals differ from those signed (`null`: the year was not there). */
export interface YearChange {
  readonly year: number;
  readonly before: ReviewYearTotals | null;
  readonly now: ReviewYearTotals | null;
}

export interface ValueRef {
  readonly part: ValuePart;
  readonly label: string;
}

export interface SignOffChanges {
  readonly years: readonly YearChange[];
  /** Lines and register rows added, removed or changed; null when the sign-off kept no values. */
  readonly values: {
    readonly added: readonly ValueRef[];
    readonly removed: readonly ValueRef[];
    readonly changed: readonly ValueRef[];
  } | null;
}

export type SignOffState =
  | { readonly state: 'none' }
  | { readonly state: 'signed'; readonly signOff: SignOff }
  | { readonly state: 'changed'; readonly signOff: SignOff; readonly changes: SignOffChanges };

/** Whether the input is still what the latest sign-off approved, and if not, what changed. */
export function signOffState(latest: SignOff | null, input: ReviewInput): SignOffState {
  if (latest === null) return { state: 'none' };
  if (latest.fingerprint === reviewFingerprint(input)) return { state: 'signed', signOff: latest };
  return { state: 'changed', signOff: latest, changes: changesSince(latest, input) };
}

function changesSince(signed: SignOff, input: ReviewInput): SignOffChanges {
  const before = new Map(signed.totals.map((t) => [t.year, t]));
  const now = new Map(yearTotals(input).map((t) => [t.year, t]));
  const years: YearChange[] = [];
  for (const year of [...new Set([...before.keys(), ...now.keys()])].sort((a, b) => a - b)) {
    const b = before.get(year);
    const n = now.get(year);
    if (b && n && b.budget === n.budget && b.financing === n.financing) continue;
    years.push({
      year,
      before: b ? { budget: b.budget, financing: b.financing } : null,
      now: n ? { budget: n.budget, financing: n.financing } : null,
    });
  }
  if (signed.values === null) return { years, values: null };
  const id = (v: ValueRef) => `${v.part}\u0001${v.label}`;
  const old = new Map(signed.values.map((v) => [id(v), v]));
  const current = signedValues(input);
  const cur = new Map(current.map((v) => [id(v), v]));
  const ref = (v: ValueRef): ValueRef => ({ part: v.part, label: v.label });
  return {
    years,
    values: {
      added: current.filter((v) => !old.has(id(v))).map(ref),
      removed: signed.values.filter((v) => !cur.has(id(v))).map(ref),
      changed: current.filter((v) => old.has(id(v)) && old.get(id(v))?.hash !== v.hash).map(ref),
    },
  };
}
