/** The budget sheet's lines, for the editor's budget-line picker and its check of a chosen line. */
import type { WorkbookSnapshot } from '../../snapshot';
import { readAmountTable } from '../../tables/amountTable';
import { findSheet } from '../../tables/findSheet';

/** The budget sheet's line labels, each once (empty when there is no budget sheet). */
export function budgetLineLabels(
  workbook: WorkbookSnapshot,
  options: { budgetSheet?: string } = {},
): string[] {
  const found = findSheet(workbook, 'budget', options.budgetSheet);
  if ('finding' in found) return [];
  const { table } = readAmountTable(found.sheet, 'budget');
  if (!table) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const row of table.rows) {
    // As the reconciliation: a row without amounts is not a budget line.
    if (row.amounts.size === 0 || row.label === '' || seen.has(row.label)) continue;
    seen.add(row.label);
    out.push(row.label);
  }
  return out;
}
