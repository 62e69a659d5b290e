/**
 * A finding's review, under its message: for an open finding the "Forklar" button and its inline
 * form (a stale one also shows its old reason, marked "Endret etter forklaringen"); for an
 * explained one its reason, who explained it and when, and "Trekk tilbake". A refusal or a failed
 * write about this finding is shown here, where the finance officer acted.
 */
import { Badge, Body1, Button, Caption1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState, type Ref } from 'react';
import { describeExplanation, describeRefusal, reviewText, type ReviewedFinding } from '../../domain/review';
import type { Explanation } from '../../domain/review';
import { FailureMessage } from '../components/FailureMessage';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';
import { ReviewForm } from './ReviewForm';
import type { ReviewHandlers } from './types';

interface Common {
  readonly t: Strings;
  readonly lang: Lang;
  readonly handlers: ReviewHandlers;
  /** The finding's message: it describes the buttons (which finding they act on). */
  readonly messageId: string;
}

export interface OpenFindingReviewProps extends Common {
  readonly reviewed: ReviewedFinding;
  readonly formOpen: boolean;
  readonly onOpenForm: () => void;
  /** Closes the form; `refocus`: the focus goes back to the Forklar button (cancel). */
  readonly onCloseForm: (refocus: boolean) => void;
  readonly buttonRef: Ref<HTMLButtonElement>;
}

/** An open or stale finding: Forklar, and the form it opens. */
export function OpenFindingReview(props: OpenFindingReviewProps) {
  const { t, lang, handlers, messageId, reviewed, formOpen, onOpenForm, onCloseForm } = props;
  const old = reviewed.status === 'stale' ? reviewed.explanation : null;
  const writing = handlers.reviewWrite.status === 'writing';
  return (
    <>
      {old && (
        <div style={S.stack}>
          <Badge appearance="tint" color="warning" shape="rounded" style={S.start}>
            {reviewText(lang).status.stale}
          </Badge>
          <Body1 as="p" style={S.plain}>
            {t.review.oldReason(old.reason)}
          </Body1>
          <Caption1 as="p" style={S.plain}>
            {`${describeExplanation(old, lang)}. ${reviewText(lang).staleNote}`}
          </Caption1>
        </div>
      )}
      <Button
        ref={props.buttonRef}
        size="small"
        aria-expanded={formOpen}
        aria-describedby={messageId}
        onClick={formOpen ? () => onCloseForm(false) : onOpenForm}
        style={S.start}
      >
        {t.review.explain}
      </Button>
      {formOpen && (
        <ReviewForm
          t={t}
          lang={lang}
          label={t.review.explainForm}
          askReason
          initialReason={old?.reason}
          askName={handlers.name.trim() === ''}
          name={handlers.name}
          onNameChange={handlers.onNameChange}
          submitLabel={t.review.saveExplanation}
          busy={writing}
          describedBy={messageId}
          onSubmit={(reason, name) => {
            void handlers.onExplain(reviewed.key, reason, name).then((ok) => {
              if (ok) onCloseForm(false);
            });
          }}
          onCancel={() => onCloseForm(true)}
        />
      )}
      <ReviewOutcome t={t} lang={lang} handlers={handlers} reviewKey={reviewed.key} />
    </>
  );
}

export interface ExplainedReviewProps extends Common {
  readonly reviewKey: string;
  readonly explanation: Explanation;
}

/** An explained finding (or an explanation whose finding is gone): its reason, who, when, Trekk tilbake. */
export function ExplainedReview(props: ExplainedReviewProps) {
  const { t, lang, handlers, messageId, reviewKey, explanation } = props;
  const [asking, setAsking] = useState(false);
  const writing = handlers.reviewWrite.status === 'writing';
  const withdraw = (name: string) => {
    void handlers.onWithdraw(reviewKey, name).then((ok) => {
      if (ok) setAsking(false);
    });
  };
  return (
    <>
      <Body1 as="p" style={S.plain}>
        {t.review.reason(explanation.reason)}
      </Body1>
      <Caption1 as="p" style={S.plain}>
        {describeExplanation(explanation, lang)}
      </Caption1>
      {!asking && (
        <Button
          size="small"
          disabledFocusable={writing}
          aria-describedby={messageId}
          onClick={() => (handlers.name.trim() === '' ? setAsking(true) : withdraw(handlers.name.trim()))}
          style={S.start}
        >
          {t.review.withdraw}
        </Button>
      )}
      {asking && (
        // No name remembered yet: ask for it, once.
        <ReviewForm
          t={t}
          lang={lang}
          label={t.review.withdrawForm}
          askReason={false}
          askName
          name={handlers.name}
          onNameChange={handlers.onNameChange}
          submitLabel={t.review.withdraw}
          busy={writing}
          describedBy={messageId}
          onSubmit={(_, name) => withdraw(name)}
          onCancel={() => setAsking(false)}
        />
      )}
      <ReviewOutcome t={t} lang={lang} handlers={handlers} reviewKey={reviewKey} />
    </>
  );
}

/** A refusal or failure of the last review write, when it was about this finding. */
function ReviewOutcome({
  t,
  lang,
  handlers,
  reviewKey,
}: Omit<Common, 'messageId'> & { readonly reviewKey: string }) {
  const w = handlers.reviewWrite;
  if (w.status !== 'refused' && w.status !== 'error') return null;
  if (w.action.kind === 'signOff' || w.action.key !== reviewKey) return null;
  if (w.status === 'error') {
    return (
      <FailureMessage
        t={t}
        failure={w.failure}
        title={t.review.writeFailed[w.action.kind]}
        onDismiss={handlers.onDismiss}
      />
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{describeRefusal(w.refusal, lang)}</MessageBarBody>
    </MessageBar>
  );
}
