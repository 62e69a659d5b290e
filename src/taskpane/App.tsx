/**
 * The task pane: the one component that talks to the controller (through hooks). Everything it
 * renders is presentational and gets plain values and callbacks.
 */
import { useCallback, useEffect, useId } from 'react';
import { EmptyState } from './components/EmptyState';
import { FailureMessage } from './components/FailureMessage';
import { Header } from './components/Header';
import { ReconcileBar } from './components/ReconcileBar';
import { ResultSlot, preloadResultView } from './components/ResultSlot';
import { StatusRegion } from './components/StatusRegion';
import { WorkbookSummary } from './components/WorkbookSummary';
import type { ReconcileState } from './controller';
import { useController, useIdle, useReconcileState } from './hooks';
import { STRINGS, type Strings } from './strings';
import { S } from './styles';
import { severityCounts } from './summary';
import { lookedForNames, missingRoles, workbookFacts } from './workbookFacts';

const LOOKED_FOR = { budget: lookedForNames('budget'), financing: lookedForNames('financing') };

export interface AppProps {
  /** Fetch the result view and the engine when the browser is idle (off in tests). */
  readonly preload?: boolean;
}

export function App({ preload = true }: AppProps) {
  const controller = useController();
  const state = useReconcileState();
  const t = STRINGS[state.lang];
  const summaryHeadingId = useId();

  useEffect(() => {
    void controller.refreshSheets();
  }, [controller]);
  const preloadAll = useCallback(() => {
    preloadResultView();
    void controller.preloadEngine();
  }, [controller]);
  useIdle(preloadAll, preload);

  const { run } = state;
  const facts = workbookFacts(state);
  const missing = missingRoles(facts);
  const busy = run.status === 'loading';
  const reconcile = () => void controller.reconcile();

  return (
    <main style={S.main} lang={state.lang}>
      <Header t={t} />
      {state.commandFailure && (
        <FailureMessage
          t={t}
          failure={state.commandFailure}
          title={t.commandFailed}
          onDismiss={() => controller.dismissCommandFailure()}
        />
      )}
      <ReconcileBar t={t} busy={busy} onReconcile={reconcile} />
      <div>
        <StatusRegion message={runAnnouncement(state, t)} />
        <StatusRegion message={selectionAnnouncement(state, t)} />
      </div>
      {/* Right under the button that failed, where the retry is expected. */}
      {run.status === 'error' && <FailureMessage t={t} failure={run.failure} onRetry={reconcile} />}
      {state.sheets.failure && facts === null ? (
        <FailureMessage
          t={t}
          failure={state.sheets.failure}
          title={t.sheetsFailed}
          onRetry={() => void controller.refreshSheets()}
        />
      ) : (
        <WorkbookSummary t={t} facts={facts} headingId={summaryHeadingId} />
      )}
      <div style={S.outcome} aria-busy={busy}>
        {!busy && missing.length > 0 && <EmptyState t={t} missing={missing} lookedFor={LOOKED_FOR} />}
        {run.status === 'done' && (
          <ResultSlot
            result={run.result}
            lang={state.lang}
            t={t}
            selection={state.selection}
            onSelect={(ref) => void controller.select(ref)}
            insert={state.insert}
            inserted={state.inserted}
            onInsert={(kind, project) =>
              void (kind === 'card' ? controller.insert(kind, project ?? -1) : controller.insert(kind))
            }
          />
        )}
      </div>
    </main>
  );
}

/** The one-line outcome of the last run, for the live region. */
function runAnnouncement(state: ReconcileState, t: Strings): string {
  switch (state.run.status) {
    case 'idle':
      return '';
    case 'loading':
      return t.announceRunning;
    case 'done':
      return t.announceDone(state.run.result.balanced, severityCounts(state.run.result.findings));
    case 'error':
      return t.announceFailed(t.failureTitle[state.run.failure.kind]);
  }
}

/** Focus stays in the pane when a cell is selected in Excel: say what happened. */
function selectionAnnouncement(state: ReconcileState, t: Strings): string {
  const s = state.selection;
  if (s === null || s.status === 'selecting') return '';
  if (s.status === 'selected') return t.announceSelected(s.ref);
  return `${t.selectFailed(s.ref)}: ${t.failureTitle[s.failure.kind]}.`;
}
