import type { Ore } from '../amount';
import { finding, type Finding } from '../findings';
import type { EntryFields } from '../register/entryFields';
import type { YearFigures } from '../reconcile/figures';
import type { LinesOfEntry } from '../reconcile/plan';
import type { Rule, RuleContext } from './types';

/**
 * A project with a money contribution has a budget line, and what the
 * council pays for that line (budget − earmarked) equals what it promised:
 * every year (`per år`), or summed over the years present (`totalt`).
 */
export const contributions: Rule = (ctx) => {
  const { plan, index } = ctx;
  const out: Finding[] = [];
  // Own-funded amounts need both sheets: without financing every earmark would count as 0.
  if (!index || !plan.budget || !plan.financing) return out;
  const f = index.fields;
  const linesOf = plan.linesOfEntry;
  const years = ctx.years;
  // Indexed loops, no closures and no array per entry: this runs once per register entry,
  // which may be 100 000 times.
  for (let i = 0; i < f.length; i++) {
    const contribution = f.contribution(i);
    if (!f.isProject(i) || contribution === null) continue;
    if (linesOf.first(i) < 0) {
      if (contribution === 0) continue;
      out.push(
        finding({
          code: 'NO_BUDGET_LINE',
          cells: [ctx.entryCell(i, 'contribution') ?? ctx.entryCell(i, 'name')].filter(
            (c): c is string => !!c,
          ),
          projectId: f.id(i) || undefined,
          expected: contribution,
          params: { name: f.name(i), sheet: plan.budget?.sheet },
        }),
      );
      continue;
    }
    if (f.basis(i) === 'totalt') {
      let own = 0;
      for (let y = 0; y < years.length; y++) own += ownFunded(linesOf, years[y], i);
      if (!matches(f, i, own))
        out.push(mismatch(f, i, own, undefined, cellsOf(ctx, undefined, linesOf.all(i))));
    } else {
      for (let y = 0; y < years.length; y++) {
        const own = ownFunded(linesOf, years[y], i);
        if (!matches(f, i, own)) {
          out.push(mismatch(f, i, own, years[y].year, cellsOf(ctx, years[y].year, linesOf.all(i))));
        }
      }
    }
  }
  return out;
};

/** What the council pays for the entry's lines in the year. */
function ownFunded(linesOf: LinesOfEntry, y: YearFigures, entry: number): Ore {
  const several = linesOf.several(entry);
  if (several === undefined) return y.lineOwnFunded(linesOf.first(entry));
  let sum = 0;
  for (let i = 0; i < several.length; i++) sum += y.lineOwnFunded(several[i]);
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
function matches(f: EntryFields, i: number, own: Ore): boolean {
  const range = f.contributionRange(i);
  return range ? own >= range.min && own <= range.max : own === (f.contribution(i) ?? 0);
}

function mismatch(f: EntryFields, i: number, own: Ore, year: number | undefined, cells: string[]): Finding {
  const promised = f.contribution(i) ?? 0;
  const range = f.contributionRange(i);
  const expected = range ? (own < range.min ? range.min : range.max) : promised;
  return finding({
    code: 'CONTRIBUTION_MISMATCH',
    cells,
    projectId: f.id(i) || undefined,
    year,
    expected,
    actual: own,
    difference: own - expected,
    params: { name: f.name(i), reason: f.basis(i) === 'totalt' ? 'total' : 'perYear' },
  });
}
