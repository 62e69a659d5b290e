/**
 * The last register write as the editor shows it: a spinner while Excel writes and the workbook is
 * reconciled again, what was saved, or the failure with its advice. When a co-author changed the
 * register (`changed`), nothing was written and the form keeps the draft: the button reads the
 * register again, and Save then writes over what was read.
 */
import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { FailureMessage } from '../components/FailureMessage';
import type { RegisterWriteState } from '../controller';
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

export function WriteStatus({ t, write, inForm, onReread, onDismiss }: WriteStatusProps) {
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
      const advice = inForm ? `${t.failureBody[kind]} ${t.reg.draftKept}` : t.failureBody[kind];
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
