/** What is wrong with a field of a register form: the error the checks give, by field and code. */
import type { EntryDraft, SourceDraft } from './draft';

export type FieldErrorCode =
  | 'required'
  | 'duplicateId'
  | 'duplicateName'
  | 'amount'
  | 'basisNeeded'
  | 'basisWithoutAmount'
  | 'unknownBudgetLine'
  | 'listItemEmpty'
  | 'listSeparator'
  | 'aliasTaken';

/**
 * `params`: `other` names the conflicting row (`1.3 Logistikknæringen`),
 * `text` the offending text, `item` the 1-based list position, `reason`
 * `negative` for a negative contribution.
 */
export interface FieldError {
  readonly field: keyof EntryDraft | keyof SourceDraft;
  readonly code: FieldErrorCode;
  readonly params?: Readonly<Record<string, string>>;
}
