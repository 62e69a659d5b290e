/**
 * The register as the finance officer edits it: a search over ids, names, budget lines and
 * aliases, the projects and budget lines, the funding sources, and for each row Edit and Delete;
 * Add opens an empty form. A form replaces the lists while it is open (the pane is narrow), and
 * the focus goes back to the button that opened it when it closes.
 *
 * Nothing is written until Save passes validation (the domain's validateEntryDraft and
 * validateSourceDraft, shown on each field); a failed write keeps the form and its draft.
 *
 * The register may change while a form is open (an alias learned from a finding, a co-author's
 * change read again): the form then shows, validates and saves its row as it is now with the
 * user's own changes on top (mergeEntryDraft), so that neither is lost.
 */
import { Body1, Button, Caption1, Field, Input } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { formatNok } from '../../domain/amount';
import {
  draftToEntry,
  draftToSource,
  emptyEntryDraft,
  entryToDraft,
  mergeEntryDraft,
  mergeSourceDraft,
  putEntry,
  putSource,
  removeEntry,
  removeSource,
  sourceToDraft,
  validateEntryDraft,
  validateSourceDraft,
  type EntryDraft,
  type SourceDraft,
} from '../../domain/register/edit';
import type { FundingSource, Register, RegisterEntry } from '../../domain/register/types';
import type { RegisterChange } from '../../app/controller';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';
import { FocusHeading } from './FocusHeading';
import { DeleteDialog } from './DeleteDialog';
import { EntryForm } from './EntryForm';
import { entryName, sourceName, type RegisterRow } from './names';
import { SourceForm } from './SourceForm';

export interface RegisterEditorProps {
  readonly t: Strings;
  readonly lang: Lang;
  readonly register: Register;
  readonly budgetLines: readonly string[];
  /** A register write is under way: Save, Delete and Add are inert. */
  readonly busy: boolean;
  /** The last write's progress or failure, shown under the form's buttons or above the lists. */
  readonly status: (inForm: boolean) => ReactNode;
  readonly onWrite: (register: Register, change: RegisterChange) => Promise<boolean>;
  /** A form opens: an earlier write's outcome no longer applies. */
  readonly onOpenForm: () => void;
  /**
   * A row to show and focus, asked for by a finding's cell on the register sheet (RegisterPanel):
   * the search is cleared, the row marked, and its Edit button focused (which scrolls it into
   * view). Each new `request` does it again.
   */
  readonly reveal?: { readonly row: RegisterRow; readonly request: number } | null;
}

type TableName = 'entries' | 'sources';

type Editing =
  | {
      readonly table: 'entries';
      readonly index: number | null;
      readonly base: RegisterEntry | null;
      readonly draft: EntryDraft;
    }
  | {
      readonly table: 'sources';
      readonly index: number | null;
      readonly base: FundingSource | null;
      readonly draft: SourceDraft;
    };

interface Deleting {
  readonly table: 'entries' | 'sources';
  readonly index: number;
  readonly name: string;
  readonly base: RegisterEntry | FundingSource;
}

/** At most this many rows of a table are listed; the search finds the others. */
const LIMIT = 200;

const sameEntry = (a: RegisterEntry, b: RegisterEntry) => a.id === b.id && a.name === b.name;
const sameSource = (a: FundingSource, b: FundingSource) => a.name === b.name;

/**
 * Where the row a form or a deletion started from is in the register now: the register may have
 * been read again since (a run, a co-author's change). Null when it is no longer there.
 */
function locate<T>(rows: readonly T[], index: number | null, base: T | null, same: (a: T, b: T) => boolean) {
  if (index === null || base === null) return null;
  const at = rows[index];
  if (at !== undefined && (at === base || same(at, base))) return index;
  const found = rows.findIndex((r) => same(r, base));
  return found < 0 ? null : found;
}

/**
 * The form on the register as it is now: where its row is, and, when the row changed since the
 * form opened, the row as it is now with the fields the user changed laid over it (a three-way
 * merge against the row the form opened on). A row gone since is saved as a new one.
 */
function rebase(
  editing: Editing,
  register: Register,
): { readonly form: Editing; readonly at: number | null } {
  if (editing.table === 'entries') {
    const at = locate(register.entries, editing.index, editing.base, sameEntry);
    const current = at === null ? undefined : register.entries[at];
    if (current === undefined || editing.base === null || current === editing.base) {
      return { form: editing, at };
    }
    const draft = mergeEntryDraft(editing.base, current, editing.draft);
    return { form: { ...editing, index: at, base: current, draft }, at };
  }
  const at = locate(register.sources, editing.index, editing.base, sameSource);
  const current = at === null ? undefined : register.sources[at];
  if (current === undefined || editing.base === null || current === editing.base) {
    return { form: editing, at };
  }
  const draft = mergeSourceDraft(editing.base, current, editing.draft);
  return { form: { ...editing, index: at, base: current, draft }, at };
}

