/**
 * The engine's entry point: reads the sheets `chooseSheets` decides on and the register, ties
 * the plan to the register, runs every rule, and returns the result contract (result.ts), built
 * once by `toResult()`. Findings are values, never exceptions.
 */
import { appendFindings, finding, type Finding } from '../findings';
import type { EntryFields } from '../register/entryFields';
import { entryCell, readRegister } from '../register/readRegister';
import type { ProjectKey } from '../register/types';
import { RULES } from '../rules';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import type { AmountTable } from '../tables/amountTable';
import type { SheetRole } from '../tables/findSheet';
import { readAmountTables } from '../tables/perYearTables';
import { chooseSheets, type SheetChoice } from './chooseSheets';
import { yearFigures } from './figures';
import { buildPlan } from './plan';
import { RegisterIndex } from './registerIndex';
import type { ReconciliationResult } from './result';
import { toResult } from './toResult';

export type * from './result';

export interface ReconcileOptions extends SheetChoice {
  /** Reconcile only this year (findings that belong to no year are kept). */
  readonly year?: number;
}

/** Reconciles a workbook: reads the sheets and the register, runs every rule, returns findings as values. */
export function reconcile(workbook: WorkbookSnapshot, options: ReconcileOptions = {}): ReconciliationResult {
  const findings: Finding[] = [];
  const registerReading = readRegister(workbook);
  appendFindings(findings, registerReading.findings);
  const index = registerReading.register
    ? new RegisterIndex(registerReading.register, registerReading.fields ?? undefined)
    : null;

  // The sheets as the adapter chose them to read (sheetsToRead): one decision for both.
  const chosen = chooseSheets(
    workbook.sheets.map((s) => s.name),
    options,
  );
  const byName = new Map<string, SheetSnapshot>(workbook.sheets.map((s) => [s.name, s]));
  let sheetsListed = false;
  const readTable = (role: SheetRole): AmountTable | null => {
    const found = chosen[role];
    if ('missing' in found) {
      // Both sheets missing: the workbook's sheets are listed once, by the first finding.
      const f = found.missing;
      findings.push(sheetsListed ? { ...f, params: { ...f.params, sheets: undefined } } : f);
      sheetsListed = true;
      return null;
    }
    // One sheet, or a plan kept one sheet per year read as one table.
    const read = readAmountTables(
      found.sheets.map((name) => byName.get(name)!),
      role,
      index,
    );
    appendFindings(findings, read.findings);
    return read.table;
  };
  const budget = readTable('budget');
  const financing = readTable('financing');

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
  const location = registerReading.location;
  const ctx = {
    plan,
    index,
    years: allFigures,
    entryCell: (i: number, key: ProjectKey) => (location ? entryCell(location, i, key) : undefined),
  };
  for (const { rule } of RULES) appendFindings(findings, rule(ctx));

  return toResult({
    plan,
    index,
    figures: allFigures.filter((f) => years.includes(f.year)),
    findings:
      options.year === undefined
        ? findings
        : findings.filter((f) => f.year === undefined || f.year === options.year),
    sources: {
      budgetSheet: budget?.sheet ?? null,
      financingSheet: financing?.sheet ?? null,
      budgetSheets: budget?.sheets ?? [],
      financingSheets: financing?.sheets ?? [],
      registerSheet: registerReading.location?.sheet ?? null,
      projects: index ? countProjects(index.fields) : 0,
      fundingSources: registerReading.register?.sources.length ?? 0,
    },
    reviewSheet: chosen.review === null ? null : (byName.get(chosen.review) ?? null),
    // A sign-off is of every year: with --year, the review compares the whole workbook's values.
    wholeResult:
      options.year === undefined ? undefined : () => reconcile(workbook, { ...options, year: undefined }),
  });
}

function countProjects(fields: EntryFields): number {
  let n = 0;
  for (let i = 0; i < fields.length; i++) if (fields.isProject(i)) n++;
  return n;
}
