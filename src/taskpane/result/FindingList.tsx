import { Body1, Button, Caption1, Link, Subtitle2 } from '@fluentui/react-components';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { SEVERITY_ORDER, type Finding, type Severity } from '../../domain/findings';
import { SEVERITY_LABEL, describe } from '../../domain/messages';
import type { Explanation, ReviewedFinding } from '../../domain/review';
import { FailureMessage } from '../components/FailureMessage';
import { ListSection } from '../components/ListSection';
import type { Register } from '../../domain/register/types';
import type { RegisterWriteState, SelectionState } from '../../app/controller';
import { targetName, type RegisterRow } from '../register/names';
import { ExplainedSection, OrphanSection } from '../review/ExplainedSection';
import { OpenFindingReview, ExplainedReview } from '../review/FindingReview';
import type { ReviewHandlers } from '../review/types';
import { useReviewFocus } from '../review/useReviewFocus';
import type { Lang, Strings } from '../strings';
import { CELL_LINK_CLASS, CELL_LINK_CSS, SEVERITY_BORDER, S } from '../styles';
import { severityCounts } from '../summary';
import type { RegisterCell } from './registerCells';

/** A text marker per severity, so the groups differ by more than the colour of a border. */
const MARKER: Readonly<Record<Severity, string>> = { error: '✗', warning: '!', info: 'i' };

type SelectionFailure = Extract<SelectionState, { status: 'error' }>;
type WriteFailure = Extract<RegisterWriteState, { status: 'error' }>;

/** A label the register can learn as an alias, and the display name of what it would belong to. */
export interface AliasOffer {
  readonly label: string;
  readonly target: string;
}

export interface FindingListProps {
  readonly findings: readonly Finding[];
  readonly lang: Lang;
  readonly t: Strings;
  readonly selection: SelectionState;
  readonly onSelect: (ref: string) => void;
  /** Per finding (same order), the alias the register could learn from it; absent: none. */
  readonly aliases?: readonly (AliasOffer | null)[];
  readonly registerWrite?: RegisterWriteState;
  /** Learn the alias offered for the finding at this index. */
  readonly onAddAlias?: (index: number) => void;
  /** Whether a cell is on the register sheet, and in which of its rows (registerCells.ts). */
  readonly registerCell?: (ref: string) => RegisterCell | null;
  /** The register the run read: the names of the rows a register cell opens. */
  readonly register?: Register | null;
  /** Opens the register editor at this row (null: at its top). */
  readonly onOpenRegister?: (row: RegisterRow | null) => void;
  /** The findings' review (same order as `findings`), and how to explain one; absent: not offered. */
  readonly review?: FindingListReview;
}

export interface FindingListReview extends ReviewHandlers {
  readonly findings: readonly ReviewedFinding[];
  /** Explanations whose finding is not there now. */
  readonly orphans: readonly Explanation[];
}

/**
 * Every finding, grouped error → warning → info with counts. Each cell is a button that selects
 * it in Excel; focus stays on the button, and if Excel refuses, the failure appears right under
 * the finding that was clicked (and in the live region). A cell on the register sheet (very
 * hidden, edited in the pane) opens the register editor at its row instead.
 *
 * An open finding can be explained (its "Forklar" opens a form under it); explained findings are
 * listed apart, each with its reason and "Trekk tilbake". Items are keyed by the finding's key, so
 * that a new result of the same workbook (a live re-check) keeps the focus and the open forms.
 */
