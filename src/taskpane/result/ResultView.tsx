/**
 * The result of a run: per-year totals, the findings, the projects without money. Loaded as its
 * own chunk (with the domain's messages and amount formatting) on the first run or when the
 * browser is idle, so the first screen stays small.
 */
import { Subtitle2 } from '@fluentui/react-components';
import { useId, useMemo } from 'react';
import type { Finding } from '../../domain/findings';
import type { ReconciliationResult } from '../../domain/reconcile/result';
import { addAlias, aliasSuggestion } from '../../domain/register/edit/aliases';
import type { Register } from '../../domain/register/types';
import type { WorkbookSnapshot } from '../../domain/snapshot';
import type {
  InsertKind,
  InsertState,
  RegisterChange,
  RegisterWriteState,
  SelectionState,
} from '../../app/controller';
import { targetName, type RegisterRow } from '../register/names';
import { LiveControl } from '../review/LiveControl';
import { ReviewProblems } from '../review/ReviewProblems';
import { SignOffSection } from '../review/SignOffSection';
import type { ReviewControls } from '../review/types';
import { useReviewer } from '../review/useReviewer';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';
import { FindingList, type AliasOffer } from './FindingList';
import { InsertSection, type ProjectChoice } from './InsertSection';
import { NonMoneyProjects } from './NonMoneyProjects';
import { registerCells } from './registerCells';
import { YearTable } from './YearTable';

export interface ResultViewProps {
  readonly result: ReconciliationResult;
  readonly lang: Lang;
  readonly t: Strings;
  readonly selection: SelectionState;
  readonly onSelect: (ref: string) => void;
  /** The last insert of outputs. */
  readonly insert: InsertState;
  /** What inserting does to Excel's undo history; null once an insert has succeeded. */
  readonly insertNote: string | null;
  readonly onInsert: (kind: InsertKind, project?: number) => void;
  /** The register the run read (or this pane last wrote): where a finding's label can become an alias. */
  readonly register: Register | null;
  readonly registerWrite: RegisterWriteState;
  readonly onWriteRegister: (register: Register, change: RegisterChange) => void;
  /** What the run read: where the register's rows are, for findings' cells on the register sheet. */
  readonly snapshot: WorkbookSnapshot | null;
  /** Opens the register editor at a row (null: at its top), for a finding's cell on the register sheet. */
  readonly onOpenRegister: (row: RegisterRow | null) => void;
  /** Explaining findings, signing off, live re-check; absent: not offered. */
  readonly review?: ReviewControls;
}

/** The codes whose label the register can learn as an alias of the entry or source suggested. */
const LEARNABLE = new Set<Finding['code']>(['UNKNOWN_LINE', 'UNKNOWN_EARMARK', 'UNKNOWN_SOURCE']);

type Offer = AliasOffer & { readonly suggestion: NonNullable<ReturnType<typeof aliasSuggestion>> };

/** Per finding, the alias the register could learn from it, or null. */
function aliasOffers(findings: readonly Finding[], register: Register | null): readonly (Offer | null)[] {
  if (register === null) return findings.map(() => null);
  return findings.map((f) => {
    if (!LEARNABLE.has(f.code)) return null;
    const suggestion = aliasSuggestion(register, f);
    return suggestion === null
      ? null
      : { label: suggestion.label, target: targetName(register, suggestion.target), suggestion };
  });
}

/** The register's projects, in register order (each gets a card; duplicate ids too). */
function projectChoices(result: ReconciliationResult): ProjectChoice[] {
  return result.projects.map((p) => ({ entry: p.entry, id: p.fields.id, name: p.fields.name }));
}

export function ResultView(props: ResultViewProps) {
  const { result, lang, t, selection, onSelect, register, onWriteRegister } = props;
  const headingId = useId();
  const offers = useMemo(() => aliasOffers(result.findings, register), [result.findings, register]);
  const { snapshot, review } = props;
  // The reviewer's name, remembered on this machine: explanations and sign-offs are made in it.
  const [name, setName] = useReviewer();
  const registerSheet = result.sources.registerSheet;
  const inRegister = useMemo(() => registerCells(snapshot, registerSheet), [snapshot, registerSheet]);
  const learnAlias = (index: number) => {
    const offer = offers[index];
    if (!offer || register === null) return;
    const { label, target } = offer.suggestion;
    onWriteRegister(addAlias(register, target, label), { kind: 'alias', label, target: offer.target });
  };
  const reviewed = review ? result.review : null;
  return (
    <div style={S.result}>
      {review && (
        <LiveControl t={t} live={review.live} onSetLive={review.onSetLive} onReconcile={review.onReconcile} />
      )}
      {reviewed && <ReviewProblems t={t} lang={lang} problems={reviewed.problems} />}
      {result.years.length > 0 && (
        <section aria-labelledby={headingId} style={S.outcome}>
          <Subtitle2 as="h2" id={headingId} style={S.plain}>
            {t.resultHeading}
          </Subtitle2>
          {result.years.map((year) => {
            const totals = result.totals[year];
            return totals ? <YearTable key={year} year={year} totals={totals} lang={lang} t={t} /> : null;
          })}
        </section>
      )}
      <InsertSection
        t={t}
        projects={projectChoices(result)}
        insert={props.insert}
        note={props.insertNote}
        onInsert={props.onInsert}
      />
      <FindingList
        findings={result.findings}
        lang={lang}
        t={t}
        selection={selection}
        onSelect={onSelect}
        aliases={offers}
        registerWrite={props.registerWrite}
        onAddAlias={learnAlias}
        registerCell={inRegister}
        register={register}
        onOpenRegister={props.onOpenRegister}
        review={
          review && reviewed
            ? {
                findings: reviewed.findings,
                orphans: reviewed.orphans,
                reviewWrite: review.reviewWrite,
                name,
                onNameChange: setName,
                onExplain: review.onExplain,
                onWithdraw: review.onWithdraw,
                onDismiss: review.onDismissReviewWrite,
              }
            : undefined
        }
      />
      <NonMoneyProjects projects={result.nonMoneyProjects} t={t} />
      {review && reviewed && (
        <SignOffSection
          t={t}
          lang={lang}
          review={reviewed}
          reviewWrite={review.reviewWrite}
          name={name}
          onNameChange={setName}
          onSignOff={(by) => void review.onSignOff(by)}
          onDismiss={review.onDismissReviewWrite}
        />
      )}
    </div>
  );
}
