import type { Ore } from '../amount';
import { finding, type Finding } from '../findings';
import type { RegisterEntry } from '../register/types';
import type { YearFigures } from '../reconcile/figures';
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
  const linesOf = linesByEntry(plan.lines, plan.index.register.entries.length);
  plan.index.register.entries.forEach((entry, i) => {
    if (entry.kind !== 'project' || entry.contribution === null) return;
    const lineIdx = linesOf(i);
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
    // Indexed loops, no closures: this runs once per register entry, which may be 100 000 times.
    const years = ctx.years;
    if (entry.basis === 'totalt') {
      let own = 0;
      for (let y = 0; y < years.length; y++) own += ownFundedOf(years[y], lineIdx);
      if (!matches(entry, own)) out.push(mismatch(entry, own, undefined, cellsOf(ctx, undefined, lineIdx)));
    } else {
      for (let y = 0; y < years.length; y++) {
        const own = ownFundedOf(years[y], lineIdx);
        if (!matches(entry, own)) {
          out.push(mismatch(entry, own, years[y].year, cellsOf(ctx, years[y].year, lineIdx)));
        }
      }
    }
  });
  return out;
};

const NO_LINES: readonly number[] = Object.freeze([]);

/**
 * The budget lines of each register entry, as a lookup by entry index.
 * Arrays are made only for the rare entry with several lines.
 */
function linesByEntry(
  lines: readonly { readonly entry: number | null }[],
  entries: number,
): (entry: number) => readonly number[] {
  const first = new Int32Array(entries).fill(-1);
  const more = new Map<number, number[]>();
  lines.forEach((l, li) => {
    if (l.entry === null) return;
    if (first[l.entry] < 0) first[l.entry] = li;
    else {
      const list = more.get(l.entry);
      if (list) list.push(li);
      else more.set(l.entry, [first[l.entry], li]);
    }
  });
  return (entry) => more.get(entry) ?? (first[entry] >= 0 ? [first[entry]] : NO_LINES);
}

function ownFundedOf(y: YearFigures, lineIdx: readonly number[]): Ore {
  let sum = 0;
  for (let i = 0; i < lineIdx.length; i++) sum += y.lineOwnFunded(lineIdx[i]);
  return sum;
}

/** The budget amount cells of the lines, then their earmarked cells; all years when year is undefined. */
function cellsOf(ctx: RuleContext, year: number | undefined, lineIdx: readonly number[]): string[] {
  const cells: string[] = [];
  const earmarks: string[] = [];
  for (const y of ctx.years) {
    if (year !== undefined && y.year !== year) continue;
    for (const li of lineIdx) {
      const l = y.line(li);
      cells.push(l.budgetRef ?? ctx.plan.lines[li].labelRef);
      for (const e of l.earmarks) earmarks.push(e.ref);
    }
  }
  return [...new Set([...cells, ...earmarks])];
}

/** What the council pays for the lines is what it promised (within the range, for a range). */
function matches(entry: RegisterEntry, own: Ore): boolean {
  const range = entry.contributionRange;
  return range ? own >= range.min && own <= range.max : own === (entry.contribution ?? 0);
}

function mismatch(entry: RegisterEntry, own: Ore, year: number | undefined, cells: string[]): Finding {
  const promised = entry.contribution ?? 0;
  const range = entry.contributionRange;
  const expected = range ? (own < range.min ? range.min : range.max) : promised;
  return finding({
    code: 'CONTRIBUTION_MISMATCH',
    cells,
    projectId: entry.id || undefined,
    year,
    expected,
    actual: own,
    difference: own - expected,
    params: { name: entry.name, reason: entry.basis === 'totalt' ? 'total' : 'perYear' },
  });
}
