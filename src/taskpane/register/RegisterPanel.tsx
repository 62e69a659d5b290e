/**
 * The project register in the pane, loaded as its own chunk (with the domain's editing, proposal
 * and file code): a proposal when the workbook has none, the editor when it has one, and import and
 * export. It works on what the last run read (`lastRead`), kept while a new run loads, so that an
 * open form and its draft survive "read the register again".
 */
import { Body1, Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef } from 'react';
import { budgetLineLabels } from '../../domain/register/edit/budgetLines';
import type { Register } from '../../domain/register/types';
import { findRegisterSheet } from '../../domain/register/readRegister';
import type { LastRead, RegisterChange, RegisterSheetState, RegisterWriteState } from '../../app/controller';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';
import { FocusHeading } from './FocusHeading';
import type { RegisterRow } from './names';
import { ImportExport } from './ImportExport';
import { ProposalForm } from './ProposalForm';
import { RegisterEditor } from './RegisterEditor';
import { RegisterSheetControl } from './RegisterSheetControl';
import { WriteStatus } from './WriteStatus';

export interface RegisterPanelProps {
  readonly t: Strings;
  readonly lang: Lang;
  readonly lastRead: LastRead | null;
  /** A run is under way (the first read, or reading again). */
  readonly running: boolean;
  readonly write: RegisterWriteState;
  /** Bumped when the pane asks the panel to take the focus (after "Lag prosjektregister"); 0: never. */
  readonly focusRequest: number;
  /**
   * A row to show and focus (a finding's cell on the register sheet); `request` grows with each
   * ask, so that asking for the same row again shows it again. Null: none.
   */
  readonly reveal?: { readonly row: RegisterRow; readonly request: number } | null;
  readonly onWrite: (register: Register, change: RegisterChange) => Promise<boolean>;
  /** Reads the workbook again (after a co-author's change). */
  readonly onReread: () => void;
  readonly onDismissWrite: () => void;
  /** The last showing or hiding of the register sheet in Excel. */
  readonly registerSheet: RegisterSheetState;
  readonly onSetRegisterVisible: (visible: boolean) => void;
  /** "Read the action plan": opens the plan panel (the register is then made or updated from it). */
  readonly onReadPlan?: () => void;
}

export function RegisterPanel(props: RegisterPanelProps) {
  const { t, lang, lastRead, running, write, focusRequest, onWrite, onReread, onDismissWrite } = props;
  const { registerSheet, onSetRegisterVisible, reveal = null } = props;
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const busy = write.status === 'writing';

  useEffect(() => {
    if (focusRequest > 0) headingRef.current?.focus();
  }, [focusRequest]);
  // A row asked for where there is no editor to show it in (an unusable register): the heading.
  const hasEditor = lastRead?.register != null;
  const revealRequest = reveal?.request ?? 0;
  const revealed = useRef(0);
  useEffect(() => {
    if (revealRequest <= revealed.current) return;
    revealed.current = revealRequest;
    if (!hasEditor) headingRef.current?.focus();
  }, [revealRequest, hasEditor]);
  // A write done (the register created, imported): the control that had the focus may be gone
  // with the view it was in. Then the panel's heading takes it, rather than nothing.
  const done = write.status === 'done';
  useEffect(() => {
    if (!done) return;
    const active = document.activeElement;
    if (active === null || active === document.body) headingRef.current?.focus();
  }, [done]);

  // Read again after a co-author's change refused a write: the failure said to read the register
  // again, and that is done (a form keeps its draft, to be saved on what was read).
  const stale = write.status === 'error' && write.failure.kind === 'changed';
  const readBefore = useRef(lastRead);
  useEffect(() => {
    const reread = lastRead !== readBefore.current;
    readBefore.current = lastRead;
    if (reread && stale) onDismissWrite();
  }, [lastRead, stale, onDismissWrite]);

  const snapshot = lastRead?.snapshot ?? null;
  const options = lastRead?.options ?? null;
  const budgetLines = useMemo(
    () => (snapshot === null ? [] : budgetLineLabels(snapshot, options ?? {})),
    [snapshot, options],
  );
  const status = (inForm: boolean) => (
    <WriteStatus t={t} write={write} inForm={inForm} onReread={onReread} onDismiss={onDismissWrite} />
  );

  let content;
  let canImport = false;
  if (lastRead === null) {
    content = running ? (
      <Spinner size="small" label={t.reg.readingFirst} style={S.start} />
    ) : (
      <Body1 as="p" style={S.plain}>
        {t.reg.needsRun}
      </Body1>
    );
  } else if (lastRead.register === null && !lastRead.hasRegisterSheet) {
    canImport = true;
    content = (
      <ProposalForm
        t={t}
        lang={lang}
        snapshot={lastRead.snapshot}
        options={lastRead.options}
        busy={busy}
        status={status(true)}
        onWrite={onWrite}
      />
    );
  } else if (lastRead.register === null) {
    content = (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t.reg.unusable}</MessageBarBody>
      </MessageBar>
    );
  } else {
    canImport = true;
    content = (
      <>
        {lastRead.unreadableRegisterRows > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t.reg.unreadableRows(lastRead.unreadableRegisterRows)}</MessageBarBody>
          </MessageBar>
        )}
        <RegisterEditor
          t={t}
          lang={lang}
          register={lastRead.register}
          budgetLines={budgetLines}
          busy={busy}
          status={status}
          onWrite={onWrite}
          onOpenForm={onDismissWrite}
          reveal={reveal}
        />
      </>
    );
  }

  return (
    <section aria-labelledby={headingId} style={S.outcome}>
      <FocusHeading level={2} id={headingId} ref={headingRef}>
        {t.reg.heading}
      </FocusHeading>
      {content}
      {lastRead !== null && lastRead.hasRegisterSheet && (
        <RegisterSheetControl
          t={t}
          visible={registerVisible(lastRead, registerSheet)}
          state={registerSheet}
          onSet={onSetRegisterVisible}
        />
      )}
      {/* With the other ways to fill the register from a file (import), after the register itself. */}
      {props.onReadPlan && (
        <Button onClick={props.onReadPlan} style={S.start}>
          {t.plan.open}
        </Button>
      )}
      {canImport && lastRead !== null && (
        <ImportExport t={t} lang={lang} register={lastRead.register} busy={busy} onWrite={onWrite} />
      )}
    </section>
  );
}

/** Whether the register sheet is visible in Excel: as last shown or hidden here, else as last read. */
function registerVisible(lastRead: LastRead, state: RegisterSheetState): boolean {
  if (state.status === 'done') return state.visible;
  const name = findRegisterSheet(lastRead.snapshot)?.name;
  return lastRead.snapshot.sheets.find((s) => s.name === name)?.visibility === 'visible';
}
