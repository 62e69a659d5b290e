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

/** What differs between the two tables: their words, and how a row is named and summed up. */
interface TableView {
  readonly table: TableName;
  readonly heading: string;
  readonly addLabel: string;
  readonly total: number;
  /** The indexes of the rows that match the search, in order. */
  readonly matched: readonly number[];
  readonly name: (index: number) => string;
  readonly summary: (index: number) => string;
}

export function RegisterLists(props: RegisterListsProps) {
  const { t, lang, register, query, onQuery, busy, marked, headingRefs, onAdd, onEdit, onDelete } = props;
  const searchId = useId();
  const q = searchKey(query.trim());
  const entries = register.entries.flatMap((e, index) => (matches(q, entrySearchTexts(e)) ? [index] : []));
  const sources = register.sources.flatMap((s, index) => (matches(q, sourceSearchTexts(s)) ? [index] : []));
  const isMarked = (table: TableName, index: number) => marked?.table === table && marked.index === index;

  /** The first LIMIT rows, and the marked one when it is further down (a finding asked for it). */
  const listed = (rows: readonly number[], table: TableName): number[] => {
    const first = rows.slice(0, LIMIT);
    const further = rows.slice(LIMIT).find((index) => isMarked(table, index));
    return further !== undefined ? [...first, further] : first;
  };

  /** One table: its heading and Add, and the rows that match the search, each with Edit and Delete. */
  const tableOf = ({ table, heading, addLabel, total, matched, name, summary }: TableView) => (
    <RegisterTable
      t={t}
      headingRef={headingRefs[table]}
      heading={heading}
      total={total}
      shown={matched.length}
      filtered={q !== ''}
      addLabel={addLabel}
      addKey={`${table}:add`}
      busy={busy}
      onAdd={() => onAdd(table)}
    >
      {listed(matched, table).map((index) => (
        <RegisterRowItem
          key={index}
          t={t}
          marked={isMarked(table, index)}
          name={name(index)}
          summary={summary(index)}
          busy={busy}
          focusKey={`${table}:${index}`}
          onEdit={() => onEdit({ table, index })}
          onDelete={() => onDelete({ table, index }, name(index))}
        />
      ))}
    </RegisterTable>
  );

  return (
    <>
      <Field label={t.reg.searchLabel} hint={t.reg.searchHint}>
        <Input id={searchId} type="search" value={query} onChange={(_, data) => onQuery(data.value)} />
      </Field>
      {tableOf({
        table: 'entries',
        heading: t.reg.projectsHeading,
        addLabel: t.reg.addEntry,
        total: register.entries.length,
        matched: entries,
        name: (index) => entryName(register.entries[index]),
        summary: (index) => entrySummary(register.entries[index], t, lang),
      })}
      {tableOf({
        table: 'sources',
        heading: t.reg.sourcesHeading,
        addLabel: t.reg.addSource,
        total: register.sources.length,
        matched: sources,
        name: (index) => sourceName(register.sources[index]),
        summary: (index) => sourceSummary(register.sources[index], t),
      })}
    </>
  );
}
