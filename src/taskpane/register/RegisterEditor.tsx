/**
 * The register as the finance officer edits it: the lists (RegisterLists) with Edit and Delete for
 * each row and Add for each table; a form (EntryForm, SourceForm) replaces the lists while it is
 * open (the pane is narrow), and the focus goes back to the button that opened it when it closes.
 *
 * Nothing is written until Save passes validation (the domain's validateEntryDraft and
 * validateSourceDraft, shown on each field); a failed write keeps the form and its draft.
 *
 * The register may change while a form is open (an alias learned from a finding, a co-author's
 * change read again): the form then shows, validates and saves its row as it is now with the
 * user's own changes on top (see editing.ts), so that neither is lost.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { draftToEntry, draftToSource } from '../../domain/register/edit/convert';
import {
  emptyEntryDraft,
  emptySourceDraft,
  entryToDraft,
  sourceToDraft,
} from '../../domain/register/edit/draft';
import { putEntry, putSource, removeEntry, removeSource } from '../../domain/register/edit/update';
import { validateEntryDraft, validateSourceDraft } from '../../domain/register/edit/validate';
import type { Register } from '../../domain/register/types';
import type { RegisterChange } from '../../app/controller';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';
import { DeleteDialog } from './DeleteDialog';
import { locateDeleting, rebase, type Deleting, type Editing, type TableName } from './editing';
import { EntryForm } from './EntryForm';
import { entryName, sourceName, type RegisterRow } from './names';
import { RegisterLists } from './RegisterLists';
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

export function RegisterEditor(props: RegisterEditorProps) {
  const { t, lang, register, budgetLines, busy, status, onWrite, onOpenForm, reveal = null } = props;
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [tried, setTried] = useState(false);
  const [invalidAttempt, setInvalidAttempt] = useState(0);
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  // The name in the delete dialog: kept after it is answered, while the dialog closes.
  const [deletingName, setDeletingName] = useState('');
  const headingRefs = {
    entries: useRef<HTMLHeadingElement>(null),
    sources: useRef<HTMLHeadingElement>(null),
  };
  const root = useRef<HTMLDivElement>(null);
  // The button that opened the form or dialog (its data-focus key): the lists are re-rendered
  // while a form is open, so the element itself may be gone when the focus goes back.
  const returnFocus = useRef<string | null>(null);
  const pendingFocus = useRef<{ readonly key: string | null; readonly table: TableName } | null>(null);
  const [, setFocusTick] = useState(0);

  useEffect(() => {
    const pending = pendingFocus.current;
    if (pending === null || editing !== null) return;
    const el =
      pending.key === null ? null : root.current?.querySelector<HTMLElement>(`[data-focus="${pending.key}"]`);
    const target = el ?? headingRefs[pending.table].current;
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

  const open = (next: Editing, key: string) => {
    returnFocus.current = key;
    setTried(false);
    setEditing(next);
    onOpenForm();
  };
  const openRow = ({ table, index }: RegisterRow) => {
    const key = `${table}:${index}:edit`;
    if (table === 'entries') {
      const e = register.entries[index];
      open({ table, index, base: e, draft: entryToDraft(e) }, key);
    } else {
      const s = register.sources[index];
      open({ table, index, base: s, draft: sourceToDraft(s) }, key);
    }
  };
  const openNew = (table: TableName) =>
    open(
      table === 'entries'
        ? { table, index: null, base: null, draft: emptyEntryDraft() }
        : { table, index: null, base: null, draft: emptySourceDraft() },
      `${table}:add`,
    );
  const close = (table: TableName) => {
    setEditing(null);
    setTried(false);
    focusAfterRender(returnFocus.current, table);
  };

  // The form on the register as it is now (see rebase); what it shows, validates and saves.
  const rebased = editing === null ? null : rebase(editing, register);
  const form = rebased?.form ?? null;
  const at = rebased?.at ?? null;
  const validate = (f: Editing) =>
    f.table === 'entries'
      ? validateEntryDraft(register, f.draft, at, budgetLines)
      : validateSourceDraft(register, f.draft, at);
  const errors = !tried || form === null ? null : validate(form);

  const save = async () => {
    if (form === null) return;
    // From now on the form edits the row as it is now (the same state when it has not changed).
    if (form !== editing) setEditing(form);
    setTried(true);
    if (validate(form).length > 0) {
      setInvalidAttempt((n) => n + 1);
      return;
    }
    let written: boolean;
    if (form.table === 'entries') {
      const entry = draftToEntry(form.draft, form.base ?? undefined);
      written = await onWrite(putEntry(register, at, entry), { kind: 'save', name: entryName(entry) });
    } else {
      const source = draftToSource(form.draft, form.base ?? undefined);
      written = await onWrite(putSource(register, at, source), { kind: 'save', name: sourceName(source) });
    }
    if (written) close(form.table);
  };

  const askDelete = ({ table, index }: RegisterRow, name: string) => {
    returnFocus.current = `${table}:${index}:delete`;
    const base = table === 'entries' ? register.entries[index] : register.sources[index];
    setDeleting({ table, index, name, base });
    setDeletingName(name);
  };
  const confirmDelete = async () => {
    if (deleting === null) return;
    const { table, name } = deleting;
    setDeleting(null);
    const i = locateDeleting(register, deleting);
    const next =
      i === null ? null : table === 'entries' ? removeEntry(register, i) : removeSource(register, i);
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
    return (
      <div ref={root}>
        {form.table === 'entries' ? (
          <EntryForm
            {...common}
            heading={form.base ? t.reg.editEntry(entryName(form.base)) : t.reg.newEntry}
            draft={form.draft}
            budgetLines={budgetLines}
            onChange={(draft) => setEditing({ ...form, draft })}
            onCancel={() => close('entries')}
          />
        ) : (
          <SourceForm
            {...common}
            heading={form.base ? t.reg.editSource(sourceName(form.base)) : t.reg.newSource}
            draft={form.draft}
            onChange={(draft) => setEditing({ ...form, draft })}
            onCancel={() => close('sources')}
          />
        )}
      </div>
    );
  }

  return (
    <div ref={root} style={S.outcome}>
      {status(false)}
      <RegisterLists
        t={t}
        lang={lang}
        register={register}
        query={query}
        onQuery={setQuery}
        busy={busy}
        marked={marked}
        headingRefs={headingRefs}
        onAdd={openNew}
        onEdit={openRow}
        onDelete={askDelete}
      />
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