const fold = (s: string) => s.toLocaleLowerCase('nb');

function matches(query: string, texts: readonly string[]): boolean {
  return query === '' || texts.some((text) => fold(text).includes(query));
}

function entrySummary(e: RegisterEntry, t: Strings, lang: Lang): string {
  const parts = [t.reg.entryKind[e.kind]];
  if (e.contribution !== null) {
    parts.push(
      t.reg.contributionSummary(formatNok(e.contribution, lang), e.basis ? t.reg.basisOption[e.basis] : ''),
    );
  } else if (e.kind === 'project') {
    parts.push(t.reg.workOnly);
  }
  if (e.budgetLine !== '') parts.push(t.reg.budgetLineSummary(e.budgetLine));
  if (e.aliases.length > 0) parts.push(t.reg.aliasesSummary(e.aliases));
  return parts.join(' · ');
}

function sourceSummary(s: FundingSource, t: Strings): string {
  return [t.reg.sourceKind[s.kind], ...(s.aliases.length > 0 ? [t.reg.aliasesSummary(s.aliases)] : [])].join(
    ' · ',
  );
}

export function RegisterEditor(props: RegisterEditorProps) {
  const { t, lang, register, budgetLines, busy, status, onWrite, onOpenForm, reveal = null } = props;
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [tried, setTried] = useState(false);
  const [invalidAttempt, setInvalidAttempt] = useState(0);
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  // The name in the delete dialog: kept after it is answered, while the dialog closes.
  const [deletingName, setDeletingName] = useState('');
  const entriesHeading = useRef<HTMLHeadingElement>(null);
  const sourcesHeading = useRef<HTMLHeadingElement>(null);
  const root = useRef<HTMLDivElement>(null);
  // The button that opened the form or dialog (its data-focus key): the lists are re-rendered
  // while a form is open, so the element itself may be gone when the focus goes back.
  const returnFocus = useRef<string | null>(null);
  const pendingFocus = useRef<{ readonly key: string | null; readonly table: TableName } | null>(null);
  const [, setFocusTick] = useState(0);
  const headingOf = (table: TableName) => (table === 'entries' ? entriesHeading : sourcesHeading);

  useEffect(() => {
    const pending = pendingFocus.current;
    if (pending === null || editing !== null) return;
    const el =
      pending.key === null ? null : root.current?.querySelector<HTMLElement>(`[data-focus="${pending.key}"]`);
    const target = el ?? headingOf(pending.table).current;
    if (target) {
      pendingFocus.current = null;
      target.focus();
    }
  });

  /** After the next render: focus the button with this key, or the table's heading if it is gone. */
  const focusAfterRender = (key: string | null, table: TableName) => {
    pendingFocus.current = { key, table };
    setFocusTick((tick) => tick + 1);
  };

  // The row a finding asked for: shown (whatever the search), marked, and its Edit button focused
  // once the lists are shown (at once, or when an open form closes). The mark holds for the
  // register it was asked on: after a write, the rows may have moved.
  const [revealed, setRevealed] = useState<{ row: RegisterRow; register: Register } | null>(null);
  const revealedRequest = useRef(0);
  useEffect(() => {
    if (reveal === null || reveal.request <= revealedRequest.current) return;
    revealedRequest.current = reveal.request;
    setQuery('');
    setRevealed({ row: reveal.row, register });
    focusAfterRender(`${reveal.row.table}:${reveal.row.index}:edit`, reveal.row.table);
  });
  const marked = revealed !== null && revealed.register === register ? revealed.row : null;
  const isMarked = (table: TableName, index: number) => marked?.table === table && marked.index === index;

  const open = (next: Editing, key: string) => {
    returnFocus.current = key;
    setTried(false);
    setEditing(next);
    onOpenForm();
  };
  const close = (table: TableName) => {
    setEditing(null);
    setTried(false);
    focusAfterRender(returnFocus.current, table);
  };

  // The form on the register as it is now (see rebase); what it shows, validates and saves.
  const rebased = editing === null ? null : rebase(editing, register);
  const form = rebased?.form ?? null;
  const at = rebased?.at ?? null;
  const errors =
    !tried || form === null
      ? null
      : form.table === 'entries'
        ? validateEntryDraft(register, form.draft, at, budgetLines)
        : validateSourceDraft(register, form.draft, at);

  const save = async () => {
    if (form === null) return;
    // From now on the form edits the row as it is now (the same state when it has not changed).
    if (form !== editing) setEditing(form);
    setTried(true);
    if (form.table === 'entries') {
      if (validateEntryDraft(register, form.draft, at, budgetLines).length > 0) {
        setInvalidAttempt((n) => n + 1);
        return;
      }
      const entry = draftToEntry(form.draft, form.base ?? undefined);
      if (await onWrite(putEntry(register, at, entry), { kind: 'save', name: entryName(entry) })) {
        close('entries');
      }
    } else {
      if (validateSourceDraft(register, form.draft, at).length > 0) {
        setInvalidAttempt((n) => n + 1);
        return;
      }
      const source = draftToSource(form.draft, form.base ?? undefined);
      if (await onWrite(putSource(register, at, source), { kind: 'save', name: sourceName(source) })) {
        close('sources');
      }
    }
  };

  const confirmDelete = async () => {
    if (deleting === null) return;
    const { table, name } = deleting;
    setDeleting(null);
    let next: Register | null = null;
    if (table === 'entries') {
      const i = locate(register.entries, deleting.index, deleting.base as RegisterEntry, sameEntry);
      if (i !== null) next = removeEntry(register, i);
    } else {
      const i = locate(register.sources, deleting.index, deleting.base as FundingSource, sameSource);
      if (i !== null) next = removeSource(register, i);
    }
    // Already gone (the register was read again since): nothing to write.
    const ok = next === null ? true : await onWrite(next, { kind: 'delete', name });
    // Deleted: the row's buttons are gone, so the table's heading; otherwise back to Delete.
    focusAfterRender(ok ? null : returnFocus.current, table);
  };
  const cancelDelete = () => {
    const table = deleting?.table ?? 'entries';
    setDeleting(null);
    focusAfterRender(returnFocus.current, table);
  };

  if (form !== null) {
    const common = { t, lang, errors, invalidAttempt, busy, status: status(true), onSave: () => void save() };
    if (form.table === 'entries') {
      return (
        <div ref={root}>
          <EntryForm
            {...common}
            heading={form.base ? t.reg.editEntry(entryName(form.base)) : t.reg.newEntry}
            draft={form.draft}
            budgetLines={budgetLines}
            onChange={(draft) => setEditing({ ...form, draft })}
            onCancel={() => close('entries')}
          />
        </div>
      );
    }
    return (
      <div ref={root}>
        <SourceForm
          {...common}
          heading={form.base ? t.reg.editSource(sourceName(form.base)) : t.reg.newSource}
          draft={form.draft}
          onChange={(draft) => setEditing({ ...form, draft })}
          onCancel={() => close('sources')}
        />
      </div>
    );
  }

  const q = fold(query.trim());
  const entries = register.entries.flatMap((e, index) =>
    matches(q, [e.id, e.name, e.budgetLine, ...e.aliases]) ? [{ e, index }] : [],
  );
  const sources = register.sources.flatMap((s, index) =>
    matches(q, [s.name, ...s.aliases]) ? [{ s, index }] : [],
  );

  /** The first LIMIT rows, and the marked one when it is further down (a finding asked for it). */
  const listed = <R extends { readonly index: number }>(rows: readonly R[], table: TableName): R[] => {
    const first = rows.slice(0, LIMIT);
    const further = rows.slice(LIMIT).find((r) => isMarked(table, r.index));
    return further ? [...first, further] : first;
  };

  const askDelete = (d: Deleting) => {
    returnFocus.current = `${d.table}:${d.index}:delete`;
    setDeleting(d);
    setDeletingName(d.name);
  };

  return (
    <div ref={root} style={S.outcome}>
      {status(false)}
      <Field label={t.reg.searchLabel} hint={t.reg.searchHint}>
        <Input id={searchId} type="search" value={query} onChange={(_, data) => setQuery(data.value)} />
      </Field>
      <Table
        t={t}
        headingRef={entriesHeading}
        heading={t.reg.projectsHeading}
        total={register.entries.length}
        shown={entries.length}
        filtered={q !== ''}
        addLabel={t.reg.addEntry}
        addKey="entries:add"
        busy={busy}
        onAdd={() =>
          open({ table: 'entries', index: null, base: null, draft: emptyEntryDraft() }, 'entries:add')
        }
      >
        {listed(entries, 'entries').map(({ e, index }) => (
          <Row
            key={index}
            t={t}
            marked={isMarked('entries', index)}
            name={entryName(e)}
            summary={entrySummary(e, t, lang)}
            busy={busy}
            focusKey={`entries:${index}`}
            onEdit={() =>
              open({ table: 'entries', index, base: e, draft: entryToDraft(e) }, `entries:${index}:edit`)
            }
            onDelete={() => askDelete({ table: 'entries', index, name: entryName(e), base: e })}
          />
        ))}
      </Table>
      <Table
        t={t}
        headingRef={sourcesHeading}
        heading={t.reg.sourcesHeading}
        total={register.sources.length}
        shown={sources.length}
        filtered={q !== ''}
        addLabel={t.reg.addSource}
        addKey="sources:add"
        busy={busy}
        onAdd={() =>
          open(
            { table: 'sources', index: null, base: null, draft: { name: '', kind: 'external', aliases: [] } },
            'sources:add',
          )
        }
      >
        {listed(sources, 'sources').map(({ s, index }) => (
          <Row
            key={index}
            t={t}
            marked={isMarked('sources', index)}
            name={sourceName(s)}
            summary={sourceSummary(s, t)}
            busy={busy}
            focusKey={`sources:${index}`}
            onEdit={() =>
              open({ table: 'sources', index, base: s, draft: sourceToDraft(s) }, `sources:${index}:edit`)
            }
            onDelete={() => askDelete({ table: 'sources', index, name: sourceName(s), base: s })}
          />
        ))}
      </Table>
      {/* Always mounted, so that closing it undoes what it did to the page (see DeleteDialog). */}
      <DeleteDialog
        t={t}
        open={deleting !== null}
        name={deletingName}
        onConfirm={() => void confirmDelete()}
        onCancel={cancelDelete}
      />
    </div>
  );
}

