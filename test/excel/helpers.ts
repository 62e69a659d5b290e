/**
 * Workbooks for the adapter tests: the generated plan of bench/generate.js
 * (typed, built from src so the tests need no build/), and comparisons of
 * reconciliation results.
 */
import { kronerToOre } from '../../src/domain/amount';
import type { CellModel, WorkbookModel } from '../../src/domain/model';
import { reconcile, type ReconciliationResult } from '../../src/domain/reconcile/reconcile';
import { registerSheetModel } from '../../src/domain/register/registerSheet';
import type { RegisterEntry } from '../../src/domain/register/types';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';

const AMOUNT = '#,##0';

/**
 * N budget lines, every one a registered project paid as promised; every
 * tenth partly earmarked by one of two funders. Balanced: no findings.
 * The same plan as bench/generate.js.
 */
export function generatePlan(n: number): WorkbookModel {
  const lines = Array.from({ length: n }, (_, i) => {
    const budget = 10_000 + ((i * 7919) % 990) * 1_000;
    return {
      label: `Prosjekt ${i + 1}`,
      budget,
      earmarked: i % 10 === 0 ? Math.floor(budget / 2) : 0,
      funder: i % 20 === 0 ? 0 : 1,
    };
  });
  const budgetTotal = lines.reduce((s, l) => s + l.budget, 0);
  const own = budgetTotal - lines.reduce((s, l) => s + l.earmarked, 0);

  const budgetCells: CellModel[] = [
    { row: 0, col: 0, value: 'Post', bold: true },
    { row: 0, col: 1, value: 'Budsjett 2024', bold: true },
  ];
  lines.forEach((l, i) => {
    budgetCells.push(
      { row: 1 + i, col: 0, value: l.label },
      { row: 1 + i, col: 1, value: l.budget, numberFormat: AMOUNT },
    );
  });
  budgetCells.push(
    { row: n + 1, col: 0, value: 'Sum', bold: true },
    { row: n + 1, col: 1, value: budgetTotal, numberFormat: AMOUNT },
  );

  const fin: [string, number | null, number][] = [['SNR', own, 0]];
  for (const [f, name] of [
    [0, 'Innovasjon Norge,'],
    [1, 'Akershus fylkeskommune:'],
  ] as const) {
    fin.push([name, null, 0]);
    for (const l of lines) if (l.earmarked > 0 && l.funder === f) fin.push([l.label, l.earmarked, 1]);
  }
  fin.push(['SUM', budgetTotal, 0], ['SNRs bidrag', own, 0]);
  const financingCells: CellModel[] = [
    { row: 0, col: 0, value: 'Kilde', bold: true },
    { row: 0, col: 1, value: 'Budsjett 2024', bold: true },
  ];
  fin.forEach(([label, kr, indent], i) => {
    financingCells.push({ row: 1 + i, col: 0, value: label, indent });
    if (kr !== null) financingCells.push({ row: 1 + i, col: 1, value: kr, numberFormat: AMOUNT });
  });

  const entries: RegisterEntry[] = lines.map((l, i) => ({
    id: String(i + 1),
    name: l.label,
    area: `${(i % 4) + 1} Område`,
    phase: '',
    owner: 'SNR',
    role: '',
    partners: [],
    goals: [],
    contribution: kronerToOre(l.budget - l.earmarked),
    basis: 'per år',
    contributionNote: '',
    budgetLine: l.label,
    aliases: [],
    kind: 'project',
  }));
  return {
    sheets: [
      { name: 'Budsjett', cells: budgetCells },
      { name: 'Finansiering', cells: financingCells },
      registerSheetModel({
        formatVersion: 1,
        entries,
        sources: [
          { name: 'SNR', kind: 'own', aliases: [] },
          { name: 'Innovasjon Norge', kind: 'external', aliases: [] },
          { name: 'Akershus fylkeskommune', kind: 'external', aliases: [] },
          { name: 'SNRs bidrag', kind: 'memo', aliases: [] },
        ],
      }),
    ],
  };
}

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
