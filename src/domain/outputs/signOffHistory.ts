/**
 * The summary's section on the review (issue 17): the findings open and explained now, whether the
 * reconciliation is signed off (and what changed since), and every sign-off in the review log,
 * newest first: who, when, the findings open and explained then, and the year totals signed.
 * Sign-offs are history: their figures are values, not formulas on the sheets that have changed
 * since. Names are the user's text, quoted shortened and written as values.
 */
import { formatNok } from '../amount';
import type { Lang } from '../messages';
import type { ResultReview } from '../reconcile/result';
import { byTime, formatWhen } from '../review';
import { shorten } from '../shorten';
import { reviewBlock } from './review';
import { reviewOutputText } from './reviewText';
import type { SheetBuilder } from './sheetBuilder';
import { AMOUNT, BOX, COLORS, HEADER } from './style';

/** Columns of the history: name, time (two columns), open, explained, then the year totals. */
const WHEN = 1;
const OPEN = 3;
const EXPLAINED_COL = 4;
const TOTALS = 5;
/** The section needs columns 0..TOTALS at least. */
export const SIGN_OFF_COLUMNS = TOTALS + 1;

/**
 * The section from `start`, across columns 0..`last` (at least SIGN_OFF_COLUMNS - 1): its title, the
 * review's counts and sign-off state, and the history table (when there is one). Returns the next
 * free row.
 */
export function signOffSection(
  s: SheetBuilder,
  review: ResultReview,
  lang: Lang,
  start: number,
  last: number,
): number {
  const o = reviewOutputText(lang);
  s.row(start, [
    {
      col: 0,
      lastCol: last,
      content: o.signOffsTitle,
      style: { bold: true, fontSize: 12, fontColor: COLORS.title },
    },
  ]);
  let row = reviewBlock(s, review, lang, start + 1, last);
  const history = byTime(review.state.signOffs).reverse();
  if (history.length === 0) return row;
  row++;
  const cell = { border: BOX, verticalAlignment: 'top' as const };
  const count = { ...AMOUNT, numberFormat: '0', verticalAlignment: 'top' as const };
  row += s.row(row, [
    { col: 0, content: o.signedBy, style: HEADER },
    { col: WHEN, lastCol: OPEN - 1, content: o.signedAt, style: HEADER },
    { col: OPEN, content: o.openFindings, style: { ...HEADER, horizontalAlignment: 'right' } },
    {
      col: EXPLAINED_COL,
      content: o.explainedFindings,
      style: { ...HEADER, horizontalAlignment: 'right' },
    },
    { col: TOTALS, lastCol: last, content: o.yearTotals, style: HEADER },
  ]);
  for (const signed of history) {
    const totals = [...signed.totals]
      .sort((a, b) => a.year - b.year)
      .map((t) => o.yearTotal(t.year, formatNok(t.budget, lang), formatNok(t.financing, lang)))
      .join('\n');
    row += s.row(row, [
      { col: 0, content: shorten(signed.by), style: cell },
      { col: WHEN, lastCol: OPEN - 1, content: formatWhen(signed.at, lang), style: cell },
      { col: OPEN, content: { value: signed.open }, style: count },
      { col: EXPLAINED_COL, content: { value: signed.explained }, style: count },
      { col: TOTALS, lastCol: last, content: totals === '' ? null : totals, style: cell },
    ]);
  }
  return row;
}
