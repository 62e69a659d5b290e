/**
 * What a project card says about the project's reconciliation: OK, or each finding about the
 * project (a contribution that differs from the promise, per year; no budget line; a duplicate
 * id; an overfinanced line ...) in the finding's words and colour, with the explanation given to
 * it when there is one. Explanations come from the review of findings (a later workflow): a
 * layout is handed them by `explain`, and a card shows them under the finding.
 */
import type { Finding, Severity } from '../findings';
import { describe, type Lang } from '../messages';
import type { EntryResult } from '../reconcile/result';

/** Fill and text colour of a finding by severity (Excel's Bad, Neutral and a light blue). */
export const SEVERITY_COLORS: Readonly<Record<Severity, { fill: string; font: string }>> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
  info: { fill: '#DDEBF7', font: '#1F3864' },
};

export interface StatusLine {
  readonly severity: Severity;
  /** The finding's message in the sheet's language. */
  readonly text: string;
  /** Why the finding stands, as the reviewer explained it; null when none is given. */
  readonly explanation: string | null;
}

/** The explanation a reviewer gave a finding, or null. */
export type Explain = (finding: Finding) => string | null;

/** The card's status lines: each finding about the project (the result's); none: the project is OK. */
export function cardStatus(project: EntryResult, lang: Lang, explain: Explain = () => null): StatusLine[] {
  return project.findings.map((f) => ({
    severity: f.severity,
    text: describe(f, lang),
    explanation: explain(f),
  }));
}
