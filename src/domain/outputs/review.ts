/**
 * The review (issue 17) as the inserted sheets show it, from `result.review`: a finding's
 * explanation (`Forklart: <reason> (Kari Nordmann, 5. mars 2024)`), the counts of open
 * and explained findings, and the sign-off block (`Godkjent av … den …`, `Ikke godkjent`, or
 * `Endret etter godkjenningen` and what changed). Reasons and names are the user's text: quoted
 * shortened (domain/shorten.ts; the whole text stays in the log) and always written as values, never
 * as formulas. The reconciliation sheet, the cards and the summary all take their review texts from
 * here, so they say the same thing in the same words.
 */
import type { Finding } from '../findings';
import type { Lang } from '../messages';
import type { CellStyle } from '../model';
import type { ResultReview } from '../reconcile/result';
import { describeSignOffState, formatWhen, reviewText, timeValue, type ReviewedFinding } from '../review';
import { shorten } from '../shorten';
import type { SheetBuilder } from './sheetBuilder';
import { COLORS } from './style';
import { reviewOutputText } from './reviewText';

/** An explained finding's explanation, in the colours of something settled. */
export const EXPLAINED: CellStyle = { fill: COLORS.goodFill, fontColor: COLORS.goodFont };
const CHANGED: CellStyle = { bold: true, fill: COLORS.badFill, fontColor: COLORS.badFont };
const LABEL: CellStyle = { bold: true, verticalAlignment: 'top' };

/** Each finding's review by the finding (a project's findings are the result's own objects). */
export function reviewByFinding(review: ResultReview): Map<Finding, ReviewedFinding> {
  const byFinding = new Map<Finding, ReviewedFinding>();
  for (const r of review.findings) byFinding.set(r.finding, r);
  return byFinding;
}

/** The day of a timestamp as its writer's calendar showed it (`5. mars 2024`); the text itself if unreadable. */
function dayOf(at: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T/.exec(at);
  if (m === null || timeValue(at) === null) return formatWhen(at, lang);
  return reviewOutputText(lang).day(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * What a finding's explanation cell says: its status, the reason, who and on which day, for an
 * explained finding and for a stale one (open again, the old reason shown); null for an open one.
 * The day is enough beside a finding (the pane and the log keep the time).
 */
export function explanationText(r: ReviewedFinding, lang: Lang): string | null {
  const e = r.explanation;
  if (e === null || r.status === 'open') return null;
  return reviewOutputText(lang).explained(
    reviewText(lang).status[r.status],
    shorten(e.reason),
    shorten(e.by),
    dayOf(e.at, lang),
  );
}

/** `3 åpne funn, 1 forklart`: the findings now, stale ones counted as open. */
export function findingCounts(review: ResultReview, lang: Lang): string {
  const c = review.counts;
  return reviewOutputText(lang).findingCounts(c.open, c.explained, c.stale);
}

export interface SignOffLine {
  readonly text: string;
  readonly style: CellStyle;
}

/**
 * The sign-off state as lines: `Ikke godkjent`; or `Godkjent av … den …` with the counts signed;
 * or that line, `Endret etter godkjenningen`, and what changed since (year totals, then the lines
 * and register rows added, removed or changed: `describeSignOffState`).
 */
export function signOffLines(review: ResultReview, lang: Lang): SignOffLine[] {
  const t = reviewText(lang);
  const s = review.signOff;
  if (s.state === 'none') return [{ text: t.notSignedOff, style: { italic: true } }];
  const signed = reviewOutputText(lang).signedWithCounts(
    t.signedOff(shorten(s.signOff.by), formatWhen(s.signOff.at, lang)),
    t.signOffCounts(s.signOff.open, s.signOff.explained),
  );
  if (s.state === 'signed') return [{ text: signed, style: EXPLAINED }];
  return [
    { text: signed, style: {} },
    { text: t.changedAfterSignOff, style: CHANGED },
    // After the signed line and `Endret etter godkjenningen`: the years, lines and rows that changed.
    ...describeSignOffState(s, lang)
      .slice(2)
      .map((text) => ({ text, style: {} })),
  ];
}

/**
 * The sign-off block from `row`: its label in column 0, a line a row across columns 1..`last`.
 * Returns the next free row.
 */
export function signOffBlock(
  s: SheetBuilder,
  review: ResultReview,
  lang: Lang,
  row: number,
  last: number,
): number {
  const label = reviewOutputText(lang).signOffLabel;
  signOffLines(review, lang).forEach((line, i) => {
    row += s.row(row, [
      ...(i === 0 ? [{ col: 0, content: label, style: LABEL }] : []),
      { col: 1, lastCol: last, content: line.text, style: { ...line.style, verticalAlignment: 'top' } },
    ]);
  });
  return row;
}

/**
 * The review at the top of the reconciliation sheet: the counts of the findings now, and the
 * sign-off block. Returns the next free row.
 */
export function reviewBlock(
  s: SheetBuilder,
  review: ResultReview,
  lang: Lang,
  row: number,
  last: number,
): number {
  row += s.row(row, [
    { col: 0, content: reviewOutputText(lang).findingsLabel, style: LABEL },
    { col: 1, lastCol: last, content: findingCounts(review, lang), style: { verticalAlignment: 'top' } },
  ]);
  return signOffBlock(s, review, lang, row, last);
}

/** The labels the review block writes in column 0 (bold): a layout sizes that column for them. */
export function reviewLabels(lang: Lang): string[] {
  const o = reviewOutputText(lang);
  return [o.findingsLabel, o.signOffLabel];
}
