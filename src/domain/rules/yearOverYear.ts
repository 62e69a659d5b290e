import { finding, type Finding } from '../findings';
import type { Rule } from './types';

/**
 * A note that states an earlier year's figure (`Finansiering 2009 er kr
 * 1.810.000`) is compared with the first year of the plan: under the
 * financing table with the council's own sources, under the budget with
 * the budget total. Informational.
 */
export const yearOverYear: Rule = ({ plan, years }) => {
  const out: Finding[] = [];
  const first = years[0];
  if (!first) return out;
  for (const note of plan.earlier) {
    const actual =
      note.sheet === 'financing' ? (plan.index ? first.ownSources : first.financing) : first.budget;
    const difference = actual - note.amount;
    out.push(
      finding({
        code: 'YEAR_OVER_YEAR',
        cells: [note.ref],
        year: first.year,
        expected: note.amount,
        actual,
        difference,
        params: {
          earlierYear: note.year,
          role: note.sheet,
          percent: note.amount === 0 ? undefined : Math.round((difference / note.amount) * 1000) / 10,
          text: note.text,
        },
      }),
    );
  }
  return out;
};
