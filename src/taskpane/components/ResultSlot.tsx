import { Spinner } from '@fluentui/react-components';
import { Suspense, lazy, useState, type ComponentType } from 'react';
import { toFailure } from '../../app/controller';
import type { ResultViewProps } from '../result/ResultView';
import { FailureMessage } from './FailureMessage';
import { LoadBoundary } from './LoadBoundary';

type ResultViewModule = { readonly ResultView: ComponentType<ResultViewProps> };

let loading: Promise<ResultViewModule> | null = null;

/** The result view's chunk; a failed fetch is forgotten so that a retry fetches again. */
function loadResultView(): Promise<ResultViewModule> {
  if (loading === null) {
    const attempt = import(/* webpackChunkName: "result" */ '../result/ResultView');
    loading = attempt;
    attempt.catch(() => {
      if (loading === attempt) loading = null;
    });
  }
  return loading;
}

/** Starts fetching the result view (on idle, before the first click). */
export function preloadResultView(): void {
  loadResultView().catch(() => {
    // Only a head start: ResultSlot reports the failure if the chunk is still missing when needed.
  });
}

const makeLazy = () => lazy(() => loadResultView().then((m) => ({ default: m.ResultView })));

// One lazy component for the page, so that a second run renders at once instead of suspending.
let LazyResultView = makeLazy();

/**
 * Where the result goes: the lazily loaded ResultView, a spinner while its chunk arrives, and a
 * failure with a retry if it cannot be fetched.
 */
export function ResultSlot(props: ResultViewProps) {
  const { t } = props;
  const [attempt, setAttempt] = useState(0);
  const retry = () => {
    LazyResultView = makeLazy();
    setAttempt((a) => a + 1);
  };
  return (
    <LoadBoundary
      key={attempt}
      fallback={(error) => (
        <FailureMessage t={t} failure={toFailure(error)} title={t.resultViewFailed} onRetry={retry} />
      )}
    >
      <Suspense fallback={<Spinner size="small" label={t.loadingResult} />}>
        <LazyResultView {...props} />
      </Suspense>
    </LoadBoundary>
  );
}
