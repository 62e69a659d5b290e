/**
 * Which sheet is the budget and which the financing: a name the user gave, else a sheet named
 * like the role in bokmål or English (`Budsjett`, `Financing`), else one starting with it; or a
 * plan kept one sheet per year (`Budsjett 2014`, `Budsjett 2015`).
 */
import { finding, type Finding } from '../findings';
import { REGISTER_SHEET } from '../register/types';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { yearOfHeader } from './yearHeader';

export type SheetRole = 'budget' | 'financing';

/** Names a sheet of each role goes by, in Norwegian and English. */
export const SHEET_NAMES: Readonly<Record<SheetRole, readonly string[]>> = {
  budget: ['budsjett', 'budget'],
  financing: ['finansiering', 'finansieringsplan', 'financing', 'funding'],
};

const lower = (s: string) => s.trim().toLocaleLowerCase('nb');

/**
 * The year of a sheet kept for one year of the role (`Budsjett 2014`,
 * `Finansiering_2015`, `2014 Budget`): the role's name and a year, nothing
 * else. Null for any other name (`Budsjett 2014 revidert`, `Budsjett`).
 */
export function perYearSheetYear(name: string, role: SheetRole): number | null {
  const year = yearOfHeader(name);
  if (year === null) return null;
  const rest = lower(name)
    .replace(String(year), ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
  return SHEET_NAMES[role].includes(rest) ? year : null;
}

/**
 * Finds the budget or financing sheet: an explicit name first (exact, then
 * without regard to case), else a sheet named like the role, else one whose
 * name starts with it (`Finansiering 2012`). SHEET_MISSING lists the sheets
 * that do exist. With a plan kept one sheet per year, the first year's sheet
 * (`findSheets` gives them all).
 */
export function findSheet(
  workbook: WorkbookSnapshot,
  role: SheetRole,
  explicitName?: string,
): { sheet: SheetSnapshot } | { finding: Finding } {
  const found = findSheets(workbook, role, explicitName);
  return 'finding' in found ? found : { sheet: found.sheets[0] };
}

/**
 * The sheets to read for a role, as `findSheet` finds one; but where there is
 * no sheet named exactly like the role and two or more are named like it with
 * a year (`Budsjett 2014`, `Budsjett 2015`), all of those, in year order (the
 * first in the workbook for a year named twice).
 */
export function findSheets(
  workbook: WorkbookSnapshot,
  role: SheetRole,
  explicitName?: string,
): { sheets: readonly SheetSnapshot[] } | { finding: Finding } {
  const sheets = workbook.sheets.filter((s) => s.name !== REGISTER_SHEET);
  if (explicitName !== undefined) {
    const hit =
      sheets.find((s) => s.name === explicitName) ??
      sheets.find((s) => lower(s.name) === lower(explicitName));
    if (hit) return { sheets: [hit] };
  } else {
    const names = SHEET_NAMES[role];
    const exact = sheets.find((s) => names.includes(lower(s.name)));
    if (exact) return { sheets: [exact] };
    const byYear = new Map<number, SheetSnapshot>();
    for (const s of sheets) {
      const year = perYearSheetYear(s.name, role);
      if (year !== null && !byYear.has(year)) byYear.set(year, s);
    }
    if (byYear.size >= 2) return { sheets: [...byYear].sort(([a], [b]) => a - b).map(([, s]) => s) };
    const prefixed = sheets.find((s) => names.some((n) => lower(s.name).startsWith(n)));
    if (prefixed) return { sheets: [prefixed] };
  }
  return {
    finding: finding({
      code: 'SHEET_MISSING',
      cells: [],
      // `name` only for a sheet the user named: the message says what was sought otherwise.
      params: {
        role,
        ...(explicitName !== undefined ? { name: explicitName } : {}),
        sheets: workbook.sheets.map((s) => s.name),
      },
    }),
  };
}
