import type { Finding } from '../findings';
import type { ProjectKey } from '../register/types';
import type { YearFigures } from '../reconcile/figures';
import type { Plan } from '../reconcile/plan';
import type { RegisterIndex } from '../reconcile/registerIndex';

export interface RuleContext {
  readonly plan: Plan;
  /** The register's look-up (names, aliases, entry fields by index); null without a register. */
  readonly index: RegisterIndex | null;
  /** Figures of every year in the plan, in year order. */
  readonly years: readonly YearFigures[];
  /** Qualified cell of a register entry's field, by entry index (undefined without a register). */
  readonly entryCell: (entry: number, key: ProjectKey) => string | undefined;
}

/** A reconciliation rule: reads the plan and its figures, returns findings. Never throws for user data. */
export type Rule = (ctx: RuleContext) => Finding[];
