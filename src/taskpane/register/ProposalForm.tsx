/**
 * "Lag prosjektregister": the register the domain proposes from the budget and financing sheets
 * (proposeRegister), with each line's and source's guessed kind shown, why it was guessed and from
 * which cell, and changeable. A project's id is editable too: the proposal numbers its projects
 * P1, P2, … as placeholders for the plan's own project numbers (1.1a), and says so. Saving checks
 * the ids (each project has one, no two alike), then writes the register as a new register sheet
 * (basedOn null) and the pane reconciles again; the rest of each row is edited afterwards in the
 * editor.
 */
import { Body1, Button, Caption1, Field, Select } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { describe } from '../../domain/messages';
import type { FieldError } from '../../domain/register/edit/fieldErrors';
import { fieldErrorMessage } from '../../domain/register/edit/fieldMessages';
import { proposeRegister, type EntryGuess } from '../../domain/register/propose';
import type { EntryKind, Register, RegisterEntry, SourceKind } from '../../domain/register/types';
import type { WorkbookSnapshot } from '../../domain/snapshot';
import type { ReadOptions } from '../../excel/gateway';
import type { RegisterChange } from '../../app/controller';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';
import { ListSection } from '../components/ListSection';
import { FocusHeading } from './FocusHeading';
import { ENTRY_KINDS } from './EntryForm';
import { TextField, kindOptions } from './formParts';
import { entryName } from './names';
import { SOURCE_KINDS } from './SourceForm';

export interface ProposalFormProps {
  readonly t: Strings;
  readonly lang: Lang;
  readonly snapshot: WorkbookSnapshot;
  readonly options: ReadOptions;
  readonly busy: boolean;
  readonly status: ReactNode;
  readonly onWrite: (register: Register, change: RegisterChange) => Promise<boolean>;
}

/** A budget line as the proposal's form holds it: its kind and its id (as typed). */
interface Line {
  readonly kind: EntryKind;
  readonly id: string;
}

export function ProposalForm({ t, lang, snapshot, options, busy, status, onWrite }: ProposalFormProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const root = useRef<HTMLElement>(null);
  const proposal = useMemo(() => proposeRegister(snapshot, options), [snapshot, options]);
  const [lines, setLines] = useState<readonly Line[]>(() => linesOf(proposal.register.entries));
  const [sourceKinds, setSourceKinds] = useState<readonly SourceKind[]>(() =>
    proposal.register.sources.map((s) => s.kind),
  );
  // Whether Save was tried: the ids' messages are shown from then on.
  const [tried, setTried] = useState(false);
  const [invalidAttempt, setInvalidAttempt] = useState(0);
  // A new read proposes anew (the kinds and ids chosen belong to the rows of the old proposal).
  useEffect(() => {
    setLines(linesOf(proposal.register.entries));
    setSourceKinds(proposal.register.sources.map((s) => s.kind));
    setTried(false);
  }, [proposal]);
  // After a Save the ids did not pass: the first wrong id takes the focus.
  useEffect(() => {
    if (invalidAttempt > 0) root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalidAttempt]);

  const { entries, sources } = proposal.register;
  const empty = entries.length === 0 && sources.length === 0;
  const held = linesFor(entries, lines);
  // The entries as they will be saved (the ids as typed; trimmed on save).
  const current = entries.map((e, i) => ({ ...e, ...held[i] }));
  const idErrors = validateIds(current);
  const shownErrors = tried ? idErrors : new Map<number, FieldError>();
  const hasProjects = current.some((e) => e.kind === 'project');

  const setKind = (i: number, kind: EntryKind) =>
    setLines((ls) => {
      const all = linesFor(entries, ls);
      // Operations lines have no id; a line made a project gets the lowest placeholder not in use.
      const id = kind === 'operations' ? '' : all[i].kind === 'project' ? all[i].id : freePlaceholder(all);
      return all.map((l, j) => (j === i ? { kind, id } : l));
    });
  const setId = (i: number, id: string) =>
    setLines((ls) => linesFor(entries, ls).map((l, j) => (j === i ? { ...l, id } : l)));

  const save = () => {
    setTried(true);
    if (idErrors.size > 0) {
      setInvalidAttempt((n) => n + 1);
      return;
    }
    const register: Register = {
      ...proposal.register,
      entries: current.map((e) => ({ ...e, id: e.id.trim() })),
      sources: sources.map((s, i) => ({ ...s, kind: sourceKinds[i] ?? s.kind })),
    };
    void onWrite(register, {
      kind: 'create',
      entries: register.entries.length,
      sources: register.sources.length,
    });
  };

  return (
    <section ref={root} aria-labelledby={headingId} style={S.outcome}>
      <FocusHeading level={3} id={headingId} ref={headingRef}>
        {t.reg.proposalHeading}
      </FocusHeading>
      <Body1 as="p" style={S.plain}>
        {empty ? t.reg.proposalEmpty : t.reg.proposalIntro}
      </Body1>
      {entries.length > 0 && (
        <ListSection
          level="h4"
          heading={t.reg.entriesHeading}
          intro={hasProjects ? <Caption1 block>{t.reg.placeholderIds}</Caption1> : undefined}
        >
          {current.map((e, i) => {
            const guess = proposal.entryGuesses[i];
            const error = shownErrors.get(i);
            return (
              <li key={i} style={S.stack}>
                <Field label={t.reg.kindFor(entryName(e))} hint={entryHint(t, entries[i], guess)}>
                  <Select value={e.kind} onChange={(_, data) => setKind(i, data.value as EntryKind)}>
                    {kindOptions(ENTRY_KINDS, t.reg.entryKind)}
                  </Select>
                </Field>
                {e.kind === 'project' && (
                  <TextField
                    label={t.reg.idFor(e.name)}
                    value={e.id}
                    required
                    error={error ? fieldErrorMessage(error, lang) : undefined}
                    onChange={(id) => setId(i, id)}
                  />
                )}
              </li>
            );
          })}
        </ListSection>
      )}
      {sources.length > 0 && (
        <ListSection level="h4" heading={t.reg.sourcesHeading}>
          {sources.map((s, i) => {
            const guess = proposal.sourceGuesses[i];
            return (
              <li key={i}>
                <Field
                  label={t.reg.kindFor(s.name)}
                  hint={guess ? t.reg.sourceGuess(guess.reason, guess.cell) : undefined}
                >
                  <Select
                    value={sourceKinds[i] ?? s.kind}
                    onChange={(_, data) =>
                      setSourceKinds((kinds) =>
                        kinds.map((k, j) => (j === i ? (data.value as SourceKind) : k)),
                      )
                    }
                  >
                    {kindOptions(SOURCE_KINDS, t.reg.sourceKind)}
                  </Select>
                </Field>
              </li>
            );
          })}
        </ListSection>
      )}
      {proposal.findings.length > 0 && (
        <ListSection level="h4" heading={t.reg.proposalNotes} bullets>
          {proposal.findings.map((f, i) => (
            <li key={i}>{describe(f, lang)}</li>
          ))}
        </ListSection>
      )}
      {tried && idErrors.size > 0 && (
        <p role="alert" style={{ ...S.plain, ...S.errorText }}>
          {t.reg.formErrors(idErrors.size)}
        </p>
      )}
      <Button appearance="primary" disabledFocusable={busy || empty} onClick={save} style={S.start}>
        {busy ? t.reg.saving : t.reg.saveProposal}
      </Button>
      {status}
    </section>
  );
}

