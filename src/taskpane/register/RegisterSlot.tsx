/**
 * Where the project register editor goes: the lazily loaded RegisterPanel (its own chunk, with the
 * domain's register editing, proposal and import/export code), a spinner while the chunk arrives,
 * and a failure with a retry if it cannot be fetched. Same pattern as ResultSlot.
 */
import { Spinner } from '@fluentui/react-components';
import { Suspense, lazy, useState, type ComponentType } from 'react';
import { FailureMessage } from '../components/FailureMessage';
import { LoadBoundary } from '../components/LoadBoundary';
import { toFailure } from '../../app/controller';
import type { RegisterPanelProps } from './RegisterPanel';

type RegisterPanelModule = { readonly RegisterPanel: ComponentType<RegisterPanelProps> };

let loading: Promise<RegisterPanelModule> | null = null;

/** The editor's chunk; a failed fetch is forgotten so that a retry fetches again. */
function loadRegisterPanel(): Promise<RegisterPanelModule> {
  if (loading === null) {
    const attempt = import(/* webpackChunkName: "register" */ './RegisterPanel');
    loading = attempt;
    attempt.catch(() => {
      if (loading === attempt) loading = null;
    });
  }
  return loading;
}

/** Starts fetching the editor (e.g. when the pane offers to create a register). */
export function preloadRegisterPanel(): void {
  loadRegisterPanel().catch(() => {
    // Only a head start: RegisterSlot reports the failure if the chunk is still missing when needed.
  });
}

const makeLazy = () => lazy(() => loadRegisterPanel().then((m) => ({ default: m.RegisterPanel })));

let LazyRegisterPanel = makeLazy();

export function RegisterSlot(props: RegisterPanelProps) {
  const { t } = props;
  const [attempt, setAttempt] = useState(0);
  const retry = () => {
    LazyRegisterPanel = makeLazy();
    setAttempt((a) => a + 1);
  };
  return (
    <LoadBoundary
      key={attempt}
      fallback={(error) => (
        <FailureMessage t={t} failure={toFailure(error)} title={t.reg.viewFailed} onRetry={retry} />
      )}
    >
      <Suspense fallback={<Spinner size="small" label={t.reg.loading} />}>
        <LazyRegisterPanel {...props} />
      </Suspense>
    </LoadBoundary>
  );
}
