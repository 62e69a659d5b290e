import type { Ore } from '../amount';
import { appendFindings, finding, type Finding } from '../findings';
import type { EntryFields } from '../register/entryFields';
import { entryCell, readRegister } from '../register/readRegister';
import type { ProjectKey, RegisterEntry } from '../register/types';
import { RULES } from '../rules';
import type { WorkbookSnapshot } from '../snapshot';
import { readAmountTable, type AmountTable } from '../tables/amountTable';
import { findSheet, type SheetRole } from '../tables/findSheet';
import { yearFigures, type YearFigures } from './figures';
import { buildPlan, type Plan } from './plan';
import { RegisterIndex } from './registerIndex';

export interface ReconcileOptions {
  /** Reconcile only this year (findings that belong to no year are kept). */
  readonly year?: number;
  readonly budgetSheet?: string;
  readonly financingSheet?: string;
}

export interface YearTotals {
  readonly budget: Ore;
  readonly financing: Ore;
  readonly ownFunded: Ore;
  readonly ownSources: Ore;
  readonly earmarked: Ore;
}

export interface ReconciliationResult {
  readonly years: readonly number[];
  /** True when both sheets were read and budget equals financing in every year. */
  readonly balanced: boolean;
  readonly totals: Readonly<Record<number, YearTotals>>;
  readonly findings: readonly Finding[];
  /** Projects that promise work, not money, and have no budget line (listed, not faults). */
  readonly nonMoneyProjects: readonly Pick<RegisterEntry, 'id' | 'name'>[];
  /** What was read: sheet names (null when missing) and the register's size. */
  readonly sources: {
    readonly budgetSheet: string | null;
    readonly financingSheet: string | null;
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

  const readTable = (role: SheetRole, name: string | undefined): AmountTable | null => {
    const found = findSheet(workbook, role, name);
    if ('finding' in found) {
      findings.push(found.finding);
      return null;
    }
    const read = readAmountTable(found.sheet, role, index);
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

  const totals: Record<number, YearTotals> = {};
  for (const f of figures) {
    totals[f.year] = {
      budget: f.budget,
      financing: f.financing,
      ownFunded: f.ownFunded,
      ownSources: f.ownSources,
      earmarked: f.earmarked,
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
    totals,
    findings: kept,
    nonMoneyProjects: nonMoneyProjects(plan),
    sources: {
      budgetSheet: budget?.sheet ?? null,
      financingSheet: financing?.sheet ?? null,
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
