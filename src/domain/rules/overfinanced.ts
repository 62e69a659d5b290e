import { finding, type Finding } from '../findings';
import type { Rule } from './types';

/** A line cannot be financed beyond its budget by earmarked money. */
export const overfinanced: Rule = ({ plan, years }) => {
  const out: Finding[] = [];
  for (const y of years) {
    for (const l of y.lines) {
      if (l.earmarked <= l.budget) continue;
      const line = plan.lines[l.line];
      const entry = line.entry !== null && plan.index ? plan.index.entry(line.entry) : null;
      out.push(
        finding({
          code: 'OVERFINANCED',
          cells: [...l.earmarks.map((e) => e.ref), l.budgetRef ?? line.labelRef],
          projectId: entry?.id || undefined,
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