/** The guess and where it came from, and the financing sheet's spellings taken as aliases. */
function entryHint(t: Strings, e: RegisterEntry, guess: EntryGuess | undefined): string | undefined {
  const parts = [
    ...(guess ? [t.reg.entryGuess(guess.reason, guess.cell)] : []),
    ...(e.aliases.length > 0 ? [t.reg.aliasesSummary(e.aliases)] : []),
  ];
  return parts.length > 0 ? parts.join('. ') : undefined;
}

function linesOf(entries: readonly RegisterEntry[]): Line[] {
  return entries.map((e) => ({ kind: e.kind, id: e.kind === 'project' ? e.id : '' }));
}

/** The lines held for the proposal's entries (the proposal's own where none is held yet). */
function linesFor(entries: readonly RegisterEntry[], lines: readonly Line[]): Line[] {
  const proposed = linesOf(entries);
  return proposed.map((p, i) => lines[i] ?? p);
}

/** Ids compare as the register compares them: without regard to case and spaces. */
const idKey = (id: string) => id.toLowerCase().replace(/\s+/g, '');

/** The lowest placeholder (`P3`) that no line has as its id. */
function freePlaceholder(lines: readonly Line[]): string {
  const used = new Set(lines.map((l) => idKey(l.id)));
  let n = 1;
  while (used.has(`p${n}`)) n++;
  return `P${n}`;
}

/**
 * The ids' errors by line: a project without an id, or an id another line has too (each such
 * line names the first other one that has it).
 */
function validateIds(entries: readonly RegisterEntry[]): Map<number, FieldError> {
  const errors = new Map<number, FieldError>();
  entries.forEach((e, i) => {
    const id = e.id.trim();
    if (id === '') {
      if (e.kind === 'project') errors.set(i, { field: 'id', code: 'required' });
      return;
    }
    const other = entries.findIndex((o, j) => j !== i && o.id.trim() !== '' && idKey(o.id) === idKey(id));
    if (other >= 0) {
      const o = entries[other];
      errors.set(i, {
        field: 'id',
        code: 'duplicateId',
        params: { text: id, other: entryName({ id: o.id.trim(), name: o.name }) },
      });
    }
  });
  return errors;
}
