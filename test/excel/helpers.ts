/**
 * Workbooks for the adapter tests: the generated plan (the same builder as
 * `npm run bench`), and comparisons of reconciliation results.
 */
import { reconcile, type ReconciliationResult } from '../../src/domain/reconcile/reconcile';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { generatePlan } from '../../src/sample/generatePlan';

export { generatePlan };

/** What must agree between two reconciliations: every finding's facts, the totals and the sheets used. */
export function essence(result: ReconciliationResult) {
  return {
    findings: result.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      cells: f.cells,
      projectId: f.projectId,
      year: f.year,
      expected: f.expected,
      actual: f.actual,
      difference: f.difference,
      suggestion: f.suggestion,
      params: f.params,
    })),
    totals: result.totals,
    balanced: result.balanced,
    sources: result.sources,
    nonMoneyProjects: result.nonMoneyProjects,
  };
}

export function reconciled(snapshot: WorkbookSnapshot) {
  return essence(reconcile(snapshot));
}

/** Registers checks that the tests of this file write nothing to the console (the adapter logs nothing). */
export function expectSilentConsole(): void {
  let spies: jest.SpyInstance[];
  beforeEach(() => {
    spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => jest.spyOn(console, m));
  });
  afterEach(() => {
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
}
