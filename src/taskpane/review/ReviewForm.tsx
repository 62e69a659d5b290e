/**
 * The inline form under a finding: its reason (to explain it) and, the first time on this
 * machine, the reviewer's name (to explain it, or to take an explanation back). The focus goes to
 * its first field when it opens; Escape or Avbryt closes it (the caller puts the focus back on
 * the button that opened it). A missing field is refused here, with the domain's words, shown
 * under the field and announced (Fluent's Field makes an error message an alert), and the focus
 * goes to it. The typed text stays while the write is under way and if it fails.
 */
import { Button, Field, Textarea } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { REASON_MAX, describeRefusal, type Refusal } from '../../domain/review';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';
import { NameField } from './NameField';

export interface ReviewFormProps {
  readonly t: Strings;
  readonly lang: Lang;
  /** The form's accessible name. */
  readonly label: string;
  /** Ask for a reason (explain), or not (withdraw). */
  readonly askReason: boolean;
  /** The reason to start from (a stale finding's old one). */
  readonly initialReason?: string;
  /** Ask for the name (none is remembered yet); decided when the form opens. */
  readonly askName: boolean;
  readonly name: string;
  readonly onNameChange: (name: string) => void;
  readonly submitLabel: string;
  /** A review write is under way: the submit button is inert (but keeps focus). */
  readonly busy: boolean;
  /** Called with the fields when none is missing: the caller writes, and closes the form once written. */
  readonly onSubmit: (reason: string, name: string) => void;
  readonly onCancel: () => void;
  /** Said by the form's buttons and fields: the finding's message. */
  readonly describedBy?: string;
}

type Errors = { readonly reason?: string; readonly name?: string };

export function ReviewForm(props: ReviewFormProps) {
  const { t, lang, label, askReason, askName, name, onNameChange, busy, onSubmit, onCancel } = props;
  const [reason, setReason] = useState(props.initialReason ?? '');
  const [errors, setErrors] = useState<Errors>({});
  // Decided once: the field must not vanish as the first letter of the name is typed.
  const [showName] = useState(askName);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  // The first field takes the focus when the form opens (only then).
  const firstField = askReason ? reasonRef : nameRef;
  useEffect(() => {
    firstField.current?.focus();
  }, [firstField]);

  const refusalText = (r: Refusal) => describeRefusal(r, lang);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const text = reason.trim();
    const next: Errors = {
      reason: !askReason
        ? undefined
        : text === ''
          ? refusalText({ reason: 'noReason' })
          : text.length > REASON_MAX
            ? refusalText({ reason: 'reasonTooLong', max: REASON_MAX })
            : undefined,
      name: name.trim() === '' ? refusalText({ reason: 'noName' }) : undefined,
    };
    setErrors(next);
    if (next.reason !== undefined) reasonRef.current?.focus();
    else if (next.name !== undefined) nameRef.current?.focus();
    else onSubmit(reason, name.trim());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form aria-label={label} onSubmit={submit} onKeyDown={onKeyDown} noValidate style={S.stack}>
      {askReason && (
        <Field
          label={t.review.reasonLabel}
          hint={t.review.reasonHint}
          required
          validationState={errors.reason ? 'error' : 'none'}
          validationMessage={errors.reason}
        >
          <Textarea
            ref={reasonRef}
            value={reason}
            resize="vertical"
            onChange={(_, data) => {
              setReason(data.value);
              if (errors.reason) setErrors({ ...errors, reason: undefined });
            }}
          />
        </Field>
      )}
      {(showName || errors.name) && (
        <NameField
          t={t}
          required
          inputRef={nameRef}
          value={name}
          error={errors.name}
          onChange={(next) => {
            onNameChange(next);
            if (errors.name) setErrors({ ...errors, name: undefined });
          }}
        />
      )}
      <div style={S.row}>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={busy}
          aria-describedby={props.describedBy}
        >
          {props.submitLabel}
        </Button>
        <Button type="button" onClick={onCancel}>
          {t.review.cancel}
        </Button>
      </div>
    </form>
  );
}
