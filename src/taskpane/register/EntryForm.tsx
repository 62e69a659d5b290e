/**
 * The form of a register row (a project or an operations budget line). Presentational: the draft,
 * its errors and the budget's lines come in; every change goes out through onChange.
 *
 * The budget line, the basis and the kind are Fluent's Select (a native <select>), as in
 * InsertSection: the native list has the keyboard and screen-reader behaviour people know in every
 * Office host, and Tab moves on as usual (Dropdown's focus management takes over Tab).
 */
import { Field, Select } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { EntryDraft } from '../../domain/register/edit/draft';
import type { EntryKind } from '../../domain/register/types';
import type { RegisterList } from '../strings';
import { FormFrame, TextField, kindOptions, messagesByField, type RowFormProps } from './formParts';
import { ListField } from './ListField';

export interface EntryFormProps extends RowFormProps<EntryDraft> {
  /** The labels of the budget sheet's lines, for the budget line's list. */
  readonly budgetLines: readonly string[];
}

const TEXT_FIELDS = ['area', 'phase', 'owner', 'role'] as const;
export const ENTRY_KINDS: readonly EntryKind[] = ['project', 'operations'];
const BASES = ['per år', 'totalt'] as const;

export function EntryForm(props: EntryFormProps) {
  const { t, lang, draft, errors, budgetLines, onChange } = props;
  const messages = messagesByField(errors ?? [], lang);
  const error = (field: keyof EntryDraft) => messages.get(field);
  const set = <K extends keyof EntryDraft>(field: K, value: EntryDraft[K]) =>
    onChange({ ...draft, [field]: value });
  const text = (field: 'id' | 'name' | (typeof TEXT_FIELDS)[number] | 'contributionNote') => (
    <TextField
      label={t.reg.field[field]}
      value={draft[field]}
      error={error(field)}
      required={field === 'name' || (field === 'id' && draft.kind === 'project')}
      hint={field === 'id' ? t.reg.idHint : undefined}
      onChange={(value) => set(field, value)}
    />
  );
  const list = (field: RegisterList) => (
    <ListField
      t={t}
      list={field}
      items={draft[field]}
      error={error(field)}
      onChange={(items) => set(field, items)}
    />
  );
  const choice = (field: 'kind' | 'basis' | 'budgetLine', children: ReactNode) => (
    <Field
      label={t.reg.field[field]}
      validationMessage={error(field)}
      validationState={error(field) ? 'error' : 'none'}
    >
      <Select value={draft[field]} onChange={(_, data) => set(field, data.value as EntryDraft[typeof field])}>
        {children}
      </Select>
    </Field>
  );
  const lineKnown = draft.budgetLine === '' || budgetLines.includes(draft.budgetLine);

  return (
    <FormFrame {...props}>
      {choice('kind', kindOptions(ENTRY_KINDS, t.reg.entryKind))}
      {text('id')}
      {text('name')}
      {choice(
        'budgetLine',
        <>
          <option value="">{t.reg.noBudgetLine}</option>
          {!lineKnown && <option value={draft.budgetLine}>{t.reg.notInBudget(draft.budgetLine)}</option>}
          {budgetLines.map((line) => (
            <option key={line} value={line}>
              {line}
            </option>
          ))}
        </>,
      )}
      <TextField
        label={t.reg.field.contribution}
        value={draft.contribution}
        error={error('contribution')}
        hint={t.reg.contributionHint}
        inputMode="numeric"
        onChange={(value) => set('contribution', value)}
      />
      {choice(
        'basis',
        <>
          <option value="">{t.reg.basisNone}</option>
          {BASES.map((b) => (
            <option key={b} value={b}>
              {t.reg.basisOption[b]}
            </option>
          ))}
        </>,
      )}
      {text('contributionNote')}
      {TEXT_FIELDS.map((field) => (
        <div key={field}>{text(field)}</div>
      ))}
      {list('partners')}
      {list('goals')}
      {list('aliases')}
    </FormFrame>
  );
}
