/**
 * A view of the pane that comes in its own lazily loaded chunk (the result view, the register
 * editor, the plan import): loaded once and shared by the page, a failed load forgotten so that a
 * retry fetches again, a spinner while the chunk arrives, and a failure with a retry if it cannot
 * be fetched. Each caller keeps its own `import()` with its webpackChunkName, so that the bundle's
 * chunks stay named as they are.
 */
import { Spinner } from '@fluentui/react-components';
import { Suspense, lazy, useState, type ComponentType } from 'react';
import { lazyChunk, toFailure } from '../../app/controller';
import type { Strings } from '../strings';
import { FailureMessage } from './FailureMessage';
import { LoadBoundary } from './LoadBoundary';

/** What a lazily loaded view says about itself while loading, and when its chunk cannot be fetched. */
export interface LazyViewTexts {
  /** The spinner's label while the chunk arrives. */
  readonly loading: string;
  /** The failure's title when the chunk cannot be fetched. */
  readonly failed: string;
}

export interface LazyView<P> {
  /** Where the view goes: the view itself once its chunk is there. */
  readonly Slot: (props: P) => JSX.Element;
  /** Starts fetching the chunk ahead (on idle, or when the pane offers the view). */
  readonly preload: () => void;
}

/**
 * Makes the slot and the preload of one lazily loaded view. `load` fetches the chunk and picks
 * the view out of it; `texts` picks the spinner's and the failure's words out of the catalog.
 */
export function lazyView<P extends { readonly t: Strings }>(
  load: () => Promise<ComponentType<P>>,
  texts: (t: Strings) => LazyViewTexts,
): LazyView<P> {
  /** The view's chunk; a failed fetch is forgotten so that a retry fetches again. */
  const loadView = lazyChunk(load);

  function preload(): void {
    loadView().catch(() => {
      // Only a head start: the slot reports the failure if the chunk is still missing when needed.
    });
  }

  const makeLazy = () => lazy(() => loadView().then((view) => ({ default: view })));

  // One lazy component for the page, so that a second render shows it at once instead of suspending.
  let LazyView = makeLazy();

  function Slot(props: P) {
    const { t } = props;
    const [attempt, setAttempt] = useState(0);
    const retry = () => {
      LazyView = makeLazy();
      setAttempt((a) => a + 1);
    };
    const { loading: loadingLabel, failed } = texts(t);
    // The lazy component's props are the view's own: the generic P loses that to the type checker.
    const View = LazyView as unknown as ComponentType<P>;
    return (
      <LoadBoundary
        key={attempt}
        fallback={(error) => (
          <FailureMessage t={t} failure={toFailure(error)} title={failed} onRetry={retry} />
        )}
      >
        <Suspense fallback={<Spinner size="small" label={loadingLabel} />}>
          <View {...props} />
        </Suspense>
      </LoadBoundary>
    );
  }

  return { Slot, preload };
}
