/**
 * The pane's texts for reviewing a reconciliation (issue 17): explaining findings, signing off,
 * live re-check. What the review itself says (statuses, who explained and when, the sign-off
 * state, refusals, the log's problems, "1 funn løst, 1 nytt") comes from the domain's catalog
 * (src/domain/review/text.ts), shared with the CLI and the reconciliation sheet.
 */
import type { Catalog } from '../../domain/messages';
import type { ReviewAction } from '../../app/controller';

type ActionKind = ReviewAction['kind'];

export interface ReviewStrings {
  /** The button on an open finding, and the inline form it opens. */
  readonly explain: string;
  readonly explainForm: string;
  readonly reasonLabel: string;
  readonly reasonHint: string;
  readonly saveExplanation: string;
  readonly cancel: string;
  /** Under a stale finding: the reason given before its figures changed. */
  readonly oldReason: (reason: string) => string;
  /** The explained findings, listed apart from the open ones. */
  readonly explainedHeading: (n: number) => string;
  readonly explainedCount: (n: number) => string;
  readonly reason: (reason: string) => string;
  readonly withdraw: string;
  readonly withdrawForm: string;
  /** The reviewer's name: remembered on this machine, recorded with explanations and sign-offs. */
  readonly nameLabel: string;
  readonly nameHint: string;
  /** Signing off. */
  readonly signOffHeading: string;
  readonly signOffButton: string;
  readonly historyHeading: string;
  /** Writing the review log: progress, outcome, failure (also in the live region). */
  readonly writing: Readonly<Record<ActionKind, string>>;
  readonly written: Readonly<Record<ActionKind, string>>;
  readonly writeFailed: Readonly<Record<ActionKind, string>>;
  /** The review log's sheet could not be read as it should. */
  readonly problemsTitle: string;
  /** Live re-check. */
  readonly liveSwitch: string;
  readonly liveHint: string;
  readonly liveUnsupported: string;
  readonly reconcileAgain: string;
  readonly livePending: string;
  /** The live region after a run that follows another: what changed. */
  readonly changesSince: (changes: string) => string;
  readonly noChanges: string;
}

const NB: ReviewStrings = {
  explain: 'Forklar',
  explainForm: 'Forklar funnet',
  reasonLabel: 'Begrunnelse',
  reasonHint:
    'Hvorfor funnet er i orden, for eksempel et vedtak eller en avtale. Lagres i arbeidsboken sammen med navnet ditt.',
  saveExplanation: 'Lagre forklaring',
  cancel: 'Avbryt',
  oldReason: (reason) => `Forrige forklaring: «${reason}»`,
  explainedHeading: (n) => `Forklarte funn (${n})`,
  explainedCount: (n) => `${n} forklart.`,
  reason: (reason) => `«${reason}»`,
  withdraw: 'Trekk tilbake',
  withdrawForm: 'Trekk tilbake forklaringen',
  nameLabel: 'Ditt navn',
  nameHint: 'Huskes på denne maskinen, og lagres med forklaringene og godkjenningene dine.',
  signOffHeading: 'Godkjenning',
  signOffButton: 'Godkjenn avstemmingen',
  historyHeading: 'Tidligere godkjenninger',
  writing: {
    explain: 'Lagrer forklaringen …',
    withdraw: 'Trekker tilbake forklaringen …',
    signOff: 'Lagrer godkjenningen …',
  },
  written: {
    explain: 'Forklaringen er lagret. Funnet står under Forklarte funn.',
    withdraw: 'Forklaringen er trukket tilbake. Funnet er åpent igjen.',
    signOff: 'Avstemmingen er godkjent.',
  },
  writeFailed: {
    explain: 'Kunne ikke lagre forklaringen',
    withdraw: 'Kunne ikke trekke tilbake forklaringen',
    signOff: 'Kunne ikke lagre godkjenningen',
  },
  problemsTitle: 'Avstemmingsloggen har feil',
  liveSwitch: 'Avstem automatisk ved endringer',
  liveHint: 'Avstemmer på nytt litt etter at budsjettet, finansieringen eller registeret er endret.',
  liveUnsupported: 'Denne Excel-versjonen kan ikke avstemme automatisk ved endringer.',
  reconcileAgain: 'Avstem på nytt',
  livePending: 'Arbeidsboken er endret: avstemmer på nytt …',
  changesSince: (changes) => `Siden forrige avstemming: ${changes}.`,
  noChanges: 'Ingen endringer i funnene siden forrige avstemming.',
};

const EN: ReviewStrings = {
  explain: 'Explain',
  explainForm: 'Explain the finding',
  reasonLabel: 'Reason',
  reasonHint:
    'Why the finding is in order, for example a decision or an agreement. Kept in the workbook with your name.',
  saveExplanation: 'Save explanation',
  cancel: 'Cancel',
  oldReason: (reason) => `Earlier explanation: «${reason}»`,
  explainedHeading: (n) => `Explained findings (${n})`,
  explainedCount: (n) => `${n} explained.`,
  reason: (reason) => `«${reason}»`,
  withdraw: 'Withdraw',
  withdrawForm: 'Withdraw the explanation',
  nameLabel: 'Your name',
  nameHint: 'Remembered on this computer, and recorded with your explanations and sign-offs.',
  signOffHeading: 'Sign-off',
  signOffButton: 'Sign off the reconciliation',
  historyHeading: 'Earlier sign-offs',
  writing: {
    explain: 'Saving the explanation …',
    withdraw: 'Withdrawing the explanation …',
    signOff: 'Saving the sign-off …',
  },
  written: {
    explain: 'The explanation is saved. The finding is listed under Explained findings.',
    withdraw: 'The explanation is withdrawn. The finding is open again.',
    signOff: 'The reconciliation is signed off.',
  },
  writeFailed: {
    explain: 'Could not save the explanation',
    withdraw: 'Could not withdraw the explanation',
    signOff: 'Could not save the sign-off',
  },
  problemsTitle: 'The review log has problems',
  liveSwitch: 'Reconcile automatically on changes',
  liveHint: 'Reconciles again shortly after the budget, the financing or the register is changed.',
  liveUnsupported: 'This version of Excel cannot reconcile automatically on changes.',
  reconcileAgain: 'Reconcile again',
  livePending: 'The workbook changed: reconciling again …',
  changesSince: (changes) => `Since the last reconciliation: ${changes}.`,
  noChanges: 'No changes in the findings since the last reconciliation.',
};

export const REVIEW_STRINGS: Catalog<ReviewStrings> = { nb: NB, en: EN };
