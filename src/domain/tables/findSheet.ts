import { finding, type Finding } from '../findings';
import { REGISTER_SHEET } from '../register/types';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';

export type SheetRole = 'budget' | 'financing';

/** Names a sheet of each role goes by, in Norwegian and English. */
export const SHEET_NAMES: Readonly<Record<SheetRole, readonly string[]>> = {
  budget: ['budsjett', 'budget'],
  financing: ['finansiering', 'finansieringsplan', 'financing', 'funding'],
};

/**
 * Finds the budget or financing sheet: an explicit name first (exact, then
 * without regard to case), else a sheet named like the role, else one whose
 * name starts with it (`Finansiering 2012`). SHEET_MISSING lists the sheets
 * that do exist.
 */
export function findSheet(
  workbook: WorkbookSnapshot,
  role: SheetRole,
  explicitName?: string,
): { sheet: SheetSnapshot } | { finding: Finding } {
  const sheets = workbook.sheets.filter((s) => s.name !== REGISTER_SHEET);
  const lower = (s: string) => s.trim().toLocaleLowerCase('nb');
  if (explicitName !== undefined) {
    const hit =
      sheets.find((s) => s.name === explicitName) ??
      sheets.find((s) => lower(s.name) === lower(explicitName));
    if (hit) return { sheet: hit };
  } else {
    const names = SHEET_NAMES[role];
    const exact = sheets.find((s) => names.includes(lower(s.name)));
    if (exact) return { sheet: exact };
    const prefixed = sheets.find((s) => names.some((n) => lower(s.name).startsWith(n)));
    if (prefixed) return { sheet: prefixed };
  }
  return {
    finding: finding({
      code: 'SHEET_MISSING',
      cells: [],
      params: {
        role,
        name: explicitName ?? SHEET_NAMES[role][0],
        sheets: workbook.sheets.map((s) => s.name),
      },
    }),
  };
}
