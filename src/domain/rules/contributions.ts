import type { Ore } from '../amount';
import { finding, type Finding } from '../findings';
import type { RegisterEntry } from '../register/types';
import type { Rule, RuleContext } from './types';

/**
 * A project with a money contribution has a budget line, and what the
 * council pays for that line (budget − earmarked) equals what it promised:
 * every year (`per år`), or summed over the years present (`totalt`).
 */
export const contributions: Rule = (ctx) => {
  const { plan } = ctx;
  const out: Finding[] = [];
  // Own-funded amounts need both sheets: without financing every earmark would count as 0.
  if (!plan.index || !plan.budget || !plan.financing) return out;
  const linesByEntry = new Map<number, number[]>();
  plan.lines.forEach((l, li) => {
    if (l.entry === null) return;
    const list = linesByEntry.get(l.entry) ?? [];
    list.push(li);
    linesByEntry.set(l.entry, list);
  });
  plan.index.register.entries.forEach((entry, i) => {
    if (entry.kind !== 'project' || entry.contribution === null) return;
    const lineIdx = linesByEntry.get(i) ?? [];
    if (lineIdx.length === 0) {
      if (entry.contribution === 0) return;
      out.push(
        finding({
          code: 'NO_BUDGET_LINE',
          cells: [ctx.entryCell(i, 'contribution') ?? ctx.entryCell(i, 'name')].filter(
            (c): c is string => !!c,
          ),
          projectId: entry.id || undefined,
          expected: entry.contribution,
          params: { name: entry.name, sheet: plan.budget?.sheet },
        }),
      );
      return;
    }
    if (entry.basis === 'totalt') {
      const own = ctx.years.reduce((sum, y) => sum + ownFundedOf(ctx, y.year, lineIdx), 0);
      const f = compare(entry, own, undefined, () => cellsOf(ctx, undefined, lineIdx));
      if (f) out.push(f);
    } else {
      for (const y of ctx.years) {
        const f = compare(entry, ownFundedOf(ctx, y.year, lineIdx), y.year, () =>
          cellsOf(ctx, y.year, lineIdx),
        );
        if (f) out.push(f);
      }
    }
  });
  return out;
};

function ownFundedOf(ctx: RuleContext, year: number, lineIdx: readonly number[]): Ore {
  const y = ctx.years.find((f) => f.year === year);
  return y ? lineIdx.reduce((sum, li) => sum + y.lines[li].ownFunded, 0) : 0;
}

/** The budget amount cells of the lines, then their earmarked cells; all years when year is undefined. */
function cellsOf(ctx: RuleContext, year: number | undefined, lineIdx: readonly number[]): string[] {
  const cells: string[] = [];
  const earmarks: string[] = [];
  for (const y of ctx.years) {
    if (year !== undefined && y.year !== year) continue;
    for (const li of lineIdx) {
      const l = y.lines[li];
      cells.push(l.budgetRef ?? ctx.plan.lines[li].labelRef);
      earmarks.push(...l.earmarks.map((e) => e.ref));
    }
  }
  return [...new Set([...cells, ...earmarks])];
}

function compare(
  entry: RegisterEntry,
  own: Ore,
  year: number | undefined,
  cells: () => string[],
): Finding | null {
  const promised = entry.contribution ?? 0;
  const range = entry.contributionRange;
  if (range ? own >= range.min && own <= range.max : own === promised) return null;
  const expected = range ? (own < range.min ? range.min : range.max) : promised;
  return finding({
    code: 'CONTRIBUTION_MISMATCH',
    cells: cells(),
    projectId: entry.id || undefined,
    year,
    expected,
    actual: own,
    difference: own - expected,
    params: { name: entry.name, reason: entry.basis === 'totalt' ? 'total' : 'perYear' },
  });
}