interface TableProps {
  readonly t: Strings;
  readonly headingRef: RefObject<HTMLHeadingElement>;
  readonly heading: string;
  readonly total: number;
  readonly shown: number;
  readonly filtered: boolean;
  readonly addLabel: string;
  /** The add button's data-focus key. */
  readonly addKey: string;
  readonly busy: boolean;
  readonly onAdd: () => void;
  readonly children: ReactNode;
}

/** One table of the register: its heading, how many rows are shown, the rows, and Add. */
function Table({
  t,
  headingRef,
  heading,
  total,
  shown,
  filtered,
  addLabel,
  addKey,
  busy,
  onAdd,
  children,
}: TableProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} style={S.stack}>
      <FocusHeading level={3} id={headingId} ref={headingRef}>
        {heading}
      </FocusHeading>
      <Caption1>
        {total === 0
          ? t.reg.emptyTable
          : shown === 0 && filtered
            ? t.reg.noMatches
            : t.reg.shown(Math.min(shown, LIMIT), total)}
      </Caption1>
      {shown > 0 && (
        <ul style={S.list} aria-labelledby={headingId}>
          {children}
        </ul>
      )}
      <Button data-focus={addKey} disabledFocusable={busy} onClick={onAdd} style={S.start}>
        {addLabel}
      </Button>
    </section>
  );
}

interface RowProps {
  readonly t: Strings;
  /** The row a finding's cell opened the editor at: marked, for the eye and for screen readers. */
  readonly marked: boolean;
  readonly name: string;
  readonly summary: string;
  readonly busy: boolean;
  /** Prefix of the buttons' data-focus keys (`entries:3`). */
  readonly focusKey: string;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
}

function Row({ t, marked, name, summary, busy, focusKey, onEdit, onDelete }: RowProps) {
  return (
    <li
      style={marked ? { ...S.registerItem, ...S.markedItem } : S.registerItem}
      aria-current={marked || undefined}
    >
      <Body1 as="p" style={{ ...S.plain, ...S.term }}>
        {name}
      </Body1>
      <Caption1>{summary}</Caption1>
      <div style={S.row}>
        <Button
          size="small"
          data-focus={`${focusKey}:edit`}
          aria-label={t.reg.editWhat(name)}
          onClick={onEdit}
        >
          {t.reg.edit}
        </Button>
        <Button
          size="small"
          data-focus={`${focusKey}:delete`}
          disabledFocusable={busy}
          aria-label={t.reg.removeWhat(name)}
          onClick={onDelete}
        >
          {t.reg.remove}
        </Button>
      </div>
    </li>
  );
}
