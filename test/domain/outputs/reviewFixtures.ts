/**
 * The sample reviewed as a finance office reviews it: Ola Hansen explains the duplicate id (the one
 * error) at 09.00 and signs off at 09.30; Kari Nordmann explains 1.2's warning at 10.00 and signs
 * off at 11.00. The log is kept in the workbook's `Avstemmingslogg` sheet, as the writers keep it.
 */
import { reconcile } from '../../../src/domain/reconcile/reconcile';
import {
  REVIEW_SHEET,
  emptyReviewState,
  encodeReviewSheet,
  explain,
  signOff,
  withEntries,
  type Actor,
  type Explanation,
  type ReviewState,
} from '../../../src/domain/review';
import type { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { KARI, OLA, march5, sampleSnapshot } from '../review/fixtures';

export const HELSEDESIGN = 'CONTRIBUTION_MISMATCH|project=1.2|year=2010';
export const HELSEDESIGN_REASON = 'Akershus fylkeskommune betaler hele 2010';
export const DUPLICATE_REASON = 'Rettes i registeret etter styremøtet';

/** The workbook with its review log sheet holding `state` (as the writers write it, from A1). */
export function withLog(wb: WorkbookSnapshot, state: ReviewState): WorkbookSnapshot {
  const rest = wb.sheets.filter((s) => s.name !== REVIEW_SHEET);
  return {
    ...wb,
    sheets: [
      ...rest,
      {
        name: REVIEW_SHEET,
        origin: { row: 0, col: 0 },
        values: encodeReviewSheet(state),
        visibility: 'veryHidden',
      },
    ],
  };
}

/** The explanation of the finding with `key` (or, without one, the first error) in `wb`. */
export function explanationOf(
  wb: WorkbookSnapshot,
  key: string | null,
  reason: string,
  actor: Actor,
): Explanation {
  const review = reconcile(wb).review;
  const target = review.findings.find((f) =>
    key === null ? f.finding.severity === 'error' : f.key === key,
  )!;
  const made = explain(target, reason, actor);
  if (!made.ok) throw new Error(JSON.stringify(made.refusal));
  return made.explanation;
}

/** The review log of the sample after Ola's and Kari's work (names and reasons may be replaced). */
export function reviewedLog(
  wb: WorkbookSnapshot = sampleSnapshot(),
  who: { ola?: string; kari?: string; reason?: string } = {},
): ReviewState {
  const ola = (at: string) => ({ ...OLA(at), by: who.ola ?? OLA(at).by });
  const kari = (at: string) => ({ ...KARI(at), by: who.kari ?? KARI(at).by });
  const input = reconcile(wb).review.input;
  const duplicate = explanationOf(wb, null, DUPLICATE_REASON, ola(march5(9)));
  const first = signOff(input, [duplicate], ola(march5(9, 30)));
  const helse = explanationOf(wb, HELSEDESIGN, who.reason ?? HELSEDESIGN_REASON, kari(march5(10)));
  const second = signOff(input, [duplicate, helse], kari(march5(11)));
  if (!first.ok || !second.ok) throw new Error('not signed off');
  return withEntries(emptyReviewState(), {
    explanations: [duplicate, helse],
    signOffs: [first.signOff, second.signOff],
  });
}
