/**
 * A neutral description of sheets to write: cells with values or formulas
 * and their formats. The domain builds it (the sample workbook, the
 * register sheet, later the reconciliation outputs); each adapter renders it
 * (ExcelJS in the CLI, Office.js in the add-in). No adapter decides layout.
 */

export interface CellStyle {
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** `#RRGGBB` */
  readonly fontColor?: string;
  /** `#RRGGBB` */
  readonly fill?: string;
  readonly indent?: number;
  readonly horizontalAlignment?: 'left' | 'center' | 'right';
  readonly wrapText?: boolean;
}

export interface CellModel extends CellStyle {
  /** 0-based row and column. */
  readonly row: number;
  readonly col: number;
  /**
   * A literal value. A string is always written as text, never as a
   * formula, even when it begins with `=`, `+`, `-` or `@`.
   */
  readonly value?: number | string | boolean | null;
  /** A formula, with its leading `=`. Takes precedence over `value`. */
  readonly formula?: string;
}

export interface TableModel {
  readonly name: string;
  /** A1 range including the header row, e.g. `A3:N14`. Header cells must be in `cells`. */
  readonly range: string;
  readonly style?: string;
}

export interface SheetModel {
  readonly name: string;
  readonly visibility?: 'visible' | 'hidden' | 'veryHidden';
  readonly cells: readonly CellModel[];
  /** Column widths in characters, by 0-based column. */
  readonly columnWidths?: readonly { readonly col: number; readonly width: number }[];
  /** A1 ranges to merge, e.g. `A1:C1`. */
  readonly merges?: readonly string[];
  readonly tables?: readonly TableModel[];
  /** Protect the sheet without a password (against accidental edits). */
  readonly protect?: boolean;
}

export interface WorkbookModel {
  readonly sheets: readonly SheetModel[];
}
