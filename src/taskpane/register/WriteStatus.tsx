/**
 * The last register write as the editor shows it: a spinner while Excel writes and the workbook is
 * reconciled again, what was saved, or the failure with its advice. When a co-author changed the
 * register (`changed`), nothing was written and the form keeps the draft: the button reads the
 * register again (which clears the failure, see RegisterPanel), and Save then writes the draft on
 * top of what was read.
 *
 * When the failure goes (dismissed, or cleared by reading again) its buttons go with it: the focus
 * then moves to the heading of the form or view the message was in, not to the page.
 */
import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { FailureMessage } from '../components/FailureMessage';
import type { RegisterWriteState } from '../../app/controller';
import type { Strings } from '../strings';
import { S } from '../styles';

export interface WriteStatusProps {
  readonly t: Strings;
  readonly write: RegisterWriteState;
  /** Shown inside an open form: the failure says that the draft is kept. */
  readonly inForm: boolean;
  readonly onReread: () => void;
  readonly onDismiss: () => void;
}

/** The heading of the form, or else the section, that `el` is in (one the editor can focus). */
function headingNear(el: HTMLElement | null): HTMLElement | null {
  const container = el?.closest('form') ?? el?.closest('section') ?? null;
  return container?.querySelector<HTMLElement>('h2[tabindex="-1"], h3[tabindex="-1"]') ?? null;
}

export function WriteStatus(props: WriteStatusProps) {
  const { write, onDismiss } = props;
  // Always rendered (display: contents, so it adds no box or gap): it finds the heading nearby.
  const root = useRef<HTMLDivElement>(null);
  const failed = write.status === 'error' && write.change.kind !== 'alias';
  const wasFailed = useRef(failed);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (wasFailed.current && !failed && lost) headingNear(root.current)?.focus();
    wasFailed.current = failed;
  }, [failed]);

  const dismiss = () => {
    headingNear(root.current)?.focus();
    onDismiss();
  };
  return (
    <div ref={root} style={S.contents}>
      <Content {...props} onDismiss={dismiss} />
    </div>
  );
}

function Content({ t, write, inForm, onReread, onDismiss }: WriteStatusProps) {
  switch (write.status) {
    case 'idle':
      return null;
    case 'writing':
      return <Spinner size="tiny" labelPosition="after" label={t.reg.writing} style={S.start} />;
    case 'done':
      return (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t.reg.written(write.change)}</MessageBarBody>
        </MessageBar>
      );
    case 'error': {
      // An alias's failure is shown under its finding.
      if (write.change.kind === 'alias') return null;
      const kind = write.failure.kind;
      // A co-author's change: the register's own advice, which names the button below. A form's
      // draft is kept and can be saved once the register is read again; anything else is redone.
      const advice =
        kind === 'changed'
          ? inForm && write.change.kind === 'save'
            ? t.reg.changedKept
            : t.reg.changedRedo
          : inForm
            ? `${t.failureBody[kind]} ${t.reg.draftKept}`
            : t.failureBody[kind];
      return (
        <div style={S.stack}>
          <FailureMessage
            t={t}
            failure={write.failure}
            title={t.reg.writeFailed}
            body={advice}
            onDismiss={onDismiss}
          />
          {kind === 'changed' && (
            <Button onClick={onReread} style={S.start}>
              {t.reg.reread}
            </Button>
          )}
        </div>
      );
    }
  }
}
