/**
 * "Lag prosjektregister": the register the domain proposes from the budget and financing sheets
 * (proposeRegister), with each line's and source's guessed kind shown, why it was guessed and from
 * which cell, and changeable. Saving writes it as a new register sheet (basedOn null) and the pane
 * reconciles again; everything else about the rows is edited afterwards in the editor.
 */
import { Body1, Button, Field, Select, Subtitle2 } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { describe } from '../../domain/messages';
import { proposeRegister, type EntryGuess } from '../../domain/register/propose';
import type { EntryKind, Register, RegisterEntry, SourceKind } from '../../domain/register/types';
import type { WorkbookSnapshot } from '../../domain/snapshot';
import type { ReadOptions } from '../../excel/gateway';
import type { RegisterChange } from '../controller';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';
import { FocusHeading } from './FocusHeading';
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

const ENTRY_KINDS: readonly EntryKind[] = ['project', 'operations'];

export function ProposalForm({ t, lang, snapshot, options, busy, status, onWrite }: ProposalFormProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const proposal = useMemo(() => proposeRegister(snapshot, options), [snapshot, options]);
  const [entryKinds, setEntryKinds] = useState<readonly EntryKind[]>(() =>
    proposal.register.entries.map((e) => e.kind),
  );
  const [sourceKinds, setSourceKinds] = useState<readonly SourceKind[]>(() =>
    proposal.register.sources.map((s) => s.kind),
  );
  // A new read proposes anew (the kinds chosen belong to the rows of the old proposal).
  useEffect(() => {
    setEntryKinds(proposal.register.entries.map((e) => e.kind));
    setSourceKinds(proposal.register.sources.map((s) => s.kind));
  }, [proposal]);

  const { entries, sources } = proposal.register;
  const empty = entries.length === 0 && sources.length === 0;

  const save = () => {
    const register: Register = {
      ...proposal.register,
      entries: withIds(entries.map((e, i) => ({ ...e, kind: entryKinds[i] ?? e.kind }))),
      sources: sources.map((s, i) => ({ ...s, kind: sourceKinds[i] ?? s.kind })),
    };
    void onWrite(register, {
      kind: 'create',
      entries: register.entries.length,
      sources: register.sources.length,
    });
  };

  return (
    <section aria-labelledby={headingId} style={S.outcome}>
      <FocusHeading level={3} id={headingId} ref={headingRef}>
        {t.reg.proposalHeading}
      </FocusHeading>
      <Body1 as="p" style={S.plain}>
        {empty ? t.reg.proposalEmpty : t.reg.proposalIntro}
      </Body1>
      {entries.length > 0 && (
        <Group heading={t.reg.entriesHeading}>
          {entries.map((e, i) => {
            const guess = proposal.entryGuesses[i];
            const name = entryName(e);
            return (
              <li key={i}>
                <Field label={t.reg.kindFor(name)} hint={entryHint(t, e, guess)}>
                  <Select
                    value={entryKinds[i] ?? e.kind}
                    onChange={(_, data) =>
                      setEntryKinds((kinds) => kinds.map((k, j) => (j === i ? (data.value as EntryKind) : k)))
                    }
                  >
                    {ENTRY_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t.reg.entryKind[k]}
                      </option>
                    ))}
                  </Select>
                </Field>
              </li>
            );
          })}
        </Group>
      )}
      {sources.length > 0 && (
        <Group heading={t.reg.sourcesHeading}>
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
                    {SOURCE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t.reg.sourceKind[k]}
                      </option>
                    ))}
                  </Select>
                </Field>
              </li>
            );
          })}
        </Group>
      )}
      {proposal.findings.length > 0 && (
        <Group heading={t.reg.proposalNotes} bullets>
          {proposal.findings.map((f, i) => (
            <li key={i}>{describe(f, lang)}</li>
          ))}
        </Group>
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

/**
 * A line made a project here has no id (the proposal numbers only the lines it took for projects):
 * give it the next free placeholder (`P7`), as the proposal does, for the user to replace.
 */
function withIds(entries: readonly RegisterEntry[]): RegisterEntry[] {
  const used = new Set(entries.map((e) => e.id.toLowerCase()));
  let n = 0;
  return entries.map((e) => {
    if (e.kind !== 'project' || e.id !== '') return e;
    do n++;
    while (used.has(`p${n}`));
    used.add(`p${n}`);
    return { ...e, id: `P${n}` };
  });
}

function Group({ heading, bullets, children }: { heading: string; bullets?: boolean; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} style={S.stack}>
      <Subtitle2 as="h4" id={headingId} style={S.plain}>
        {heading}
      </Subtitle2>
      <ul style={bullets ? S.bullets : S.list} aria-labelledby={headingId}>
        {children}
      </ul>
    </section>
  );
}
