import type { Ore } from '../amount';
import { appendFindings, finding, type Finding } from '../findings';
import type { EntryFields } from '../register/entryFields';
import { entryCell, readRegister } from '../register/readRegister';
import type { ProjectKey, RegisterEntry } from '../register/types';
import { RULES } from '../rules';
import type { WorkbookSnapshot } from '../snapshot';
import type { AmountTable } from '../tables/amountTable';
import { findSheets, type SheetRole } from '../tables/findSheet';
import { readAmountTables } from '../tables/perYearTables';
import { yearFigures, type YearFigures } from './figures';
import { hasRegisterFigures } from './notComputed';
import { buildPlan, type Plan } from './plan';
import { RegisterIndex } from './registerIndex';

export interface ReconcileOptions {
  /** Reconcile only this year (findings that belong to no year are kept). */
  readonly year?: number;
  readonly budgetSheet?: string;
  readonly financingSheet?: string;
}

/**
 * A year's totals. Own-funded, own sources and earmarked need the register
 * (which sources are the council's own, which line an earmark names): null
 * when there is none or it is empty (`registerFigures` false), never 0.
 */
export interface YearTotals {
  readonly budget: Ore;
  readonly financing: Ore;
  readonly ownFunded: Ore | null;
  readonly ownSources: Ore | null;
  readonly earmarked: Ore | null;
}

export interface ReconciliationResult {
  readonly years: readonly number[];
  /** True when both sheets were read and budget equals financing in every year. */
  readonly balanced: boolean;
  /**
   * False without a register or with an empty one: own-funded, own sources,
   * earmarked and everything compared with them are not computed (see
   * notComputed.ts); budget, financing and the stated sums are.
   */
  readonly registerFigures: boolean;
  readonly totals: Readonly<Record<number, YearTotals>>;
  readonly findings: readonly Finding[];
  /** Projects that promise work, not money, and have no budget line (listed, not faults). */
  readonly nonMoneyProjects: readonly Pick<RegisterEntry, 'id' | 'name'>[];
  /** What was read: sheet names (null when missing) and the register's size. */
  readonly sources: {
    /** The sheet's name; the names joined with `, ` when the plan is kept one sheet per year. */
    readonly budgetSheet: string | null;
    readonly financingSheet: string | null;
    /** Every sheet read for the budget and for the financing (several: one per year). */
    readonly budgetSheets: readonly string[];
    readonly financingSheets: readonly string[];
    readonly registerSheet: string | null;
    readonly projects: number;
    readonly fundingSources: number;
  };
  /** The plan and per-year figures, for the outputs written into the workbook. */
  readonly plan: Plan;
  readonly figures: readonly YearFigures[];
}

/** Reconciles a workbook: reads the sheets and the register, runs every rule, returns findings as values. */
export function reconcile(workbook: WorkbookSnapshot, options: ReconcileOptions = {}): ReconciliationResult {
  const findings: Finding[] = [];
  const registerReading = readRegister(workbook);
  appendFindings(findings, registerReading.findings);
  const index = registerReading.register
    ? new RegisterIndex(registerReading.register, registerReading.fields ?? undefined)
    : null;

  let sheetsListed = false;
  const readTable = (role: SheetRole, name: string | undefined): AmountTable | null => {
    const found = findSheets(workbook, role, name);
    if ('finding' in found) {
      // Both sheets missing: the workbook's sheets are listed once, by the first finding.
      const f = found.finding;
      findings.push(sheetsListed ? { ...f, params: { ...f.params, sheets: undefined } } : f);
      sheetsListed = true;
      return null;
    }
    // One sheet, or a plan kept one sheet per year read as one table.
    const read = readAmountTables(found.sheets, role, index);
    appendFindings(findings, read.findings);
    return read.table;
  };
  const budget = readTable('budget', options.budgetSheet);
  const financing = readTable('financing', options.financingSheet);

  const plan = buildPlan(budget, financing, index);
  appendFindings(findings, plan.findings);

  // Rules see every year (a `totalt` promise spans them all); --year only narrows what is reported.
  const allFigures = plan.years.map((y) => yearFigures(plan, y));
  let years = plan.years;
  if (options.year !== undefined) {
    if (!years.includes(options.year)) {
      findings.push(
        finding({
          code: 'TABLE_NOT_FOUND',
          cells: [],
          year: options.year,
          params: { reason: 'noYear', sheets: years.map(String) },
        }),
      );
    }
    years = years.filter((y) => y === options.year);
  }
  const figures = allFigures.filter((f) => years.includes(f.year));
  const location = registerReading.location;
  const ctx = {
    plan,
    years: allFigures,
    entryCell: (i: number, key: ProjectKey) => (location ? entryCell(location, i, key) : undefined),
  };
  for (const { rule } of RULES) appendFindings(findings, rule(ctx));

  const registerFigures = hasRegisterFigures(plan);
  const totals: Record<number, YearTotals> = {};
  for (const f of figures) {
    totals[f.year] = {
      budget: f.budget,
      financing: f.financing,
      ownFunded: registerFigures ? f.ownFunded : null,
      ownSources: registerFigures ? f.ownSources : null,
      earmarked: registerFigures ? f.earmarked : null,
    };
  }
  const kept =
    options.year === undefined
      ? findings
      : findings.filter((f) => f.year === undefined || f.year === options.year);

  return {
    years,
    balanced:
      budget !== null &&
      financing !== null &&
      figures.length > 0 &&
      figures.every((f) => f.budget === f.financing),
    registerFigures,
    totals,
    findings: kept,
    nonMoneyProjects: nonMoneyProjects(plan),
    sources: {
      budgetSheet: budget?.sheet ?? null,
      financingSheet: financing?.sheet ?? null,
      budgetSheets: budget?.sheets ?? [],
      financingSheets: financing?.sheets ?? [],
      registerSheet: registerReading.location?.sheet ?? null,
      projects: index ? countProjects(index.fields) : 0,
      fundingSources: registerReading.register?.sources.length ?? 0,
    },
    plan,
    figures,
  };
}

function countProjects(fields: EntryFields): number {
  let n = 0;
  for (let i = 0; i < fields.length; i++) if (fields.isProject(i)) n++;
  return n;
}

function nonMoneyProjects(plan: Plan): Pick<RegisterEntry, 'id' | 'name'>[] {
  if (!plan.index) return [];
  const f = plan.index.fields;
  const withLine = new Uint8Array(f.length);
  for (let i = 0; i < plan.lines.length; i++) {
    const e = plan.lines[i].entry;
    if (e !== null) withLine[e] = 1;
  }
  const out: Pick<RegisterEntry, 'id' | 'name'>[] = [];
  for (let i = 0; i < f.length; i++) {
    if (f.isProject(i) && f.contribution(i) === null && withLine[i] === 0)
      out.push({ id: f.id(i), name: f.name(i) });
  }
  return out;
}
