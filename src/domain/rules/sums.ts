import { finding, type Finding } from '../findings';
import type { Rule } from './types';

/** The stated `Sum` row of each sheet equals the sum of its rows. */
export const sumRows: Rule = ({ plan, years }) => {
  const out: Finding[] = [];
  for (const y of years) {
    for (const [stated, computed, table] of [
      [y.statedBudget, y.budget, plan.budget],
      [y.statedFinancing, y.financing, plan.financing],
    ] as const) {
      if (
        !stated ||
        !table ||
        stated.reading === 'error' ||
        stated.reading === 'invalid' ||
        stated.reading === 'range'
      )
        continue;
      if (stated.ore === computed) continue;
      out.push(
        finding({
          code: 'SUM_MISMATCH',
          cells: [stated.ref],
          year: y.year,
          expected: computed,
          actual: stated.ore,
          difference: stated.ore - computed,
          params: { sheet: stated.sheet, label: table.sumRow?.label },
        }),
      );
    }
  }
  return out;
};
