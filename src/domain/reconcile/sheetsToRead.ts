/**
 * The sheets an adapter reads the cells of before reconciling: those `chooseSheets` decides on
 * (the budget, the financing, every year's sheet of a plan kept one sheet per year, the
 * register and the review log), each with what the engine takes it for. Every other sheet is read by name only.
 */
import type { SheetRole } from '../tables/findSheet';
import { chooseSheets, type SheetChoice } from './chooseSheets';

export type { SheetChoice } from './chooseSheets';

/** A sheet to read, by name, and what the engine takes it for. */
export interface SheetToRead {
  readonly name: string;
  readonly roles: ReadonlySet<SheetRole | 'register' | 'review'>;
}

export function sheetsToRead(names: readonly string[], choice: SheetChoice = {}): SheetToRead[] {
  const chosen = chooseSheets(names, choice);
  const roles = new Map<string, Set<SheetRole | 'register' | 'review'>>();
  const want = (name: string | null, role: SheetRole | 'register' | 'review') => {
    if (name === null) return;
    if (!roles.has(name)) roles.set(name, new Set());
    roles.get(name)!.add(role);
  };
  for (const role of ['budget', 'financing'] as const) {
    const found = chosen[role];
    if ('sheets' in found) for (const sheet of found.sheets) want(sheet, role);
  }
  want(chosen.register, 'register');
  want(chosen.review, 'review');
  return [...roles].map(([name, r]) => ({ name, roles: r }));
}