export function FindingList(props: FindingListProps) {
  const { findings, lang, t, selection, onSelect, aliases, registerWrite, onAddAlias } = props;
  const { registerCell, register, onOpenRegister, review } = props;
  const headingId = useId();
  const explainedHeadingId = useId();
  // The findings whose explain form is open, by key (a new result keeps them open).
  const [forms, setForms] = useState<ReadonlySet<string>>(() => new Set());
  const { explainButtons, refocus } = useReviewFocus(review?.reviewWrite, headingId, explainedHeadingId);
  // Which finding's cell was clicked last: where a selection failure is shown (by key, or index).
  const [clicked, setClicked] = useState<string | null>(null);
  // Which finding's alias was accepted last: where a failure to write it is shown.
  const [learned, setLearned] = useState<string | null>(null);
  const failure = selection !== null && selection.status === 'error' ? selection : null;
  const writing = registerWrite?.status === 'writing';
  const writeFailure =
    registerWrite?.status === 'error' && registerWrite.change.kind === 'alias' ? registerWrite : null;
  // An alias learned: the workbook was reconciled again and this list is new, without the finding
  // whose button had the focus. Put the focus on the list's heading rather than leave it nowhere.
  const aliasLearned = registerWrite?.status === 'done' && registerWrite.change.kind === 'alias';
  useEffect(() => {
    if (!aliasLearned) return;
    const active = document.activeElement;
    if (active === null || active === document.body) document.getElementById(headingId)?.focus();
  }, [aliasLearned, headingId]);
  const indexed = findings.map((finding, index) => ({ finding, index, reviewed: review?.findings[index] }));
  const open = indexed.filter((x) => x.reviewed?.status !== 'explained');
  const explained = indexed.filter((x) => x.reviewed?.status === 'explained');
  const setForm = (key: string, isOpen: boolean) =>
    setForms((current) => {
      const next = new Set(current);
      if (isOpen) next.add(key);
      else next.delete(key);
      return next;
    });
  /** The item of the finding at `index`, with its review part. */
  const item = (finding: Finding, index: number, reviewed: ReviewedFinding | undefined) => {
    // Stays with its finding when a new result (a live re-check) moves it in the list.
    const id = reviewed?.key ?? `#${index}`;
    return (
      <FindingItem
        key={id}
        finding={finding}
        lang={lang}
        t={t}
        failure={clicked === id ? failure : null}
        onSelect={(ref) => {
          setClicked(id);
          onSelect(ref);
        }}
        alias={aliases?.[index] ?? null}
        writing={writing}
        writeFailure={learned === id ? writeFailure : null}
        onAddAlias={() => {
          setLearned(id);
          onAddAlias?.(index);
        }}
        registerCell={registerCell}
        register={register ?? null}
        onOpenRegister={onOpenRegister}
        review={
          review && reviewed
            ? (messageId) =>
                reviewed.status === 'explained' && reviewed.explanation ? (
                  <ExplainedReview
                    t={t}
                    lang={lang}
                    handlers={review}
                    messageId={messageId}
                    reviewKey={reviewed.key}
                    explanation={reviewed.explanation}
                  />
                ) : (
                  <OpenFindingReview
                    t={t}
                    lang={lang}
                    handlers={review}
                    messageId={messageId}
                    reviewed={reviewed}
                    formOpen={forms.has(reviewed.key)}
                    onOpenForm={() => setForm(reviewed.key, true)}
                    onCloseForm={(focusButton) => {
                      setForm(reviewed.key, false);
                      if (focusButton) refocus(reviewed.key);
                    }}
                    buttonRef={(el) => {
                      if (el) explainButtons.current.set(reviewed.key, el);
                      else explainButtons.current.delete(reviewed.key);
                    }}
                  />
                )
            : undefined
        }
      />
    );
  };
  return (
    <section aria-labelledby={headingId} style={S.outcome}>
      {/* The cells' focus mark: inline styles cannot say :focus-visible (styles.ts). */}
      <style>{CELL_LINK_CSS}</style>
      <Subtitle2 as="h2" id={headingId} tabIndex={-1} style={S.plain}>
        {t.findingsHeading}
      </Subtitle2>
      <Body1 as="p" style={S.plain}>
        {findings.length === 0 ? t.noFindings : `${t.findingCount(severityCounts(findings))}.`}
        {explained.length > 0 && ` ${t.review.explainedCount(explained.length)}`}
      </Body1>
      {SEVERITY_ORDER.map((severity) => {
        const group = open.filter((x) => x.finding.severity === severity);
        if (group.length === 0) return null;
        return (
          <ListSection
            key={severity}
            level="h3"
            heading={`${MARKER[severity]} ${SEVERITY_LABEL[lang][severity]} (${group.length})`}
          >
            {group.map(({ finding, index, reviewed }) => item(finding, index, reviewed))}
          </ListSection>
        );
      })}
      {explained.length > 0 && (
        <ExplainedSection t={t} headingId={explainedHeadingId} count={explained.length}>
          {explained.map(({ finding, index, reviewed }) => item(finding, index, reviewed))}
        </ExplainedSection>
      )}
      {review && review.orphans.length > 0 && (
        <OrphanSection t={t} lang={lang} orphans={review.orphans} handlers={review} />
      )}
    </section>
  );
}

