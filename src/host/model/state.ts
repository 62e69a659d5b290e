/**
 * The host workbook's data and the operations on it, as Excel performs
 * them at `sync()`: reading a range the way `Range.values`, `formulas`,
 * `text`, `valueTypes` and `numberFormat` show it, and writing with Excel's
 * rules (input.ts). Every write records how to undo it, so that a sync that
 * fails as a whole (payload too large) applies nothing.
 */
import type { CellValue } from '../../domain/snapshot';
import { isCellError } from '../../domain/snapshot';
import { quoteSheetName } from '../../domain/address';
import { SheetData, type CellData, type CellFormat } from './cells';
import { HostError, invalidArgument } from './errors';
import { evaluateFormula, UNSUPPORTED } from './formula';
import { interpretInput } from './input';
import { formatValue } from './numberFormat';
import { cellCount, type Rect } from './rangeAddress';

export type Journal = (() => void)[];
export type GridKind = 'values' | 'formulas' | 'text' | 'valueTypes' | 'numberFormat';

/** Beyond this many cells a formula's range argument is clipped to the sheet's used range. */
const CLIP_CELLS = 10_000;

/** A workbook-level name: `formula` as Office.js shows it (`='Avstemming'!$A$1`). */
export interface NameData {
  name: string;
  formula: string;
}

/** `Avstemming` or `'Avstemming (2)'` followed by `!`, without regard to case, as a pattern. */
function sheetPrefix(sheet: string): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const quoted = `'${esc(sheet.replace(/'/g, "''"))}'!`;
  const plain = `(?<![\\w.'])${esc(sheet)}!`;
  return new RegExp(`${quoted}|${plain}`, 'gi');
}

export class WorkbookState {
  readonly sheets: SheetData[] = [];
  /** Workbook-level names, in the order added. */
  readonly names: NameData[] = [];
  active: SheetData | null = null;
  /** Bumped on every content change; formula results are recalculated lazily against it. */
  version = 0;
  private readonly evaluating = new Set<CellData>();
  /**
   * `Application.suspendApiCalculationUntilNextSync()` (ExcelApi 1.6) is in force: the rest of
   * the request writes formulas without calculating them (set and cleared by the executor).
   */
  calculationSuspended = false;
  /**
   * Recalculations asked for (`Application.calculate()`). A formula cell written while
   * calculation was suspended is marked with the count at the time, and keeps showing its old
   * result (0 for a new formula) until the count moves on: no later change recalculates it
   * (Microsoft: "Once set, it is the developer's responsibility to re-calc the workbook"). A
   * count rather than a list, because cells are copied when they change.
   */
  private calculations = 0;

  /** Excel's sheet names are unique without regard to case. */
  sheet(name: string): SheetData | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(name: string, journal?: Journal): SheetData {
    if (this.sheet(name)) {
      throw new HostError('ItemAlreadyExists', name);
    }
    if (!/^[^\\/?*[\]:]{1,31}$/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw invalidArgument(`'${name}' is not a valid sheet name.`);
    }
    const sheet = new SheetData(name);
    this.sheets.push(sheet);
    this.active ??= sheet;
    journal?.push(() => {
      this.sheets.splice(this.sheets.indexOf(sheet), 1);
      if (this.active === sheet) this.active = this.sheets[0] ?? null;
    });
    return sheet;
  }

