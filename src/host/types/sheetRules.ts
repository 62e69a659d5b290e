/**
 * Rules for worksheets that several types share: what a sheet may be called (Worksheet.name,
 * worksheets.add), and making a sheet the active one (Worksheet.activate, Range.select). Defines
 * no type.
 */
import type { SheetData } from '../model/cells';
import { invalidOperation } from '../model/errors';
import type { Execution } from '../richApi/execution';

export function isValidSheetName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    /^[^\\/?*[\]:]{1,31}$/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'")
  );
}

/** Makes a sheet the active one, recording how to undo it. Excel cannot activate a hidden sheet. */
export function activate(x: Execution, sheet: SheetData): void {
  if (sheet.visibility !== 'Visible') throw invalidOperation(`${sheet.name} is hidden`);
  const { state } = x;
  const old = state.active;
  state.active = sheet;
  x.journal.push(() => (state.active = old));
  x.selectionChanged = true;
}
