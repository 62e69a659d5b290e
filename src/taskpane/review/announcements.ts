/**
 * What the pane's status regions say about the review: the progress and outcome of the last
 * explanation, withdrawal or sign-off, and what changed in the findings since the last result
 * ("1 funn løst, 1 nytt"). Loaded with the result view (its chunk): the first screen has nothing
 * to say about a review yet.
 */
import type { ReconcileState } from '../../app/controller';
import { noChanges } from '../../domain/review/changes';
import { describeChanges, describeRefusal } from '../../domain/review/text';
import type { Strings } from '../strings';

/** The progress and outcome of the last explanation, withdrawal or sign-off. */
export function reviewAnnouncement(state: ReconcileState, t: Strings): string {
  const w = state.reviewWrite;
  switch (w.status) {
    case 'idle':
      return '';
    case 'writing':
      return t.review.writing[w.action.kind];
    case 'done':
      return t.review.written[w.action.kind];
    case 'refused':
      return describeRefusal(w.refusal, state.lang);
    case 'error':
      return `${t.review.writeFailed[w.action.kind]}: ${t.failureTitle[w.failure.kind]}.`;
  }
}

/** What changed in the findings since the last result, after a run that follows another. */
export function changesAnnouncement(state: ReconcileState, t: Strings): string {
  const c = state.changes;
  if (c === null || state.run.status !== 'done') return '';
  return noChanges(c) ? t.review.noChanges : t.review.changesSince(describeChanges(c, state.lang));
}
