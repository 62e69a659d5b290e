import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { Failure } from '../../app/controller';
import type { Strings } from '../strings';

export interface FailureMessageProps {
  readonly t: Strings;
  readonly failure: Failure;
  /** What failed, when it is not the run itself (then the kind's title goes into the body). */
  readonly title?: string;
  /** What to do, when the kind's general advice does not fit (e.g. a write, not a read). */
  readonly body?: string;
  readonly onRetry?: () => void;
  readonly onDismiss?: () => void;
}

/**
 * An Excel failure explained: what happened and what to do, per ExcelFailure kind, with Office's
 * code and details underneath for support, and a retry where trying again can help.
 */
export function FailureMessage({ t, failure, title, body, onRetry, onDismiss }: FailureMessageProps) {
  const kindTitle = t.failureTitle[failure.kind];
  const advice = body ?? t.failureBody[failure.kind];
  const hasDetails = failure.code !== undefined || failure.detail !== undefined;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title ?? kindTitle}</MessageBarTitle>
        {title === undefined ? advice : `${kindTitle}. ${advice}`}
        {hasDetails && <Caption1 block>{t.details(failure.code, failure.detail)}</Caption1>}
      </MessageBarBody>
      {(onRetry || onDismiss) && (
        <MessageBarActions>
          {onRetry && <Button onClick={onRetry}>{t.retry}</Button>}
          {onDismiss && <Button onClick={onDismiss}>{t.dismiss}</Button>}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
