/**
 * Where the result goes: the lazily loaded ResultView (its own chunk, "result"), a spinner while
 * its chunk arrives, and a failure with a retry if it cannot be fetched.
 */
import { lazyView } from './lazyView';
import type { ResultViewProps } from '../result/ResultView';

const resultView = lazyView<ResultViewProps>(
  () => import(/* webpackChunkName: "result" */ '../result/ResultView').then((m) => m.ResultView),
  (t) => ({ loading: t.loadingResult, failed: t.resultViewFailed }),
);

export const ResultSlot = resultView.Slot;

/** Starts fetching the result view (on idle, before the first click). */
export const preloadResultView = resultView.preload;
