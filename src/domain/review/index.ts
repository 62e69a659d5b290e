/**
 * Reviewing a reconciliation (issue 17): stable finding keys, explanations
 * with their status, sign-offs and their fingerprint, what changed since the
 * last result, and the review sheet that keeps it all in the workbook. Pure:
 * the adapters read and write the sheet's cells, the app layer maps the
 * reconciliation result onto `ReviewInput`.
 */
export type {
  Explanation,
  RawCell,
  RawRow,
  ReviewInput,
  ReviewLine,
  ReviewRegisterItem,
  ReviewState,
  ReviewTable,
  ReviewYearTotals,
  SignedValue,
  SignOff,
  ValuePart,
} from './types';
export { REVIEW_FORMAT_VERSION, emptyReviewState } from './types';
export { displayLabel, findingFigures, findingKey, findingKeys, parseKey } from './findingKey';
export {
  REASON_MAX,
  explain,
  failingErrors,
  latestExplanations,
  reviewFields,
  reviewFindings,
  withdraw,
  type Actor,
  type ExplainTarget,
  type FindingReview,
  type FindingStatus,
  type Refusal,
  type ReviewCounts,
  type ReviewedFinding,
} from './explanations';
export { FINGERPRINT_SCHEME, reviewFingerprint, signedValues } from './fingerprint';
export {
  latestSignOff,
  openErrorsRefusal,
  signOff,
  signOffState,
  type SignOffChanges,
  type SignOffState,
  type ValueRef,
  type YearChange,
} from './signOff';
export { noChanges, resultChanges, type KeyedFinding, type ResultChanges } from './changes';
export {
  FORMAT_VERSION_KEY,
  REVIEW_HEADER_ROW,
  REVIEW_SHEET,
  encodeReviewSheet,
  type ReviewSheetCell,
} from './reviewSheet';
export {
  decodeReviewSheet,
  rowsFromA1,
  type ReviewCellIn,
  type ReviewProblem,
  type ReviewSheetReading,
} from './decodeReviewSheet';
export { mergeReview, withEntries } from './merge';
export { byTime, timeValue, timestamp } from './time';
export {
  describeChanges,
  describeExplanation,
  describeKey,
  describeProblem,
  describeRefusal,
  describeSignOffHistory,
  describeSignOffState,
  formatWhen,
  reviewText,
  type ReviewText,
} from './text';
