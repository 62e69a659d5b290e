/**
 * The review of a reconciliation: what a finance officer adds to the findings
 * (explanations, sign-offs) and the small input the review is computed from.
 *
 * `ReviewInput` is deliberately the review's own shape, not the
 * reconciliation result: whoever calls the review maps the result onto it
 * (years, totals, findings, and the values of the budget, financing and
 * register), so the review does not move when the result's contract does.
 * Amounts are øre (`Ore`), as everywhere in the domain.
 */
import type { Ore } from '../amount';
import type { Finding } from '../findings';

/** Budget and financing of one year, as reconciled. */
export interface ReviewYearTotals {
  readonly budget: Ore;
  readonly financing: Ore;
}

/**
 * One line of the budget or the financing sheet: its label and its amount per year. An
 * earmarked financing row is best labelled with its source (`Innovasjon Norge / Etablerertjenester`),
 * so that a row moved from one funder's group to another counts as a change.
 */
export interface ReviewLine {
  readonly label: string;
  readonly amounts: Readonly<Record<number, Ore>>;
}

/** One register row (a project, an operations line or a source): a key and its stored values in column order. */
export interface ReviewRegisterItem {
  /** `1.2`, or a name for a row without id, or `source:SNR`: whatever names it for the user. */
  readonly key: string;
  readonly values: readonly (string | number | boolean | null)[];
}

/** What the review needs from a reconciliation. */
export interface ReviewInput {
  readonly years: readonly number[];
  readonly totals: Readonly<Record<number, ReviewYearTotals>>;
  readonly findings: readonly Finding[];
  readonly budget: readonly ReviewLine[];
  readonly financing: readonly ReviewLine[];
  readonly register: readonly ReviewRegisterItem[];
}

/** Which of the three sources a signed value comes from. */
export type ValuePart = 'budget' | 'financing' | 'register';
export const VALUE_PARTS: readonly ValuePart[] = ['budget', 'financing', 'register'];

/**
 * An entry in the explanations log. The latest entry per finding key (by `at`) is the one that
 * counts; a `withdrawn` entry takes an explanation back.
 */
export interface Explanation {
  readonly key: string;
  readonly action: 'explained' | 'withdrawn';
  /** Required when explained; empty when withdrawn. Kept exactly as typed (trimmed once, when made). */
  readonly reason: string;
  /** The finding's figures when it was explained (`findingFigures`): when they differ now, it is stale. */
  readonly figures: string;
  readonly by: string;
  /** ISO 8601 with the writer's offset: `2024-03-05T10:12:00+01:00` (see time.ts). */
  readonly at: string;
  /** Values of columns this version does not know, by header: written back unchanged. */
  readonly extra?: Readonly<Record<string, RawCell>>;
}

/** A signed value: the label (shortened when long) and a short hash of its values. */
export interface SignedValue {
  readonly part: ValuePart;
  readonly label: string;
  readonly hash: string;
}

/** One sign-off ("Godkjenn avstemmingen"). Appended, never rewritten. */
export interface SignOff {
  readonly by: string;
  readonly at: string;
  /** `reviewFingerprint` of the budget, financing and register values signed. */
  readonly fingerprint: string;
  /** Findings open (stale included) and explained when it was signed. */
  readonly open: number;
  readonly explained: number;
  readonly totals: readonly ({ readonly year: number } & ReviewYearTotals)[];
  /** Every line and register row signed, to say what changed; null when too many to store. */
  readonly values: readonly SignedValue[] | null;
  readonly extra?: Readonly<Record<string, RawCell>>;
}

/** A cell as stored: text or a number (empty cells are left out). */
export type RawCell = string | number;

/** A row the reader could not use, by header, kept to be written back unchanged. */
export type RawRow = Readonly<Record<string, RawCell>>;

export type ReviewTable = 'explanations' | 'signOffs';

/** What the review sheet holds, decoded. */
export interface ReviewState {
  readonly formatVersion: number;
  /** A newer format or content this version does not understand: shown as a problem, never written. */
  readonly readOnly: boolean;
  readonly explanations: readonly Explanation[];
  readonly signOffs: readonly SignOff[];
  readonly unread: Readonly<Record<ReviewTable, readonly RawRow[]>>;
  /** Headers this version does not know, in sheet order, per table. */
  readonly extraColumns: Readonly<Record<ReviewTable, readonly string[]>>;
}

export const REVIEW_FORMAT_VERSION = 1;

export function emptyReviewState(): ReviewState {
  return {
    formatVersion: REVIEW_FORMAT_VERSION,
    readOnly: false,
    explanations: [],
    signOffs: [],
    unread: { explanations: [], signOffs: [] },
    extraColumns: { explanations: [], signOffs: [] },
  };
}
