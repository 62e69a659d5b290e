/**
 * "Godkjenning": the reviewer's name (remembered on this machine), the button that signs off the
 * reconciliation (inert, with the reason said, while errors are open), whether the latest
 * sign-off still holds and if not what changed since, and the earlier sign-offs.
 */
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
} from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import type { ReviewWriteState } from '../../app/controller';
import type { ResultReview } from '../../domain/reconcile/result';
import {
  describeRefusal,
  describeSignOffHistory,
  describeSignOffState,
  openErrorsRefusal,
} from '../../domain/review';
import { FailureMessage } from '../components/FailureMessage';
import { ListSection } from '../components/ListSection';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';
import { NameField } from './NameField';

export interface SignOffSectionProps {
  readonly t: Strings;
  readonly lang: Lang;
  readonly review: ResultReview;
  readonly reviewWrite: ReviewWriteState;
  readonly name: string;
  readonly onNameChange: (name: string) => void;
  readonly onSignOff: (by: string) => void;
  readonly onDismiss: () => void;
}

export function SignOffSection(props: SignOffSectionProps) {
  const { t, lang, review, reviewWrite, name, onNameChange, onSignOff, onDismiss } = props;
  const headingId = useId();
  const blockedId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const blocked = openErrorsRefusal(review);
  const writing = reviewWrite.status === 'writing';
  const [signed, changed, ...what] = describeSignOffState(review.signOff, lang);
  const history = describeSignOffHistory(review.state.signOffs, lang);
  const outcome = reviewWrite.status !== 'idle' && reviewWrite.action.kind === 'signOff' ? reviewWrite : null;

  const signOff = () => {
    if (name.trim() === '') {
      setNameError(describeRefusal({ reason: 'noName' }, lang));
      nameRef.current?.focus();
      return;
    }
    onSignOff(name.trim());
  };

  return (
    <section aria-labelledby={headingId} style={S.outcome}>
      <Subtitle2 as="h2" id={headingId} style={S.plain}>
        {t.review.signOffHeading}
      </Subtitle2>
      <Body1 as="p" style={S.plain}>
        {signed}
      </Body1>
      {review.signOff.state === 'changed' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{changed}</MessageBarTitle>
            <ul style={S.bullets}>
              {what.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <NameField
        t={t}
        inputRef={nameRef}
        value={name}
        error={nameError}
        onChange={(next) => {
          onNameChange(next);
          setNameError(undefined);
        }}
      />
      <Button
        appearance="primary"
        disabledFocusable={blocked !== null || writing}
        aria-describedby={blocked ? blockedId : undefined}
        onClick={signOff}
        style={S.start}
      >
        {t.review.signOffButton}
      </Button>
      {blocked && (
        <Body1 as="p" id={blockedId} style={S.plain}>
          {describeRefusal(blocked, lang)}
        </Body1>
      )}
      {outcome?.status === 'refused' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{describeRefusal(outcome.refusal, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.status === 'error' && (
        <FailureMessage
          t={t}
          failure={outcome.failure}
          title={t.review.writeFailed.signOff}
          onDismiss={onDismiss}
        />
      )}
      {history.length > 0 && (
        <ListSection level="h3" heading={t.review.historyHeading} bullets>
          {history.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ListSection>
      )}
    </section>
  );
}
