/** Reading table `Kilder` row by row: a funding source, or a finding naming the cell that is wrong. */
import { finding, type Finding } from '../../findings';
import type { Grid } from '../../grid';
import type { CellValue } from '../../snapshot';
import { cellText } from '../entryFields';
import { parseSourceKind } from '../spellings';
import { SOURCES_TABLE, type ExtraValue, type FundingSource, type SourceKey } from '../types';
import { extraValue, list } from './cells';
import type { Segment } from './tables';

/** The source on `row`; null, with a finding, when it has no name or no known kind. */
export function readSource(grid: Grid, seg: Segment, row: number, findings: Finding[]): FundingSource | null {
  const get = (key: SourceKey): CellValue => {
    const col = seg.columns.get(key);
    return col === undefined ? null : grid.value(row, col);
  };
  const name = cellText(get('name'));
  const kindText = cellText(get('kind')).toLowerCase();
  const invalid = (key: SourceKey, reason: string, text?: string) =>
    findings.push(
      finding({
        code: 'REGISTER_INVALID',
        cells: [grid.ref(row, seg.columns.get(key) ?? seg.fromCol)],
        params: {
          sheet: grid.name,
          name: SOURCES_TABLE,
          field: key,
          reason,
          text,
          source: name || undefined,
        },
      }),
    );
  if (name === '') {
    invalid('name', 'missingName');
    return null;
  }
  const kind = parseSourceKind(kindText);
  if (!kind) {
    invalid('kind', kindText === '' ? 'missingKind' : 'unknownKind', kindText);
    return null;
  }
  const extra = Object.create(null) as Record<string, ExtraValue>;
  for (const e of seg.extras) extra[e.header] = extraValue(grid.value(row, e.col));
  return { name, kind, aliases: list(get('aliases')), ...(seg.extras.length > 0 ? { extra } : {}) };
}
