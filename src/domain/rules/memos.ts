import { finding, type Finding } from '../findings';
import type { Rule } from './types';

/** A memo row (`SNRs bidrag`) equals what it restates: the sum of the council's own sources. */
export const memos: Rule = ({ plan, years }) => {
  const out: Finding[] = [];
  for (const memo of plan.memos) {
    if (!memo.source) continue;
    for (const y of years) {
      const cell = memo.amounts.get(y.year);
      if (!cell || cell.reading === 'error' || cell.reading === 'invalid' || cell.reading === 'range')
        continue;
      if (cell.ore === y.ownSources) continue;
      out.push(
        finding({
          code: 'MEMO_MISMATCH',
          cells: [cell.ref],
          year: y.year,
          expected: y.ownSources,
          actual: cell.ore,
          difference: cell.ore - y.ownSources,
          params: { label: memo.label },
        }),
      );
    }
  }
  return out;
};
