/**
 * Where a finding's cell on the register sheet is in the register editor. The register sheet is
 * very hidden and protected: Excel will not select a cell on it, and the register is edited in the
 * pane, so such a cell opens the editor at its row instead (DUPLICATE_ID's `Prosjektregister!A7`,
 * NO_BUDGET_LINE's contribution cell, a row REGISTER_INVALID could not read).
 */
import { parseCellRef } from '../../domain/address';
import { readRegister } from '../../domain/register/readRegister';
import type { WorkbookSnapshot } from '../../domain/snapshot';
import { parseSheetRef } from '../../excel/adapter/sheetRef';
import type { RegisterRow } from '../register/names';

/** A cell on the register sheet: the editor's row it is in, or `row: null` for any other cell (a header, an unreadable row). */
export interface RegisterCell {
  readonly row: RegisterRow | null;
}

/**
 * For the cells of a run's findings: null for a cell on another sheet (selected in Excel), else
 * the register row it belongs to. `registerSheet` is the register sheet the run read (its name as
 * in the workbook); `snapshot` what the run read, for where the register's rows stand.
 */
export function registerCells(
  snapshot: WorkbookSnapshot | null,
  registerSheet: string | null,
): (ref: string) => RegisterCell | null {
  if (registerSheet === null) return () => null;
  const sheet = registerSheet.toLowerCase();
  // Where the two tables' rows stand, made on the first cell that needs it (reading the register
  // again). The tables may stand side by side, so a cell is placed by its column as well as its row.
  let tables: readonly Table[] | null = null;
  const tablesOf = (): readonly Table[] => {
    if (tables !== null) return tables;
    const location = snapshot === null ? null : readRegister(snapshot).location;
    tables =
      location === null
        ? []
        : [
            tableOf('entries', Array.from(location.entryRows), location.projectColumns),
            tableOf('sources', location.sourceRows, location.sourceColumns),
          ];
    return tables;
  };
  return (ref) => {
    const parsed = parseSheetRef(ref);
    if (parsed === null || parsed.sheet === null || parsed.sheet.toLowerCase() !== sheet) return null;
    const cell = parseCellRef(parsed.address.split(':')[0]);
    if (cell === null) return { row: null };
    for (const t of tablesOf()) {
      const index = t.rows.get(cell.row);
      if (index !== undefined && cell.col >= t.fromCol && cell.col <= t.toCol) {
        return { row: { table: t.table, index } };
      }
    }
    return { row: null };
  };
}

/** One of the register's tables: the sheet row of each of its rows, and its columns. */
interface Table {
  readonly table: RegisterRow['table'];
  /** Sheet row → index in the table. */
  readonly rows: ReadonlyMap<number, number>;
  readonly fromCol: number;
  readonly toCol: number;
}

function tableOf(
  table: RegisterRow['table'],
  rows: readonly number[],
  columns: ReadonlyMap<string, number>,
): Table {
  const cols = [...columns.values()];
  return {
    table,
    rows: new Map(rows.map((row, index) => [row, index])),
    fromCol: cols.length === 0 ? 0 : Math.min(...cols),
    toCol: cols.length === 0 ? -1 : Math.max(...cols),
  };
}
