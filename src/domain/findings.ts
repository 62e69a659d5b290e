import type { Ore } from './amount';

/** The finding codes of DOMAIN.md; other tools rely on these exact strings. */
export const FINDING_CODES = [
  'SHEET_MISSING',
  'TABLE_NOT_FOUND',
  'REGISTER_MISSING',
  'REGISTER_INVALID',
  'DUPLICATE_ID',
  'AMOUNT_AS_TEXT',
  'AMOUNT_INVALID',
  'SUM_MISMATCH',
  'UNBALANCED',
  'UNKNOWN_LINE',
  'UNKNOWN_EARMARK',
  'UNKNOWN_SOURCE',
  'OVERFINANCED',
  'CONTRIBUTION_MISMATCH',
  'NO_BUDGET_LINE',
  'OWN_FUNDING_MISMATCH',
  'MEMO_MISMATCH',
  'YEAR_OVER_YEAR',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = 'error' | 'warning' | 'info';

/** Severity of each code: errors block the plan, warnings need a look, info is context. */
export const SEVERITY: Readonly<Record<FindingCode, Severity>> = {
  SHEET_MISSING: 'error',
  TABLE_NOT_FOUND: 'error',
  REGISTER_MISSING: 'error',
  REGISTER_INVALID: 'error',
  DUPLICATE_ID: 'error',
  AMOUNT_AS_TEXT: 'warning',
  AMOUNT_INVALID: 'error',
  SUM_MISMATCH: 'error',
  UNBALANCED: 'error',
  UNKNOWN_LINE: 'warning',
  UNKNOWN_EARMARK: 'warning',
  UNKNOWN_SOURCE: 'warning',
  OVERFINANCED: 'error',
  CONTRIBUTION_MISMATCH: 'warning',
  NO_BUDGET_LINE: 'warning',
  OWN_FUNDING_MISMATCH: 'error',
  MEMO_MISMATCH: 'warning',
  YEAR_OVER_YEAR: 'info',
};

/**
 * Facts a message is built from. Every field is optional; each code's
 * message uses the ones it needs (see messages.ts).
 */
export interface FindingParams {
  readonly sheet?: string;
  readonly label?: string;
  readonly source?: string;
  readonly name?: string;
  readonly text?: string;
  readonly field?: string;
  readonly reason?: string;
  readonly role?: 'budget' | 'financing';
  readonly sheets?: readonly string[];
  /** A second project name, e.g. the other holder of a duplicate id. */
  readonly other?: string;
  readonly earlierYear?: number;
  readonly percent?: number;
}

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** Qualified addresses such as `Budsjett!B9`; the first is the one to look at. */
  readonly cells: readonly string[];
  readonly projectId?: string;
  readonly year?: number;
  /** Amounts in øre. `difference` is actual − expected. */
  readonly expected?: Ore;
  readonly actual?: Ore;
  readonly difference?: Ore;
  /** The closest register name offered for an unknown label. */
  readonly suggestion?: string;
  readonly params: FindingParams;
}

export type FindingInput = Omit<Finding, 'severity' | 'params'> & { readonly params?: FindingParams };

/** Makes a finding with its code's severity. */
export function finding(input: FindingInput): Finding {
  return { ...input, severity: SEVERITY[input.code], params: input.params ?? {} };
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * Appends findings one by one. Not `push(...more)`: spreading passes every
 * item as an argument, and past about 120 000 (one per line of a large
 * plan) that overflows the call stack.
 */
export function appendFindings(to: Finding[], more: readonly Finding[]): void {
  for (let i = 0; i < more.length; i++) to.push(more[i]);
}
