/**
 * What the register's forms share: the messages per field, a labelled text field, the options
 * of a kind's select, the form's frame (heading, Save and Cancel, the write's status), and putting the focus on the first field
 * that is wrong after a Save that did not pass validation.
 */
import { Button, Field, Input, type InputProps } from '@fluentui/react-components';
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import type { FieldError } from '../../domain/register/edit/fieldErrors';
import { fieldErrorMessage } from '../../domain/register/edit/fieldMessages';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';
import { FocusHeading } from './FocusHeading';

/** Each field's validation messages, joined, by field. */
export function messagesByField(errors: readonly FieldError[], lang: Lang): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const e of errors) {
    const text = fieldErrorMessage(e, lang);
    const before = map.get(e.field);
    map.set(e.field, before === undefined ? text : `${before} ${text}`);
  }
  return map;
}

export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly error?: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly inputMode?: InputProps['inputMode'];
  readonly onChange: (value: string) => void;
}

/** A Fluent Field with an Input: the label, the hint and the validation message are wired to it. */
export function TextField({ label, value, error, hint, required, inputMode, onChange }: TextFieldProps) {
  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      validationMessage={error}
      validationState={error ? 'error' : 'none'}
    >
      <Input value={value} inputMode={inputMode} onChange={(_, data) => onChange(data.value)} />
    </Field>
  );
}

/** The options of a select of kinds (an entry's, a source's), each by its name in the catalog. */
export function kindOptions<K extends string>(kinds: readonly K[], names: Readonly<Record<K, string>>) {
  return kinds.map((k) => (
    <option key={k} value={k}>
      {names[k]}
    </option>
  ));
}

/** What every register form takes: a draft of type D, its errors, the write's state, and callbacks. */
export interface RowFormProps<D> {
  readonly t: Strings;
  readonly lang: Lang;
  readonly heading: string;
  readonly draft: D;
  /** The draft's validation errors; null until a Save was tried. */
  readonly errors: readonly FieldError[] | null;
  /** Bumped on each Save that did not pass validation: the focus goes to the first wrong field. */
  readonly invalidAttempt: number;
  readonly busy: boolean;
  readonly status: ReactNode;
  readonly onChange: (draft: D) => void;
  readonly onSave: () => void;
  readonly onCancel: () => void;
}

export type FormFrameProps = Pick<
  RowFormProps<never>,
  't' | 'heading' | 'errors' | 'invalidAttempt' | 'busy' | 'status' | 'onSave' | 'onCancel'
> & { readonly children: ReactNode };

/**
 * The frame of a form: a heading that takes the focus when the form opens (so that screen-reader
 * users hear which form they are in), the fields, Save (also Enter in a field) and Cancel (also
 * Escape), how many errors there are after a Save that did not pass, and the write's status.
 */
export function FormFrame(props: FormFrameProps) {
  const { t, heading, errors, invalidAttempt, busy, status, children, onSave, onCancel } = props;
  // Shown once a Save was tried (errors is null before).
  const errorCount = errors === null ? null : errors.length;
  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useEffect(() => {
    if (invalidAttempt === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalidAttempt]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSave();
  };
  return (
    <form
      ref={form}
      aria-labelledby={headingId}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        // Escape cancels, unless a control inside used it (e.g. to close a native list).
        if (event.key === 'Escape' && !event.defaultPrevented && !busy) {
          event.preventDefault();
          onCancel();
        }
      }}
      style={S.stack}
    >
      <FocusHeading level={3} id={headingId} ref={headingRef}>
        {heading}
      </FocusHeading>
      {children}
      {errorCount !== null && errorCount > 0 && (
        <p role="alert" style={{ ...S.plain, ...S.errorText }}>
          {t.reg.formErrors(errorCount)}
        </p>
      )}
      <div style={S.row}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {busy ? t.reg.saving : t.reg.save}
        </Button>
        <Button disabledFocusable={busy} onClick={onCancel}>
          {t.reg.cancel}
        </Button>
      </div>
      {status}
    </form>
  );
}
