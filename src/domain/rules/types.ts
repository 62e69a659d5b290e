import type { Finding } from '../findings';
import type { YearFigures } from '../reconcile/figures';
import type { Plan } from '../reconcile/plan';

export interface RuleContext {
  readonly plan: Plan;
  /** Figures of every year in the plan, in year order. */
  readonly years: readonly YearFigures[];
  /** Qualified cell of each register entry's fields, by entry index (empty without a register). */
  readonly entryCells: readonly Readonly<Record<string, string | undefined>>[];
}

/** A reconciliation rule: reads the plan and its figures, returns findings. Never throws for user data. */
export type Rule = (ctx: RuleContext) => Finding[];
