/**
 * The task pane: the one component that talks to the controller (through hooks). Everything it
 * renders is presentational and gets plain values and callbacks.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { EmptyState } from './components/EmptyState';
import { FailureMessage } from './components/FailureMessage';
import { Header } from './components/Header';
import { ReconcileBar } from './components/ReconcileBar';
import { ResultSlot, preloadResultView } from './components/ResultSlot';
import { StatusRegion } from './components/StatusRegion';
import { WorkbookSummary } from './components/WorkbookSummary';
import type { Register } from '../domain/register/types';
import type { ReconcileState, RegisterChange } from '../app/controller';
import type { RegisterRow } from './register/names';
import { useController, useIdle, useReconcileState } from './hooks';
import { RegisterBar } from './register/RegisterBar';
import { RegisterSlot, preloadRegisterPanel } from './register/RegisterSlot';
import { PlanSlot } from './plan/PlanSlot';
import { saveLive } from './preferences';
import type { ReviewControls } from './review/types';
import { useReviewAnnouncements } from './review/useAnnouncements';
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
  const registerPanelId = useId();
  const [registerOpen, setRegisterOpen] = useState(false);
  // Bumped when the pane asks the register editor to take focus (after "Lag prosjektregister").
  const [registerFocus, setRegisterFocus] = useState(0);
  // The row a finding's register cell asked the editor to show, and how often it was asked.
  const [registerReveal, setRegisterReveal] = useState<{ row: RegisterRow; request: number } | null>(null);
  const planPanelId = useId();
  const [planOpen, setPlanOpen] = useState(false);
  // Bumped each time "Read the action plan" is chosen: the plan panel takes the focus.
  const [planFocus, setPlanFocus] = useState(0);

  useEffect(() => {
    void controller.refreshSheets();
  }, [controller]);
  const preloadAll = useCallback(() => {
    preloadResultView();
    void controller.preloadEngine();
  }, [controller]);
  useIdle(preloadAll, preload);

  const announce = useReviewAnnouncements(state, t);

  const { run } = state;
  const facts = workbookFacts(state);
  const missing = missingRoles(facts);
  const busy = run.status === 'loading';
  const reconcile = () => void controller.reconcile();
  const lastRead = state.lastRead;
  // Only where there is something to propose from (a budget or a financing sheet).
  const offerCreate =
    run.status === 'done' &&
    lastRead !== null &&
    lastRead.register === null &&
    !lastRead.hasRegisterSheet &&
    missing.length < 2;
  // The offer is the likely next click: fetch the editor's chunk now.
  useEffect(() => {
    if (offerCreate && preload) preloadRegisterPanel();
  }, [offerCreate, preload]);
  const openRegister = (focus: boolean) => {
    setRegisterOpen(true);
    if (focus) setRegisterFocus((n) => n + 1);
    // The editor works on what a run read: read the workbook if nothing has been read yet.
    if (state.lastRead === null && run.status !== 'loading') reconcile();
  };
  /** A finding's cell on the register sheet: the editor, at that row (its heading when none). */
  const openRegisterAt = (row: RegisterRow | null) => {
    if (row === null) openRegister(true);
    else {
      openRegister(false);
      setRegisterReveal((r) => ({ row, request: (r?.request ?? 0) + 1 }));
    }
  };
  const writeRegister = (register: Register, change: RegisterChange) =>
    controller.writeRegister(register, change);
  const review: ReviewControls = {
    reviewWrite: state.reviewWrite,
    live: state.live,
    onExplain: (key, reason, by) => controller.explain(key, reason, by),
    onWithdraw: (key, by) => controller.withdraw(key, by),
    onSignOff: (by) => controller.signOff(by),
    onDismissReviewWrite: () => controller.dismissReviewWrite(),
    onSetLive: (on) => {
      saveLive(on);
      void controller.setLive(on);
    },
    onReconcile: reconcile,
  };
  const openPlan = () => {
    setPlanOpen(true);
    setPlanFocus((n) => n + 1);
    // Whether the workbook has a register (and which sheets) is known from a run: read it now.
    if (state.lastRead === null && run.status !== 'loading') reconcile();
  };

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
        <StatusRegion message={registerAnnouncement(state, t)} />
        <StatusRegion message={announce.review} />
        <StatusRegion message={announce.changes} />
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
      <RegisterBar
        t={t}
        open={registerOpen}
        panelId={registerPanelId}
        offerCreate={offerCreate}
        onToggle={() => {
          if (!registerOpen) openRegister(false);
          else {
            setRegisterOpen(false);
            setRegisterFocus(0);
            setRegisterReveal(null);
          }
        }}
        onCreate={() => openRegister(true)}
      />
      <div id={registerPanelId}>
        {registerOpen && (
          <RegisterSlot
            t={t}
            lang={state.lang}
            lastRead={lastRead}
            running={busy}
            write={state.registerWrite}
            focusRequest={registerFocus}
            reveal={registerReveal}
            onWrite={writeRegister}
            onReread={reconcile}
            onDismissWrite={() => controller.dismissRegisterWrite()}
            registerSheet={state.registerSheet}
            onSetRegisterVisible={(visible) => void controller.setRegisterVisible(visible)}
            onReadPlan={openPlan}
          />
        )}
      </div>
      <div id={planPanelId}>
        {planOpen && (
          <PlanSlot
            t={t}
            lang={state.lang}
            lastRead={lastRead}
            running={busy}
            missing={missing}
            write={state.registerWrite}
            focusRequest={planFocus}
            onImport={(register, sheets) => controller.importPlan(register, sheets)}
            onReread={reconcile}
            onDismissWrite={() => controller.dismissRegisterWrite()}
            onClose={() => setPlanOpen(false)}
          />
        )}
      </div>
      <div style={S.outcome} aria-busy={busy}>
        {!busy && missing.length > 0 && (
          <EmptyState t={t} missing={missing} lookedFor={LOOKED_FOR} onReadPlan={openPlan} />
        )}
        {run.status === 'done' && (
          <ResultSlot
            result={run.result}
            lang={state.lang}
            t={t}
            selection={state.selection}
            onSelect={(ref) => void controller.select(ref)}
            insert={state.insert}
            insertNote={state.inserted ? null : t.insertNote[state.platform]}
            onInsert={(kind, project) =>
              void (kind === 'card' ? controller.insert(kind, project ?? -1) : controller.insert(kind))
            }
            register={lastRead?.register ?? null}
            registerWrite={state.registerWrite}
            onWriteRegister={(register, change) => void writeRegister(register, change)}
            snapshot={lastRead?.snapshot ?? null}
            onOpenRegister={openRegisterAt}
            review={review}
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

/** The progress and outcome of the last write of the project register. */
function registerAnnouncement(state: ReconcileState, t: Strings): string {
  const w = state.registerWrite;
  switch (w.status) {
    case 'idle':
      return '';
    case 'writing':
      return t.reg.writing;
    case 'done':
      return t.reg.written(w.change);
    case 'error':
      return `${t.reg.writeFailed}: ${t.failureTitle[w.failure.kind]}.`;
  }
}

/** Focus stays in the pane when a cell is selected in Excel: say what happened. */
function selectionAnnouncement(state: ReconcileState, t: Strings): string {
  const s = state.selection;
  if (s === null || s.status === 'selecting') return '';
  if (s.status === 'selected') return t.announceSelected(s.ref);
  return `${t.selectFailed(s.ref)}: ${t.failureTitle[s.failure.kind]}.`;
}
