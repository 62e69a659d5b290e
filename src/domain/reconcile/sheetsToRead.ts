/**
 * Which sheets reconciling a workbook reads, from their names alone, found
 * as `reconcile()` finds them: the budget and the financing (by the user's
 * choice or by name; every year's sheet of a plan kept one sheet per year)
 * and the register. An adapter reads these sheets' cells
 * and no others.
 */
import { findRegisterSheet } from '../register/readRegister';
import { sheetsNamed, type WorkbookSnapshot } from '../snapshot';
import { findSheets, type SheetRole } from '../tables/findSheet';

export interface SheetChoice {
  /** Read this sheet as the budget (the user's choice); otherwise found by name. */
  readonly budgetSheet?: string;
  readonly financingSheet?: string;
}

/** A sheet to read, by name, and what the engine takes it for. */
export interface SheetToRead {
  readonly name: string;
  readonly roles: ReadonlySet<SheetRole | 'register'>;
}

export function sheetsToRead(names: readonly string[], choice: SheetChoice = {}): SheetToRead[] {
  const workbook: WorkbookSnapshot = { sheets: sheetsNamed(names) };
  const roles = new Map<string, Set<SheetRole | 'register'>>();
  const want = (name: string | undefined, role: SheetRole | 'register') => {
    if (name === undefined) return;
    if (!roles.has(name)) roles.set(name, new Set());
    roles.get(name)!.add(role);
  };
  for (const [role, explicit] of [
    ['budget', choice.budgetSheet],
    ['financing', choice.financingSheet],
  ] as const) {
    const found = findSheets(workbook, role, explicit);
    // A plan kept one sheet per year (`Budsjett 2014`, `Budsjett 2015`) is read from all of them.
    if ('sheets' in found) for (const sheet of found.sheets) want(sheet.name, role);
  }
  want(findRegisterSheet(workbook)?.name, 'register');
  return [...roles].map(([name, r]) => ({ name, roles: r }));
}
