/**
 * The texts the outputs write about the review (issue 17): the counts and the sign-off block at the
 * top of the reconciliation sheet, a finding's explanation, and the summary's sign-off history, in
 * bokmål and English. The review's own wordings (statuses, `Godkjent av … den …`, what changed) come
 * from domain/review's catalog (`reviewText`); this one holds what only the sheets say.
 */
import { DATE_NAMES } from '../display/dateNames';
import type { Catalog, Lang } from '../messages';

export interface ReviewOutputText {
  /** Label of the row that counts the findings. */
  readonly findingsLabel: string;
  /** `3 åpne funn, 1 forklart`, and how many of the open ones changed since they were explained. */
  readonly findingCounts: (open: number, explained: number, stale: number) => string;
  /** Label of the sign-off block. */
  readonly signOffLabel: string;
  /** A signed-off line with the counts signed: `Godkjent av … den …: 1 åpent funn, 3 forklart`. */
  readonly signedWithCounts: (signedOff: string, counts: string) => string;
  /** A finding's explanation cell: `Forklart: <reason> (Kari Nordmann, 5. mars 2024)`. */
  readonly explained: (status: string, reason: string, by: string, when: string) => string;
  /** The day an explanation was given, as its writer's calendar showed it: `5. mars 2024`. */
  readonly day: (year: number, month: number, day: number) => string;
  /** The summary's section of sign-offs. */
  readonly signOffsTitle: string;
  readonly signedBy: string;
  readonly signedAt: string;
  readonly openFindings: string;
  readonly explainedFindings: string;
  readonly yearTotals: string;
  /** One year of a sign-off's totals: `2010: 3 430 000 / 3 430 000`. */
  readonly yearTotal: (year: number, budget: string, financing: string) => string;
  readonly noSignOffs: string;
}

const NB: ReviewOutputText = {
  findingsLabel: 'Funn',
  findingCounts: (open, explained, stale) =>
    `${open} ${open === 1 ? 'åpent funn' : 'åpne funn'}, ${explained} forklart${
      stale > 0 ? ` (${stale} av de åpne er endret etter forklaringen)` : ''
    }`,
  signOffLabel: 'Godkjenning',
  signedWithCounts: (signedOff, counts) => `${signedOff}: ${counts}`,
  explained: (status, reason, by, when) => `${status}: ${reason} (${by}, ${when})`,
  day: (year, month, day) => `${day}. ${DATE_NAMES.nb.months[month - 1]} ${year}`,
  signOffsTitle: 'Godkjenninger',
  signedBy: 'Godkjent av',
  signedAt: 'Tidspunkt',
  openFindings: 'Åpne funn',
  explainedFindings: 'Forklart',
  yearTotals: 'Budsjett / finansiering per år',
  yearTotal: (year, budget, financing) => `${year}: ${budget} / ${financing}`,
  noSignOffs: 'Avstemmingen er ikke godkjent ennå.',
};

const EN: ReviewOutputText = {
  findingsLabel: 'Findings',
  findingCounts: (open, explained, stale) =>
    `${open} open ${open === 1 ? 'finding' : 'findings'}, ${explained} explained${
      stale > 0 ? ` (${stale} of the open ones changed since explained)` : ''
    }`,
  signOffLabel: 'Sign-off',
  signedWithCounts: (signedOff, counts) => `${signedOff}: ${counts}`,
  explained: (status, reason, by, when) => `${status}: ${reason} (${by}, ${when})`,
  day: (year, month, day) => `${day} ${DATE_NAMES.en.months[month - 1]} ${year}`,
  signOffsTitle: 'Sign-offs',
  signedBy: 'Signed off by',
  signedAt: 'When',
  openFindings: 'Open findings',
  explainedFindings: 'Explained',
  yearTotals: 'Budget / financing per year',
  yearTotal: (year, budget, financing) => `${year}: ${budget} / ${financing}`,
  noSignOffs: 'The reconciliation has not been signed off yet.',
};

const REVIEW_OUTPUT_TEXT: Catalog<ReviewOutputText> = { nb: NB, en: EN };

export function reviewOutputText(lang: Lang): ReviewOutputText {
  return REVIEW_OUTPUT_TEXT[lang];
}
