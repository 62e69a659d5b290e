/**
 * The register editor's lists: a search over ids, names, budget lines and aliases, then the
 * projects and budget lines, and the funding sources, each row with Edit and Delete and each
 * table with Add. Presentational: the editor holds the query and acts on every button.
 */
import { Field, Input } from '@fluentui/react-components';
import { useId, type RefObject } from 'react';
import type { Register } from '../../domain/register/types';
import type { Lang, Strings } from '../strings';
import type { TableName } from './editing';
import { entryName, sourceName, type RegisterRow } from './names';
import { LIMIT, RegisterRowItem, RegisterTable } from './RegisterTable';
import {
  entrySearchTexts,
  entrySummary,
  matches,
  searchKey,
  sourceSearchTexts,
  sourceSummary,
} from './rowSummary';

export interface RegisterListsProps {
  readonly t: Strings;
  readonly lang: Lang;
  readonly register: Register;
  readonly query: string;
  readonly onQuery: (query: string) => void;
  /** A register write is under way: Delete and Add are inert. */
  readonly busy: boolean;
  /** The row a finding asked for: listed whatever its place, and marked. */
  readonly marked: RegisterRow | null;
  readonly headingRefs: Readonly<Record<TableName, RefObject<HTMLHeadingElement>>>;
  readonly onAdd: (table: TableName) => void;
  readonly onEdit: (row: RegisterRow) => void;
  readonly onDelete: (row: RegisterRow, name: string) => void;
}

export function RegisterLists(props: RegisterListsProps) {
  const { t, lang, register, query, onQuery, busy, marked, headingRefs, onAdd, onEdit, onDelete } = props;
  const searchId = useId();
  const q = searchKey(query.trim());
  const entries = register.entries.flatMap((e, index) =>
    matches(q, entrySearchTexts(e)) ? [{ e, index }] : [],
  );
  const sources = register.sources.flatMap((s, index) =>
    matches(q, sourceSearchTexts(s)) ? [{ s, index }] : [],
  );
  const isMarked = (table: TableName, index: number) => marked?.table === table && marked.index === index;

  /** The first LIMIT rows, and the marked one when it is further down (a finding asked for it). */
  const listed = <R extends { readonly index: number }>(rows: readonly R[], table: TableName): R[] => {
    const first = rows.slice(0, LIMIT);
    const further = rows.slice(LIMIT).find((r) => isMarked(table, r.index));
    return further ? [...first, further] : first;
  };

  return (
    <>
      <Field label={t.reg.searchLabel} hint={t.reg.searchHint}>
        <Input id={searchId} type="search" value={query} onChange={(_, data) => onQuery(data.value)} />
      </Field>
      <RegisterTable
        t={t}
        headingRef={headingRefs.entries}
        heading={t.reg.projectsHeading}
        total={register.entries.length}
        shown={entries.length}
        filtered={q !== ''}
        addLabel={t.reg.addEntry}
        addKey="entries:add"
        busy={busy}
        onAdd={() => onAdd('entries')}
      >
        {listed(entries, 'entries').map(({ e, index }) => (
          <RegisterRowItem
            key={index}
            t={t}
            marked={isMarked('entries', index)}
            name={entryName(e)}
            summary={entrySummary(e, t, lang)}
            busy={busy}
            focusKey={`entries:${index}`}
            onEdit={() => onEdit({ table: 'entries', index })}
            onDelete={() => onDelete({ table: 'entries', index }, entryName(e))}
          />
        ))}
      </RegisterTable>
      <RegisterTable
        t={t}
        headingRef={headingRefs.sources}
        heading={t.reg.sourcesHeading}
        total={register.sources.length}
        shown={sources.length}
        filtered={q !== ''}
        addLabel={t.reg.addSource}
        addKey="sources:add"
        busy={busy}
        onAdd={() => onAdd('sources')}
      >
        {listed(sources, 'sources').map(({ s, index }) => (
          <RegisterRowItem
            key={index}
            t={t}
            marked={isMarked('sources', index)}
            name={sourceName(s)}
            summary={sourceSummary(s, t)}
            busy={busy}
            focusKey={`sources:${index}`}
            onEdit={() => onEdit({ table: 'sources', index })}
            onDelete={() => onDelete({ table: 'sources', index }, sourceName(s))}
          />
        ))}
      </RegisterTable>
    </>
  );
}
