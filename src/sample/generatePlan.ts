/**
 * A generated plan of N budget lines, for benchmarks and scale tests: every
 * line is a registered project whose promised contribution equals what the
 * council pays for it; every tenth line is partly earmarked by one of two
 * external funders; the council's own source covers the rest. Balanced, so
 * the engine reads everything and checks every rule, as on a real workbook.
 *
 * One builder for `npm run bench` (bench/generate.js loads it from build/)
 * and the tests (which import it from src/).
 */
import { kronerToOre } from '../domain/amount';
import type { CellModel, WorkbookModel } from '../domain/model';
import { registerSheetModel } from '../domain/register/registerSheet';
import type { RegisterEntry } from '../domain/register/types';

const AMOUNT = '#,##0';

/**
 * N budget lines, every one a registered project paid as promised; every
 * tenth partly earmarked by one of two funders. Balanced: no findings.
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
