/**
 * Explaining findings: making an explanation (a reason is required), and
 * reading the explanations log against the current findings. A finding is
 * `open`, `explained` (the latest explanation for its key, with the same
 * figures), or `stale` (explained, but its figures have changed since: open
 * again, with the old reason shown). Explanations whose finding is gone are
 * listed as orphans, never dropped: the finding may come back.
 */
import type { Finding } from '../findings';
import { findingFigures, findingKeys } from './findingKey';
import { byTime, timeValue } from './time';
import type { Explanation } from './types';

export type FindingStatus = 'open' | 'explained' | 'stale';

export interface ReviewedFinding {
  readonly finding: Finding;
  readonly key: string;
  /** Its figures now (`findingFigures`). */
  readonly figures: string;
  readonly status: FindingStatus;
  /** The explanation that counts: for `stale`, the old one, to show its reason. */
  readonly explanation: Explanation | null;
}

export interface ReviewCounts {
  /** Open findings, stale ones included. */
  readonly open: number;
  readonly explained: number;
  readonly stale: number;
  /** Errors open or stale: these block a sign-off and set the exit code. */
  readonly openErrors: number;
  readonly explainedErrors: number;
}

export interface FindingReview {
  readonly findings: readonly ReviewedFinding[];
  /** The latest explanation of each key no current finding has. */
  readonly orphans: readonly Explanation[];
  readonly counts: ReviewCounts;
}

/** Why an explanation or a sign-off could not be made. */
export type Refusal =
  | { readonly reason: 'noReason' }
  | { readonly reason: 'reasonTooLong'; readonly max: number }
  | { readonly reason: 'noName' }
  | { readonly reason: 'badTime' }
  | { readonly reason: 'openErrors'; readonly count: number; readonly keys: readonly string[] };

/** Longest reason a cell holds (Excel's limit for text in a cell). */
export const REASON_MAX = 32_767;

/** A finding to explain: its key and figures (a `ReviewedFinding` is one). */
export interface ExplainTarget {
  readonly key: string;
  readonly figures: string;
}

/** Who acts, and when (see time.ts). */
export interface Actor {
  readonly by: string;
  readonly at: string;
}

/** The actor's refusal, if any: a name is required, the time must be a timestamp. */
export function actorRefusal(actor: Actor): Refusal | null {
  if (actor.by.trim() === '') return { reason: 'noName' };
  if (timeValue(actor.at) === null) return { reason: 'badTime' };
  return null;
}

/** A new explanation of the finding, or why not. The reason is trimmed, otherwise kept as typed. */
export function explain(
  target: ExplainTarget,
  reason: string,
  actor: Actor,
): { ok: true; explanation: Explanation } | { ok: false; refusal: Refusal } {
  const text = reason.trim();
  if (text === '') return { ok: false, refusal: { reason: 'noReason' } };
  if (text.length > REASON_MAX) return { ok: false, refusal: { reason: 'reasonTooLong', max: REASON_MAX } };
  const refusal = actorRefusal(actor);
  if (refusal) return { ok: false, refusal };
  return {
    ok: true,
    explanation: {
      key: target.key,
      action: 'explained',
      reason: text,
      figures: target.figures,
      by: actor.by.trim(),
      at: actor.at,
    },
  };
}

/** An entry that takes the key's explanation back (the finding is open again). */
export function withdraw(key: string, actor: Actor): Explanation {
  return { key, action: 'withdrawn', reason: '', figures: '', by: actor.by.trim(), at: actor.at };
}

/** The entry that counts for each key: the latest by time, the later in the log on a tie. */
export function latestExplanations(log: readonly Explanation[]): Map<string, Explanation> {
  const latest = new Map<string, Explanation>();
  for (const e of byTime(log)) latest.set(e.key, e);
  return latest;
}

/** Each finding with its status and explanation, the orphaned explanations, and the counts. */
export function reviewFindings(findings: readonly Finding[], log: readonly Explanation[]): FindingReview {
  const latest = latestExplanations(log);
  const keys = findingKeys(findings);
  const counts = { open: 0, explained: 0, stale: 0, openErrors: 0, explainedErrors: 0 };
  const reviewed = findings.map((finding, i): ReviewedFinding => {
    const key = keys[i];
    const figures = findingFigures(finding);
    const e = latest.get(key);
    const explanation = e && e.action === 'explained' ? e : null;
    const status: FindingStatus =
      explanation === null ? 'open' : explanation.figures === figures ? 'explained' : 'stale';
    const error = finding.severity === 'error';
    if (status === 'explained') {
      counts.explained++;
      if (error) counts.explainedErrors++;
    } else {
      counts.open++;
      if (status === 'stale') counts.stale++;
      if (error) counts.openErrors++;
    }
    return { finding, key, figures, status, explanation };
  });
  const current = new Set(keys);
  const orphans = [...latest.values()].filter((e) => e.action === 'explained' && !current.has(e.key));
  return { findings: reviewed, orphans, counts };
}

/** The errors that fail a run: open ones; with `strict`, explained ones too. */
export function failingErrors(review: FindingReview, strict = false): number {
  return review.counts.openErrors + (strict ? review.counts.explainedErrors : 0);
}

/** A finding's review as plain fields, for `--json`: key and status, and the explanation when there is one. */
export function reviewFields(r: ReviewedFinding): {
  key: string;
  status: FindingStatus;
  reason?: string;
  explainedBy?: string;
  explainedAt?: string;
} {
  const e = r.explanation;
  return {
    key: r.key,
    status: r.status,
    ...(e ? { reason: e.reason, explainedBy: e.by, explainedAt: e.at } : {}),
  };
}
