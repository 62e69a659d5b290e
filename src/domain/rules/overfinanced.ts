import { finding, type Finding } from '../findings';
import type { Rule } from './types';

/** A line cannot be financed beyond its budget by earmarked money. */
export const overfinanced: Rule = ({ plan, index, years }) => {
  const out: Finding[] = [];
  for (const y of years) {
    for (let i = 0; i < plan.lines.length; i++) {
      if (y.lineEarmarked(i) <= y.lineBudget(i)) continue;
      const l = y.line(i);
      const line = plan.lines[i];
      const id = line.entry !== null && index ? index.fields.id(line.entry) : '';
      out.push(
        finding({
          code: 'OVERFINANCED',
          cells: [...l.earmarks.map((e) => e.ref), l.budgetRef ?? line.labelRef],
          projectId: id || undefined,
          year: y.year,
          expected: l.budget,
          actual: l.earmarked,
          difference: l.earmarked - l.budget,
          params: { label: line.label },
        }),
      );
    }
  }
  return out;
};
