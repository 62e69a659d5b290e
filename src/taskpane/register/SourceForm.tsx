/** The form of a funding source: its name, kind (own, external, memo) and aliases. */
import { Field, Select } from '@fluentui/react-components';
import type { SourceDraft } from '../../domain/register/edit/draft';
import type { SourceKind } from '../../domain/register/types';
import { FormFrame, TextField, kindOptions, messagesByField, type RowFormProps } from './formParts';
import { ListField } from './ListField';

export type SourceFormProps = RowFormProps<SourceDraft>;

export const SOURCE_KINDS: readonly SourceKind[] = ['own', 'external', 'memo'];

export function SourceForm(props: SourceFormProps) {
  const { t, lang, draft, errors, onChange } = props;
  const messages = messagesByField(errors ?? [], lang);
  const kindError = messages.get('kind');
  return (
    <FormFrame {...props}>
      <TextField
        label={t.reg.field.name}
        value={draft.name}
        error={messages.get('name')}
        required
        onChange={(name) => onChange({ ...draft, name })}
      />
      <Field
        label={t.reg.field.kind}
        validationMessage={kindError}
        validationState={kindError ? 'error' : 'none'}
      >
        <Select
          value={draft.kind}
          onChange={(_, data) => onChange({ ...draft, kind: data.value as SourceKind })}
        >
          {kindOptions(SOURCE_KINDS, t.reg.sourceKind)}
        </Select>
      </Field>
      <ListField
        t={t}
        list="aliases"
        items={draft.aliases}
        error={messages.get('aliases')}
        onChange={(aliases) => onChange({ ...draft, aliases })}
      />
    </FormFrame>
  );
}
