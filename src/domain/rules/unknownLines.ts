import { finding } from '../findings';
import type { Rule } from './types';

/** Every budget line maps to a register entry; otherwise the closest name is offered. */
export const unknownLines: Rule = ({ plan, index }) => {
  if (!index || !plan.budget) return [];
  return plan.lines
    .filter((l) => l.entry === null)
    .map((l) =>
      finding({
        code: 'UNKNOWN_LINE',
        cells: [l.labelRef],
        suggestion: index.suggestEntry(l.label),
        params: { sheet: l.sheet, label: l.label },
      }),
    );
};
