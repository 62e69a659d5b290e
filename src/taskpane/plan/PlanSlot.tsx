/**
 * Where "Read the action plan" goes: the lazily loaded PlanPanel (its own chunk, with the plan
 * reader and the .docx layer), a spinner while the chunk arrives, and a failure with a retry if it
 * cannot be fetched. Same pattern as RegisterSlot.
 */
import { Spinner } from '@fluentui/react-components';
import { Suspense, lazy, useState, type ComponentType } from 'react';
import { FailureMessage } from '../components/FailureMessage';
import { LoadBoundary } from '../components/LoadBoundary';
import { toFailure } from '../../app/controller';
import type { PlanPanelProps } from './PlanPanel';

type PlanPanelModule = { readonly PlanPanel: ComponentType<PlanPanelProps> };

let loading: Promise<PlanPanelModule> | null = null;

/** The panel's chunk; a failed fetch is forgotten so that a retry fetches again. */
function loadPlanPanel(): Promise<PlanPanelModule> {
  if (loading === null) {
    const attempt = import(/* webpackChunkName: "plan" */ './PlanPanel');
    loading = attempt;
    attempt.catch(() => {
      if (loading === attempt) loading = null;
    });
  }
  return loading;
}

/** Starts fetching the plan panel (when the pane offers to read the plan). */
export function preloadPlanPanel(): void {
  loadPlanPanel().catch(() => {
    // Only a head start: PlanSlot reports the failure if the chunk is still missing when needed.
  });
}

const makeLazy = () => lazy(() => loadPlanPanel().then((m) => ({ default: m.PlanPanel })));

let LazyPlanPanel = makeLazy();

export function PlanSlot(props: PlanPanelProps) {
  const { t } = props;
  const [attempt, setAttempt] = useState(0);
  const retry = () => {
    LazyPlanPanel = makeLazy();
    setAttempt((a) => a + 1);
  };
  return (
    <LoadBoundary
      key={attempt}
      fallback={(error) => (
        <FailureMessage t={t} failure={toFailure(error)} title={t.plan.viewFailed} onRetry={retry} />
      )}
    >
      <Suspense fallback={<Spinner size="small" label={t.plan.loading} />}>
        <LazyPlanPanel {...props} />
      </Suspense>
    </LoadBoundary>
  );
}
