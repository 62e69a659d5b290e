/**
 * The reviewer's name, as the explain form and the sign-off section ask for it: remembered on this
 * machine (the caller keeps it), with its hint, and the refusal shown under it (Fluent's Field
 * makes an error message an alert).
 */
import { Field, Input } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { Strings } from '../strings';

export interface NameFieldProps {
  readonly t: Strings;
  readonly value: string;
  readonly onChange: (name: string) => void;
  /** Why the name was refused (none given); undefined when it was not. */
  readonly error: string | undefined;
  readonly required?: boolean;
  readonly inputRef?: Ref<HTMLInputElement>;
}

export function NameField({ t, value, onChange, error, required, inputRef }: NameFieldProps) {
  return (
    <Field
      label={t.review.nameLabel}
      hint={t.review.nameHint}
      required={required}
      validationState={error ? 'error' : 'none'}
      validationMessage={error}
    >
      <Input ref={inputRef} value={value} autoComplete="name" onChange={(_, data) => onChange(data.value)} />
    </Field>
  );
}
