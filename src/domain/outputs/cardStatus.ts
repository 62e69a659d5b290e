/**
 * What a project card says about the project's reconciliation: OK, or each finding about the
 * project (a contribution that differs from the promise, per year; no budget line; a duplicate
 * id; an overfinanced line ...) in the finding's words and colour, with the explanation given to
 * it when there is one. Explanations come from the review of findings (a later workflow): a
 * layout is handed them by `explain`, and a card shows them under the finding.
 */
import type { Finding, Severity } from '../findings';
import { describe, type Lang } from '../messages';
import type { ReconciliationResult } from '../reconcile/reconcile';
import type { RegisterEntry } from '../register/types';

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

/**
 * The findings about one register project: those naming its id (and, where a finding names the
 * project, its name: the sample has two projects 1.3, and a duplicate id's finding names both).
 * Empty: the project is OK.
 */
export function projectFindings(result: ReconciliationResult, entry: RegisterEntry): Finding[] {
  if (entry.id === '') return [];
  return result.findings.filter(
    (f) =>
      f.projectId === entry.id &&
      (f.params.name === undefined || f.params.name === entry.name || f.params.other === entry.name),
  );
}

export function cardStatus(
  result: ReconciliationResult,
  entry: RegisterEntry,
  lang: Lang,
  explain: Explain = () => null,
): StatusLine[] {
  return projectFindings(result, entry).map((f) => ({
    severity: f.severity,
    text: describe(f, lang),
    explanation: explain(f),
  }));
}
