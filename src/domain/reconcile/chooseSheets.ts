/**
 * Which sheets a reconciliation reads, decided in one place from the workbook's sheet names
 * alone: the budget and the financing (the user's choice, else found by name; every year's sheet
 * of a plan kept one sheet per year) and the register. An adapter reads the cells of these
 * sheets and no others (`sheetsToRead`), and `reconcile()` reads its tables from the same
 * decision, so the two cannot disagree.
 */
import type { Finding } from '../findings';
import { findRegisterSheet } from '../register/readRegister';
import { sheetsNamed } from '../snapshot';
import { findSheets, type SheetRole } from '../tables/findSheet';
import { REVIEW_SHEET } from '../review/sheetName';

export interface SheetChoice {
  /** Read this sheet as the budget (the user's choice); otherwise found by name. */
  readonly budgetSheet?: string;
  readonly financingSheet?: string;
}

/** A role's sheets, by name, in year order; or SHEET_MISSING listing the sheets there are. */
export type RoleSheets = { readonly sheets: readonly string[] } | { readonly missing: Finding };

export interface ChosenSheets {
  readonly budget: RoleSheets;
  readonly financing: RoleSheets;
  /** The register sheet's name as in the workbook; null when there is none. */
  readonly register: string | null;
  /** The review log's sheet (`Avstemmingslogg`, domain/review) as in the workbook; null when there is none. */
  readonly review: string | null;
}

export function chooseSheets(names: readonly string[], choice: SheetChoice = {}): ChosenSheets {
  const workbook = { sheets: sheetsNamed(names) };
  const role = (r: SheetRole, explicit: string | undefined): RoleSheets => {
    const found = findSheets(workbook, r, explicit);
    return 'finding' in found ? { missing: found.finding } : { sheets: found.sheets.map((s) => s.name) };
  };
  return {
    budget: role('budget', choice.budgetSheet),
    financing: role('financing', choice.financingSheet),
    register: findRegisterSheet(workbook)?.name ?? null,
    review: findReviewSheet(names),
  };
}

/** The review log's sheet by name (as the register's: trimmed, any case), or null. */
export function findReviewSheet(names: readonly string[]): string | null {
  const wanted = REVIEW_SHEET.toLowerCase();
  return names.find((n) => n.trim().toLowerCase() === wanted) ?? null;
}
