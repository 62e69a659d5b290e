import { finding, type Finding } from '../findings';
import { hasRegisterFigures } from '../reconcile/notComputed';
import type { Rule } from './types';

/**
 * A note that states an earlier year's figure (`Finansiering SNP 2009 er kr
 * 1.810.000`) is compared with the first year of the plan: under the
 * financing table with the council's own sources, under the budget with
 * the budget total. Informational. Without a register (or with an empty
 * one) the own sources are not known: the note is reported with its figure,
 * not compared (comparing it with the whole financing, as before, gave
 * +1 620 000 kr (+89,5 %) on the sample, a change that never happened).
 */
export const yearOverYear: Rule = ({ plan, index, years }) => {
  const out: Finding[] = [];
  const first = years[0];
  if (!first) return out;
  const ownKnown = hasRegisterFigures(index);
  for (const note of plan.earlier) {
    if (note.sheet === 'financing' && !ownKnown) {
      out.push(
        finding({
          code: 'YEAR_OVER_YEAR',
          cells: [note.ref],
          year: first.year,
          expected: note.amount,
          params: { earlierYear: note.year, role: note.sheet, text: note.text, reason: 'noRegister' },
        }),
      );
      continue;
    }
    const actual = note.sheet === 'financing' ? first.ownSources : first.budget;
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
