/**
 * What the preview and tests read of the host's workbook, outside Office.js:
 * the sheets and their state, a sheet's stored cells as the grid shows them
 * (value, formula, text in en-US number formatting, format), its tables,
 * charts and layout, and the whole workbook as the domain reads workbooks.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../domain/snapshot';
import {
  FORMAT_KEYS,
  type CellFormat,
  type CellHyperlink,
  type ChartData,
  type ConditionalFormatData,
  type PageLayoutData,
  type ProtectionOptions,
  type SheetData,
  type SheetVisibility,
  type TableData,
} from './model/cells';
import { formatValue } from './model/numberFormat';
import { parseRangeAddress, rectToA1, type Rect } from './model/rangeAddress';
import type { WorkbookState } from './model/state';

export type Visibility = 'visible' | 'hidden' | 'veryHidden';

export interface HostSheetInfo {
  readonly name: string;
  readonly visibility: Visibility;
  readonly protected: boolean;
}

/** A stored cell as the preview shows it. */
export interface HostCellView {
  readonly row: number;
  readonly col: number;
  /** The value, or the formula's result; null when the cell only has a format. */
  readonly value: CellValue;
  readonly formula?: string;
  /** What the cell shows (en-US number formatting). */
  readonly text: string;
  readonly format: Readonly<CellFormat>;
  readonly hyperlink?: CellHyperlink;
}

export interface HostSheetView extends HostSheetInfo {
  /** The protection's options and whether it has a password; null when the sheet is not protected. */
  readonly protection: {
    readonly options: Readonly<Required<ProtectionOptions>>;
    readonly password: boolean;
  } | null;
  /** Row heights in points, where set. */
  readonly rowHeights: readonly { readonly row: number; readonly height: number }[];
  /** Frozen rows and columns; null when none. */
  readonly freeze: { readonly rows: number; readonly cols: number } | null;
  readonly tables: readonly TableData[];
  readonly conditionalFormats: readonly ConditionalFormatData[];
  readonly charts: readonly ChartData[];
  readonly pageLayout: Readonly<PageLayoutData>;
  /** 0-based rows with a manual page break above them. */
  readonly rowBreaks: readonly number[];
  /** One past the last row and column holding content or a format (0 for a blank sheet). */
  readonly rowCount: number;
  readonly columnCount: number;
  /** Every stored cell, row by row. */
  readonly cells: readonly HostCellView[];
  readonly columnWidths: readonly { readonly col: number; readonly width: number }[];
  readonly merges: readonly string[];
  /** The sheet's selection, `B9` or `A1:C3`. */
  readonly selection: string;
}

const FROM_EXCEL: Record<SheetVisibility, Visibility> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

export function sheetInfo(sheet: SheetData): HostSheetInfo {
  return { name: sheet.name, visibility: FROM_EXCEL[sheet.visibility], protected: sheet.isProtected };
}

/** The stored cells of a sheet, or only those inside `area` (`A1:Z60`, the part a grid shows). */
export function sheetView(state: WorkbookState, sheet: SheetData, area?: string): HostSheetView {
  const window = area === undefined ? null : parseRangeAddress(area);
  if (area !== undefined && window === null) throw new Error(`Not a range: ${area}`);
  const cells: HostCellView[] = [];
  let rowCount = 0;
  let columnCount = 0;
  sheet.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell === undefined) return;
      rowCount = Math.max(rowCount, r + 1);
      columnCount = Math.max(columnCount, c + 1);
      if (window && !inside(window, r, c)) return;
      const value = state.value(sheet, r, c);
      const format: CellFormat = {};
      for (const k of FORMAT_KEYS)
        if (cell[k] !== undefined) (format as Record<string, unknown>)[k] = cell[k];
      cells.push({
        row: r,
        col: c,
        value,
        ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
        text: formatValue(value, cell.numberFormat),
        format,
        ...(cell.hyperlink ? { hyperlink: cell.hyperlink } : {}),
      });
    });
  });
  return {
    ...sheetInfo(sheet),
    protection: sheet.isProtected
      ? { options: { ...sheet.protectionOptions }, password: sheet.protectionPassword !== null }
      : null,
    rowCount,
    columnCount,
    cells,
    columnWidths: [...sheet.columnWidths].map(([col, width]) => ({ col, width })),
    merges: sheet.merges.all().map(rectToA1),
    selection: rectToA1(sheet.selection),
    rowHeights: [...sheet.rowHeights].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height })),
    freeze: sheet.freeze,
    tables: sheet.tables,
    conditionalFormats: sheet.conditionalFormats,
    charts: sheet.charts,
    pageLayout: sheet.pageLayout,
    rowBreaks: sheet.rowBreaks,
  };
}

function inside(rect: Rect, row: number, col: number): boolean {
  return row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;
}

/** What every sheet holds, as the domain reads workbooks (values are formula results). */
export function workbookSnapshot(state: WorkbookState): WorkbookSnapshot {
  return { sheets: state.sheets.map((s) => snapshotSheet(state, s)) };
}

function snapshotSheet(state: WorkbookState, sheet: SheetData): SheetSnapshot {
  const used = sheet.usedRect(false);
  if (!used)
    return {
      name: sheet.name,
      origin: { row: 0, col: 0 },
      values: [],
      visibility: FROM_EXCEL[sheet.visibility],
    };
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const indents: number[][] = [];
  for (let r = used.row; r < used.row + used.rows; r++) {
    const v: CellValue[] = [];
    const f: (string | null)[] = [];
    const ind: number[] = [];
    for (let c = used.col; c < used.col + used.cols; c++) {
      const cell = sheet.get(r, c);
      v.push(state.value(sheet, r, c));
      f.push(cell?.formula ?? null);
      ind.push(cell?.indentLevel ?? 0);
    }
    values.push(v);
    formulas.push(f);
    indents.push(ind);
  }
  return {
    name: sheet.name,
    origin: { row: used.row, col: used.col },
    values,
    formulas,
    indents,
    visibility: FROM_EXCEL[sheet.visibility],
  };
}
