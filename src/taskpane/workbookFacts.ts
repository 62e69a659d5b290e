/**
 * "What was found in the workbook", before and after a run.
 *
 * Before the first run the pane knows only the sheet names (one cheap listSheets() call), so it
 * finds the budget and financing sheets by name with the engine's own rule (SHEET_NAMES: exact
 * name, then a name starting with it). After a run the result's `sources` and `years` say what
 * the engine actually read. Kept out of the components so both paths give the same shape.
 */
import { REGISTER_SHEET } from '../domain/register/types';
import { sheetsNamed } from '../domain/snapshot';
import { findSheets, SHEET_NAMES, type SheetRole } from '../domain/tables/findSheet';
import type { SheetInfo } from '../excel/gateway';
import type { ReconcileState } from '../app/controller';

export interface WorkbookFacts {
  readonly budgetSheet: string | null;
  readonly financingSheet: string | null;
  readonly register: {
    readonly sheet: string;
    readonly hidden: boolean;
    /** Known only after a run. */
    readonly counts: { readonly projects: number; readonly sources: number } | null;
  } | null;
  /** Known only after a run. */
  readonly years: readonly number[] | null;
}

/**
 * The sheet the engine would take for `role`, from names alone (findSheets itself): the names of
 * every year's sheet, joined as the result's `sources` joins them, for a plan kept one sheet per
 * year.
 */
export function sheetForRole(sheets: readonly SheetInfo[], role: SheetRole): string | null {
  const found = findSheets({ sheets: sheetsNamed(sheets.map((s) => s.name)) }, role);
  return 'sheets' in found ? found.sheets.map((s) => s.name).join(', ') : null;
}

/** The names the engine looks for, capitalised for display (`Budsjett`, `Budget`). */
export function lookedForNames(role: SheetRole): readonly string[] {
  return SHEET_NAMES[role].map((n) => n.charAt(0).toLocaleUpperCase('nb') + n.slice(1));
}

/** The facts to show, or null while nothing is known yet. */
export function workbookFacts(state: ReconcileState): WorkbookFacts | null {
  if (state.run.status === 'done') {
    const s = state.run.result.sources;
    const registerInfo = state.sheets.sheets?.find((x) => x.name === s.registerSheet);
    return {
      budgetSheet: s.budgetSheet,
      financingSheet: s.financingSheet,
      register:
        s.registerSheet === null
          ? null
          : {
              sheet: s.registerSheet,
              hidden: registerInfo !== undefined && registerInfo.visibility !== 'visible',
              counts: { projects: s.projects, sources: s.fundingSources },
            },
      years: state.run.result.years,
    };
  }
  const sheets = state.sheets.sheets;
  if (sheets === null) return null;
  const registerInfo = sheets.find((x) => x.name === REGISTER_SHEET);
  return {
    budgetSheet: sheetForRole(sheets, 'budget'),
    financingSheet: sheetForRole(sheets, 'financing'),
    register: registerInfo
      ? { sheet: registerInfo.name, hidden: registerInfo.visibility !== 'visible', counts: null }
      : null,
    years: null,
  };
}

/** The roles whose sheet is missing, in a fixed order (empty when both are there). */
export function missingRoles(facts: WorkbookFacts | null): readonly SheetRole[] {
  if (facts === null) return [];
  const missing: SheetRole[] = [];
  if (facts.budgetSheet === null) missing.push('budget');
  if (facts.financingSheet === null) missing.push('financing');
  return missing;
}
