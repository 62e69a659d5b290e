/**
 * The English two-year plan that the CLI and LibreOffice tests read besides the sample: sheet
 * names in English, an Excel table that starts lower, a pasted text amount `kr 200 000`.
 * (test/browser/preview.test.js builds the same workbook from the compiled modules.)
 */
import { registerEntry } from '../../src/domain/register/entry';
import { registerSheetModel } from '../../src/domain/register/registerSheet';
import { writeWorkbookFile } from '../../src/cli/workbookFiles';

/**
 * Budget `Budget` and financing `Financing 2012-2013` for 2012 and 2013; the engine's totals are
 * 700 000 / 700 000 / 600 000 / 600 000 (2012) and 720 000 / 720 000 / 620 000 / 620 000 (2013);
 * project A «Cluster» is promised 100 000 per year and gets exactly that (200 000 − 100 000).
 */
export async function writeEnglishTwoYearWorkbook(file: string): Promise<void> {
  const title = { row: 1, col: 1, value: 'Budget for the action plan', bold: true };
  const budgetRows: [string, number | string, number][] = [
    ['Coordination', 500_000, 520_000],
    ['Cluster', 'kr 200 000', 200_000],
    ['Sum', 700_000, 720_000],
  ];
  const budget = {
    name: 'Budget',
    cells: [
      title,
      { row: 3, col: 1, value: 'Line' },
      { row: 3, col: 2, value: 'Budget 2012' },
      { row: 3, col: 3, value: 'Budget 2013' },
      ...budgetRows.flatMap(([label, a, b], i) => [
        { row: 4 + i, col: 1, value: label },
        { row: 4 + i, col: 2, value: a },
        { row: 4 + i, col: 3, value: b },
      ]),
    ],
    tables: [{ name: 'BudgetTable', range: 'B4:D7' }],
  };
  const financingRows: [string, number | null, number | null, number][] = [
    ['Council', 600_000, 620_000, 0],
    ['Regional fund:', null, null, 0],
    ['Cluster', 100_000, 100_000, 1],
    ['Total', 700_000, 720_000, 0],
  ];
  const financing = {
    name: 'Financing 2012-2013',
    cells: [
      { row: 0, col: 0, value: 'Financing' },
      { row: 2, col: 0, value: 'Source' },
      { row: 2, col: 1, value: 2012 },
      { row: 2, col: 2, value: 2013 },
      ...financingRows.flatMap(([label, a, b, indent], i) => [
        { row: 3 + i, col: 0, value: label, indent },
        ...(a === null ? [] : [{ row: 3 + i, col: 1, value: a }]),
        ...(b === null ? [] : [{ row: 3 + i, col: 2, value: b }]),
      ]),
    ],
  };
  const register = {
    formatVersion: 1 as const,
    entries: [
      registerEntry({
        id: 'A',
        name: 'Cluster',
        area: '1',
        owner: 'Council',
        contribution: 10_000_000,
        basis: 'per år',
        budgetLine: 'Cluster',
      }),
      registerEntry({ name: 'Coordination', budgetLine: 'Coordination', kind: 'operations' }),
    ],
    sources: [
      { name: 'Council', kind: 'own' as const, aliases: [] },
      { name: 'Regional fund', kind: 'external' as const, aliases: [] },
    ],
  };
  await writeWorkbookFile({ sheets: [budget, financing, registerSheetModel(register)] }, file);
}
