import { finding, type Finding } from '../findings';
import type { Rule } from './types';

/** Every source in the financing sheet, with an amount or as a group header, is a registered source. */
export const unknownSources: Rule = ({ plan, index }) => {
  if (!index || !plan.financing) return [];
  const out: Finding[] = [];
  const unknown = [
    ...plan.funding.filter((f) => f.kind === 'source' && f.source === null),
    ...plan.groups.filter((g) => g.source === null),
  ];
  for (const f of unknown) {
    out.push(
      finding({
        code: 'UNKNOWN_SOURCE',
        cells: [f.labelRef],
        suggestion: index.suggestSource(f.label),
        params: { sheet: f.sheet, label: f.label },
      }),
    );
  }
  return out;
};
