/**
 * Where the focus goes in the findings list around a review write. An explained finding moves to
 * "Forklarte funn", a withdrawn one back among the open ones: the element that had the focus (the
 * form's button, "Trekk tilbake") is gone with it, and the focus would be left on the page. It
 * goes to the finding where it is now: the explained list's heading, or the finding's "Forklar".
 * A cancelled form gives the focus back to the "Forklar" that opened it.
 */
import { useEffect, useRef } from 'react';
import type { ReviewWriteState } from '../../app/controller';

export function useReviewFocus(
  reviewWrite: ReviewWriteState | undefined,
  findingsHeadingId: string,
  explainedHeadingId: string,
) {
  const explainButtons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (reviewWrite?.status !== 'done' || reviewWrite.action.kind === 'signOff') return;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    const { kind, key } = reviewWrite.action;
    const target =
      kind === 'explain'
        ? document.getElementById(explainedHeadingId)
        : (explainButtons.current.get(key) ?? null);
    (target ?? document.getElementById(findingsHeadingId))?.focus();
  }, [reviewWrite, findingsHeadingId, explainedHeadingId]);

  const refocus = (key: string) => explainButtons.current.get(key)?.focus();
  return { explainButtons, refocus };
}