  name(name: string): NameData | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  /**
   * What refers to a renamed sheet follows it, as in Excel: defined names, cell formulas and chart
   * series (a reference inside a formula's string literal would be rewritten too; Excel would not).
   */
  renameReferences(journal: Journal, from: string, to: string): void {
    const pattern = sheetPrefix(from);
    const replacement = `${quoteSheetName(to)}!`;
    for (const n of this.names) {
      const old = n.formula;
      n.formula = old.replace(pattern, replacement);
      if (n.formula !== old) journal.push(() => (n.formula = old));
    }
    for (const sheet of this.sheets) {
      sheet.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell?.formula === undefined || !pattern.test(cell.formula)) return;
          pattern.lastIndex = 0;
          const formula = cell.formula.replace(pattern, replacement);
          this.change(journal, sheet, r, c, (next) => (next.formula = formula));
        }),
      );
      pattern.lastIndex = 0;
      for (const chart of sheet.charts) {
        for (const series of chart.series) {
          const old = { values: series.values, categories: series.categories };
          series.values = old.values?.replace(pattern, replacement) ?? null;
          series.categories = old.categories?.replace(pattern, replacement) ?? null;
          if (series.values !== old.values || series.categories !== old.categories) {
            journal.push(() => Object.assign(series, old));
          }
        }
      }
    }
  }

  /** Names referring to a deleted sheet become `=#REF!$A$1`, as in Excel. */
  breakNames(journal: Journal, sheet: string): void {
    for (const n of this.names) {
      const old = n.formula;
      n.formula = old.replace(sheetPrefix(sheet), '#REF!');
      if (n.formula !== old) journal.push(() => (n.formula = old));
    }
  }

  /** The value a cell holds or its formula's result; null when empty. */
  value(sheet: SheetData, row: number, col: number): CellValue {
    const cell = sheet.get(row, col);
    if (cell === undefined) return null;
    return cell.formula === undefined ? cell.value : this.result(sheet, cell);
  }

  /** `Application.calculate()`: every formula written while calculation was suspended gets its result. */
  calculate(): void {
    this.calculations++;
    this.version++;
  }

  private result(sheet: SheetData, cell: CellData): CellValue {
    if (cell.uncalculated === this.calculations) return cell.value ?? 0;
    if (cell.calcVersion === this.version) return cell.value;
    // A circular reference reads 0, as Excel shows it.
    if (this.evaluating.has(cell)) return 0;
    this.evaluating.add(cell);
    try {
      const v = evaluateFormula(cell.formula!, {
        range: (name, rect) => {
          const target = name === null ? sheet : this.sheet(name);
          return target ? this.grid(target, rect) : null;
        },
      });
      cell.value = v === UNSUPPORTED ? (cell.fromFile ? cell.value : { error: '#NAME?' }) : v;
      cell.calcVersion = this.version;
      return cell.value;
    } finally {
      this.evaluating.delete(cell);
    }
  }

  private grid(sheet: SheetData, rect: Rect): CellValue[][] {
    let r = rect;
    if (cellCount(rect) > CLIP_CELLS) {
      const used = sheet.usedRect(true);
      if (!used) return [[null]];
      const r0 = Math.max(rect.row, used.row);
      const c0 = Math.max(rect.col, used.col);
      const r1 = Math.min(rect.row + rect.rows, used.row + used.rows);
      const c1 = Math.min(rect.col + rect.cols, used.col + used.cols);
      if (r1 <= r0 || c1 <= c0) return [[null]];
      r = { row: r0, col: c0, rows: r1 - r0, cols: c1 - c0 };
    }
    const out: CellValue[][] = [];
    for (let i = 0; i < r.rows; i++) {
      const row: CellValue[] = [];
      for (let j = 0; j < r.cols; j++) row.push(this.value(sheet, r.row + i, r.col + j));
      out.push(row);
    }
    return out;
  }

  /** A range as one of Range's 2D properties shows it. */
  read(sheet: SheetData, rect: Rect, kind: GridKind): unknown[][] {
    const out: unknown[][] = new Array<unknown[]>(rect.rows);
    for (let i = 0; i < rect.rows; i++) {
      const cells = sheet.rows[rect.row + i];
      const row = new Array<unknown>(rect.cols);
      for (let j = 0; j < rect.cols; j++) {
        const cell = cells?.[rect.col + j];
        row[j] = cell === undefined ? EMPTY[kind] : this.show(sheet, cell, kind);
      }
      out[i] = row;
    }
    return out;
  }

  private show(sheet: SheetData, cell: CellData, kind: GridKind): unknown {
    if (kind === 'numberFormat') return cell.numberFormat ?? 'General';
    if (kind === 'formulas' && cell.formula !== undefined) return cell.formula;
    const v = cell.formula === undefined ? cell.value : this.result(sheet, cell);
    switch (kind) {
      case 'valueTypes':
        return v === null ? 'Empty' : isCellError(v) ? 'Error' : TYPE_NAMES[typeof v];
      case 'text':
        return formatValue(v, cell.numberFormat);
      default:
        return v === null ? '' : isCellError(v) ? v.error : v;
    }
  }

  /** Writes `Range.values` or `Range.formulas`: a 2D array of the range's size, or one value for all cells. */
  writeContent(journal: Journal, sheet: SheetData, rect: Rect, input: unknown, location: string): void {
    const at = grid2d(input, rect, location);
    this.guard(sheet);
    // Formulas written while calculation was suspended keep their old result until
    // Application.calculate(): re-calculating is "the developer's responsibility" (the
    // API's documentation), so the host assumes no later change does it for them.
    for (let i = 0; i < rect.rows; i++) {
      for (let j = 0; j < rect.cols; j++) {
        const r = rect.row + i;
        const c = rect.col + j;
        const entry = interpretInput(at(i, j), sheet.get(r, c)?.numberFormat);
        if (entry.kind === 'unchanged') continue;
        this.change(journal, sheet, r, c, (cell) => {
          const old = cell.formula === undefined ? null : cell.value;
          delete cell.formula;
          delete cell.quotePrefix;
          delete cell.calcVersion;
          delete cell.fromFile;
          delete cell.uncalculated;
          cell.value = null;
          if (entry.kind === 'formula') {
            cell.formula = entry.formula;
            if (this.calculationSuspended) {
              cell.uncalculated = this.calculations;
              cell.value = old;
            }
          } else if (entry.kind === 'constant') {
            cell.value = entry.value;
            if (entry.quotePrefix) cell.quotePrefix = true;
            // A typed date or percentage takes its format, as in Excel, where the cell has none.
            if (entry.numberFormat !== undefined && cell.numberFormat === undefined) {
              cell.numberFormat = entry.numberFormat;
            }
          }
        });
      }
    }
  }

  /** Writes one format property of every cell (a 2D array or one value for all); null entries change nothing. */
  writeFormat<K extends keyof CellFormat>(
    journal: Journal,
    sheet: SheetData,
    rect: Rect,
    key: K,
    input: unknown,
    location: string,
  ): void {
    const at = grid2d(input, rect, location);
    this.guard(sheet);
    for (let i = 0; i < rect.rows; i++) {
      for (let j = 0; j < rect.cols; j++) {
        const v = at(i, j);
        if (v === null || v === undefined) continue;
        this.change(journal, sheet, rect.row + i, rect.col + j, (cell) => {
          if (key === 'numberFormat' && v === 'General') delete cell.numberFormat;
          else cell[key] = v as CellData[K];
        });
      }
    }
  }

  /** Excel refuses writes to a protected sheet. */
  guard(sheet: SheetData): void {
    if (sheet.isProtected) {
      throw new HostError('AccessDenied', `the cells of ${sheet.name} are protected`);
    }
  }

  /** Changes one cell through a copy, recording how to undo it. */
  change(journal: Journal, sheet: SheetData, row: number, col: number, edit: (cell: CellData) => void): void {
    const prev = sheet.get(row, col);
    const next: CellData = prev ? { ...prev } : { value: null };
    edit(next);
    sheet.put(row, col, next);
    this.version++;
    journal.push(() => {
      sheet.put(row, col, prev);
      this.version++;
    });
  }
}

const EMPTY: Record<GridKind, unknown> = {
  values: '',
  formulas: '',
  text: '',
  valueTypes: 'Empty',
  numberFormat: 'General',
};

const TYPE_NAMES: Record<string, string> = { number: 'Double', string: 'String', boolean: 'Boolean' };

/** Accessor for a write's input: a 2D array matching the range, or a single value for every cell. */
function grid2d(input: unknown, rect: Rect, location: string): (i: number, j: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const rows = input as unknown[];
  if (rows.length !== rect.rows || rows.some((r) => !Array.isArray(r) || r.length !== rect.cols)) {
    throw invalidArgument(
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      location,
    );
  }
  return (i, j) => (rows[i] as unknown[])[j];
}