interface FindingItemProps {
  readonly finding: Finding;
  readonly lang: Lang;
  readonly t: Strings;
  readonly failure: SelectionFailure | null;
  readonly onSelect: (ref: string) => void;
  readonly alias: AliasOffer | null;
  /** A register write is under way: the alias button is inert (but keeps focus). */
  readonly writing: boolean;
  readonly writeFailure: WriteFailure | null;
  readonly onAddAlias: () => void;
  readonly registerCell: FindingListProps['registerCell'];
  readonly register: Register | null;
  readonly onOpenRegister: FindingListProps['onOpenRegister'];
  /** The finding's review part (Forklar, or its explanation), given its message's id. */
  readonly review?: (messageId: string) => ReactNode;
}

/**
 * One finding: its message, its code (for support and the CLI's --json), its cells as buttons,
 * and for an unknown label close to a register name, the button that records it as an alias.
 */
function FindingItem(props: FindingItemProps) {
  const { finding, lang, t, failure, onSelect, alias, writing, writeFailure, onAddAlias } = props;
  const { registerCell, register, onOpenRegister } = props;
  const messageId = useId();
  /** A cell on a sheet Excel shows: selected there; on the register sheet: the editor at its row. */
  const cellAction = (ref: string): { label: string; go: () => void } => {
    const inRegister = onOpenRegister ? (registerCell?.(ref) ?? null) : null;
    if (inRegister === null || !onOpenRegister) return { label: t.goToCell(ref), go: () => onSelect(ref) };
    const { row } = inRegister;
    const name = row === null || register === null ? '' : targetName(register, row);
    return name === ''
      ? { label: t.openRegisterAt(ref), go: () => onOpenRegister(null) }
      : { label: t.openInRegister(name, ref), go: () => onOpenRegister(row) };
  };
  return (
    <li style={{ ...S.finding, borderInlineStartColor: SEVERITY_BORDER[finding.severity] }}>
      <Body1 as="p" id={messageId} style={S.plain}>
        {describe(finding, lang)}
      </Body1>
      <div style={S.rowTight}>
        <Caption1>{finding.code}</Caption1>
        {finding.cells.length > 0 && (
          <span role="group" aria-label={t.cellsLabel} style={S.rowTight}>
            {finding.cells.map((ref) => {
              const { label, go } = cellAction(ref);
              return (
                <Link
                  key={ref}
                  as="button"
                  inline
                  className={CELL_LINK_CLASS}
                  aria-label={label}
                  onClick={go}
                >
                  {ref}
                </Link>
              );
            })}
          </span>
        )}
      </div>
      {alias && (
        <Button
          size="small"
          disabledFocusable={writing}
          aria-describedby={messageId}
          onClick={onAddAlias}
          style={S.start}
        >
          {t.reg.addAlias(alias.target)}
        </Button>
      )}
      {failure && <FailureMessage t={t} failure={failure.failure} title={t.selectFailed(failure.ref)} />}
      {writeFailure && <FailureMessage t={t} failure={writeFailure.failure} title={t.reg.writeFailed} />}
      {props.review?.(messageId)}
    </li>
  );
}
