/**
 * The review's lines for the pane's status regions (announcements.ts), whose texts come from the
 * domain's review catalog: loaded with the result view's chunk the first time there is something
 * to say (after a run, there always is a result view), so that the first screen stays small. The
 * regions themselves are always rendered (App): their text changes, and is announced.
 */
import { useEffect, useState } from 'react';
import { lazyChunk, type ReconcileState } from '../../app/controller';
import type { Strings } from '../strings';
import type * as announcements from './announcements';

type Announcements = typeof announcements;

const load = lazyChunk<Announcements>(() => import(/* webpackChunkName: "result" */ './announcements'));
let loaded: Announcements | null = null;

export function useReviewAnnouncements(
  state: ReconcileState,
  t: Strings,
): { review: string; changes: string } {
  const [texts, setTexts] = useState<Announcements | null>(loaded);
  const needed = state.changes !== null || state.reviewWrite.status !== 'idle';
  useEffect(() => {
    if (!needed || texts !== null) return;
    load().then(
      (m) => {
        loaded = m;
        setTexts(m);
      },
      () => {
        // Only the announcement is missing; the result view says the same, and reports the chunk.
      },
    );
  }, [needed, texts]);
  if (texts === null) return { review: '', changes: '' };
  return { review: texts.reviewAnnouncement(state, t), changes: texts.changesAnnouncement(state, t) };
}
