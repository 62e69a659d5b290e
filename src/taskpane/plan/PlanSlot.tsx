/**
 * Where "Read the action plan" goes: the lazily loaded PlanPanel (its own chunk, "plan", with the
 * plan reader and the .docx layer), a spinner while the chunk arrives, and a failure with a retry
 * if it cannot be fetched.
 */
import { lazyView } from '../components/lazyView';
import type { PlanPanelProps } from './PlanPanel';

const planPanel = lazyView<PlanPanelProps>(
  () => import(/* webpackChunkName: "plan" */ './PlanPanel').then((m) => m.PlanPanel),
  (t) => ({ loading: t.plan.loading, failed: t.plan.viewFailed }),
);

export const PlanSlot = planPanel.Slot;

/** Starts fetching the plan panel (when the pane offers to read the plan). */
export const preloadPlanPanel = planPanel.preload;
