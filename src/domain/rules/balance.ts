import { finding, type Finding } from '../findings';
import type { Rule } from './types';

/** Budget total equals financing total, every year: the headline balance. */
export const balance: Rule = ({ plan, years }) => {
  const out: Finding[] = [];
  if (!plan.budget || !plan.financing) return out;
  for (const y of years) {
    if (y.budget === y.financing) continue;
    const cells = [
      y.statedBudget?.ref ?? plan.budget.sumRow?.labelRef,
      y.statedFinancing?.ref ?? plan.financing.sumRow?.labelRef,
    ].filter((c): c is string => c !== undefined);
    out.push(
      finding({
        code: 'UNBALANCED',
        cells,
        year: y.year,
        expected: y.budget,
        actual: y.financing,
        difference: y.financing - y.budget,
      }),
    );
  }
  return out;
};
