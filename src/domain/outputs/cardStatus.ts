/**
 * What a project card says about the project's reconciliation: OK, or each finding about the
 * project (a contribution that differs from the promise, per year; no budget line; a duplicate
 * id; an overfinanced line ...) in the finding's words and colour, with its review (issue 17): an
 * explained finding with its reason, who and when, no longer in its severity's colour; a finding
 * whose figures changed since it was explained as open, with the old reason.
 */
import type { Finding, Severity } from '../findings';
import { describe, type Lang } from '../messages';
import type { EntryResult } from '../reconcile/result';
import type { FindingStatus, ReviewedFinding } from '../review';
import { explanationText } from './review';

/** Fill and text colour of a finding by severity (Excel's Bad, Neutral and a light blue). */
export const SEVERITY_COLORS: Readonly<Record<Severity, { fill: string; font: string }>> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
  info: { fill: '#DDEBF7', font: '#1F3864' },
};

export interface StatusLine {
  readonly severity: Severity;
  /** Open, explained, or stale (open again: its figures changed since it was explained). */
  readonly status: FindingStatus;
  /** The finding's message in the sheet's language. */
  readonly text: string;
  /** `Forklart: <reason> (who, when)` for an explained or stale finding; null for an open one. */
  readonly explanation: string | null;
}

/**
 * The card's status lines: each finding about the project (the result's), with its review from
 * `reviewed` (by finding; a finding it lacks is open); none: the project is OK.
 */
export function cardStatus(
  project: EntryResult,
  lang: Lang,
  reviewed: ReadonlyMap<Finding, ReviewedFinding>,
): StatusLine[] {
  return project.findings.map((f) => {
    const r = reviewed.get(f);
    return {
      severity: f.severity,
      status: r?.status ?? 'open',
      text: describe(f, lang),
      explanation: r ? explanationText(r, lang) : null,
    };
  });
}
