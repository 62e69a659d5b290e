import { finding, type Finding } from '../findings';
import { hasRegisterFigures } from '../reconcile/notComputed';
import type { Rule } from './types';

/** What the council pays for its lines equals what its own sources bring. */
export const ownFunding: Rule = ({ plan, index, years }) => {
  const out: Finding[] = [];
  // Without a register (or with an empty one) own sources are not known: nothing to compare.
  if (!hasRegisterFigures(index) || !plan.budget || !plan.financing) return out;
  for (const y of years) {
    if (y.ownFunded === y.ownSources) continue;
    out.push(
      finding({
        code: 'OWN_FUNDING_MISMATCH',
        cells:
          y.ownSourceRefs.length > 0
            ? y.ownSourceRefs
            : [plan.financing.sumRow?.labelRef ?? plan.financing.rows[0]?.labelRef].filter(
                (c): c is string => !!c,
              ),
        year: y.year,
        expected: y.ownSources,
        actual: y.ownFunded,
        difference: y.ownFunded - y.ownSources,
      }),
    );
  }
  return out;
};
