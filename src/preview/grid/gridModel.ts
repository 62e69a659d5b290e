/**
 * What the preview's grid draws for one sheet of the host: the rows and columns to show, each
 * cell's displayed text and look, merged areas, and the selection. Pure: the grid component
 * renders this and nothing else.
 *
 * A cell's text is its value through its number format in the page's language, as Excel shows it
 * to a user of that language (domain/numberFormat.ts): `700 000` (U+00A0) in bokmål, `700,000`
 * in English. Not the host's `Range.text`, which is always en-US.
 *
 * A big workbook is not drawn whole: at most `maxRows` × `maxColumns` cells, a window that
 * starts at A1, or is moved so that the selection is inside it.
 */
import { MAX_COLS, MAX_ROWS, cellRef, columnLetters, parseRangeRef } from '../../domain/address';
import type { Lang } from '../../domain/messages';
import type { CellValue } from '../../domain/snapshot';
import { DISPLAY_LOCALES, displayText } from '../../domain/numberFormat';
import type { HostCellView, HostSheetView } from '../../host';

/** A rectangle of cells, 0-based. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** How a cell looks: the formats the host stores, as the grid can draw them. */
export interface CellLook {
  readonly bold: boolean;
  readonly italic: boolean;
  /** `#RRGGBB`, or undefined for the default. */
  readonly fontColor?: string;
  readonly fill?: string;
  /** Points. */
  readonly fontSize?: number;
  /** Excel's General alignment: numbers right, booleans and errors centred, text left. */
  readonly align: 'left' | 'center' | 'right';
  readonly indent: number;
  readonly wrap: boolean;
}

export interface GridCell {
  readonly col: number;
  /** `B9`. */
  readonly address: string;
  /** What the cell shows in the display language: its value through its number format, as Excel. */
  readonly text: string;
  /** What editing the cell starts from, as Excel's formula bar shows it: the formula, or the value. */
  readonly input: string;
  readonly look: CellLook;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly selected: boolean;
  /** The selection's first cell (Excel's active cell). */
  readonly active: boolean;
}

export interface GridRow {
  readonly index: number;
  readonly selected: boolean;
  /** Cells covered by a merged area are left out (the area's first cell spans them). */
  readonly cells: readonly GridCell[];
}

export interface GridColumn {
  readonly index: number;
  readonly letter: string;
  /** Pixels, from Excel's width in characters. */
  readonly width: number;
  readonly selected: boolean;
}

export interface GridModel {
  readonly sheet: string;
  readonly columns: readonly GridColumn[];
  readonly rows: readonly GridRow[];
  /** The sheet's selection as the host states it (`B9`, `A1:C3`), or '' when unreadable. */
  readonly selection: string;
  /** Rows shown (1-based, inclusive) of how many the sheet uses; `clipped` when not all are shown. */
  readonly shownRows: { readonly first: number; readonly last: number; readonly total: number };
  readonly clipped: boolean;
  /** How many rows and columns the sheet uses (its stored cells), for End and Ctrl+End. */
  readonly used: { readonly rows: number; readonly cols: number };
  /** The sheet's merged areas, whole (not clipped to what is drawn). */
  readonly merges: readonly Rect[];
}

export interface GridLimits {
  readonly maxRows: number;
  readonly maxColumns: number;
  /** Blank rows and columns drawn after the used area, as Excel shows more of the sheet. */
  readonly padRows: number;
  readonly padColumns: number;
  readonly minRows: number;
  readonly minColumns: number;
}

export const DEFAULT_LIMITS: GridLimits = {
  maxRows: 500,
  maxColumns: 52,
  padRows: 4,
  padColumns: 2,
  minRows: 24,
  minColumns: 8,
};

/** Excel's default column width (8.43 characters), in pixels. */
const DEFAULT_WIDTH_PX = 64;

/** Excel's width in characters of the default font → pixels (the usual 7 px per character + padding). */
export function widthToPixels(characters: number): number {
  return Math.round(characters * 7 + 5);
}

/** `B9`, `A1:C3` (either corner order) → a rectangle; null for anything else (`A:C`, ''). */
export const parseRange: (address: string) => Rect | null = parseRangeRef;

const contains = (r: Rect | null, row: number, col: number) =>
  r !== null && row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;

/**
 * Which part of one axis to draw: from 0 when the selection fits in `max` lines, else a window
 * of `max` lines with the selection in its upper third.
 */
function span(used: number, selStart: number, selEnd: number, pad: number, min: number, max: number) {
  const wanted = Math.max(used + pad, selEnd + 1 + pad, min);
  if (wanted <= max) return { first: 0, count: wanted };
  if (selEnd < max) return { first: 0, count: max };
  const first = Math.max(0, selStart - Math.floor(max / 3));
  return { first, count: max };
}

export function lookOf(cell: HostCellView): CellLook {
  const f = cell.format;
  const v = cell.value;
  const general = typeof v === 'number' ? 'right' : v !== null && typeof v !== 'string' ? 'center' : 'left';
  const align =
    f.horizontalAlignment === 'Left'
      ? 'left'
      : f.horizontalAlignment === 'Center'
        ? 'center'
        : f.horizontalAlignment === 'Right'
          ? 'right'
          : general;
  return {
    bold: f.bold === true,
    italic: f.italic === true,
    ...(f.fontColor ? { fontColor: f.fontColor } : {}),
    ...(f.fill ? { fill: f.fill } : {}),
    ...(f.fontSize ? { fontSize: f.fontSize } : {}),
    align,
    indent: f.indentLevel ?? 0,
    wrap: f.wrapText === true,
  };
}

const BLANK: CellLook = { bold: false, italic: false, align: 'left', indent: 0, wrap: false };

/** `lang`: the display language, whose separators and names the cells' texts are in. */
export function gridModel(view: HostSheetView, lang: Lang, limits: GridLimits = DEFAULT_LIMITS): GridModel {
  const locale = DISPLAY_LOCALES[lang];
  const selection = parseRange(view.selection);
  const rowSpan = span(
    view.rowCount,
    selection?.row ?? 0,
    selection ? selection.row + selection.rows - 1 : 0,
    limits.padRows,
    limits.minRows,
    limits.maxRows,
  );
  const colSpan = span(
    view.columnCount,
    selection?.col ?? 0,
    selection ? selection.col + selection.cols - 1 : 0,
    limits.padColumns,
    limits.minColumns,
    limits.maxColumns,
  );
  const window: Rect = { row: rowSpan.first, col: colSpan.first, rows: rowSpan.count, cols: colSpan.count };
  const lastRow = window.row + window.rows;
  const lastCol = window.col + window.cols;

  const cells = new Map<number, HostCellView>();
  const key = (row: number, col: number) => row * 20_000 + col;
  for (const c of view.cells) {
    if (contains(window, c.row, c.col)) cells.set(key(c.row, c.col), c);
  }

  // Merged areas, clipped to the window: the first cell spans, the others are left out.
  const anchors = new Map<number, { rows: number; cols: number }>();
  const covered = new Set<number>();
  for (const address of view.merges) {
    const m = parseRange(address);
    if (!m) continue;
    const r0 = Math.max(m.row, window.row);
    const c0 = Math.max(m.col, window.col);
    const r1 = Math.min(m.row + m.rows, lastRow);
    const c1 = Math.min(m.col + m.cols, lastCol);
    if (r0 >= r1 || c0 >= c1) continue;
    anchors.set(key(r0, c0), { rows: r1 - r0, cols: c1 - c0 });
    for (let r = r0; r < r1; r++)
      for (let c = c0; c < c1; c++) if (r !== r0 || c !== c0) covered.add(key(r, c));
  }

  const widths = new Map(view.columnWidths.map((w) => [w.col, widthToPixels(w.width)]));
  const columns: GridColumn[] = [];
  for (let c = window.col; c < lastCol; c++) {
    columns.push({
      index: c,
      letter: columnLetters(c),
      width: widths.get(c) ?? DEFAULT_WIDTH_PX,
      selected: selection !== null && c >= selection.col && c < selection.col + selection.cols,
    });
  }

  const rows: GridRow[] = [];
  for (let r = window.row; r < lastRow; r++) {
    const rowCells: GridCell[] = [];
    for (let c = window.col; c < lastCol; c++) {
      const k = key(r, c);
      if (covered.has(k)) continue;
      const cell = cells.get(k);
      const merge = anchors.get(k);
      rowCells.push({
        col: c,
        address: `${columnLetters(c)}${r + 1}`,
        text: cell ? displayText(cell.value, cell.format.numberFormat, locale) : '',
        input: cell ? cellInput(cell.formula, cell.value) : '',
        look: cell ? lookOf(cell) : BLANK,
        rowSpan: merge?.rows ?? 1,
        colSpan: merge?.cols ?? 1,
        selected: contains(selection, r, c),
        active: selection !== null && selection.row === r && selection.col === c,
      });
    }
    rows.push({
      index: r,
      selected: selection !== null && r >= selection.row && r < selection.row + selection.rows,
      cells: rowCells,
    });
  }

  const total = Math.max(view.rowCount, selection ? selection.row + selection.rows : 0);
  return {
    sheet: view.name,
    columns,
    rows,
    selection: selection ? view.selection : '',
    shownRows: { first: window.row + 1, last: lastRow, total },
    clipped: window.row > 0 || lastRow < total || window.col > 0 || lastCol < view.columnCount,
    used: { rows: view.rowCount, cols: view.columnCount },
    merges: view.merges.map(parseRange).filter((m): m is Rect => m !== null),
  };
}

/** A key that moves the active cell, with the modifiers that change what it does. */
export interface GridKey {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly shiftKey?: boolean;
  readonly altKey?: boolean;
}

const rangeOf = (r: Rect) =>
  r.rows === 1 && r.cols === 1
    ? cellRef(r.row, r.col)
    : `${cellRef(r.row, r.col)}:${cellRef(r.row + r.rows - 1, r.col + r.cols - 1)}`;

/**
 * Where a key moves the selection, as in Excel: the arrows one cell (past a merged area the
 * active cell is in; onto a merged area, the whole area), Home to column A, End to the last
 * column the sheet uses, Ctrl+Home to A1 and Ctrl+End to the last used cell. Never past Excel's
 * grid. `B9`, or `A1:C1` for a merged area; null for a key that does not move it (Shift and
 * Ctrl+arrow, which extend or jump in Excel, are left alone).
 */
export function moveSelection(model: GridModel, key: GridKey): string | null {
  if (key.altKey || key.metaKey || key.shiftKey) return null;
  const ctrl = key.ctrlKey === true;
  const sel = parseRange(model.selection);
  const at = sel ?? { row: 0, col: 0, rows: 1, cols: 1 };
  const mergeAt = (row: number, col: number) => model.merges.find((m) => contains(m, row, col)) ?? null;
  // The active cell's extent: its merged area, if it has one.
  const here = mergeAt(at.row, at.col) ?? { row: at.row, col: at.col, rows: 1, cols: 1 };
  let row = at.row;
  let col = at.col;
  switch (key.key) {
    case 'ArrowRight':
      if (ctrl) return null;
      col = here.col + here.cols;
      break;
    case 'ArrowLeft':
      if (ctrl) return null;
      col = here.col - 1;
      break;
    case 'ArrowDown':
      if (ctrl) return null;
      row = here.row + here.rows;
      break;
    case 'ArrowUp':
      if (ctrl) return null;
      row = here.row - 1;
      break;
    case 'Home':
      col = 0;
      if (ctrl) row = 0;
      break;
    case 'End':
      col = Math.max(model.used.cols - 1, 0);
      if (ctrl) row = Math.max(model.used.rows - 1, 0);
      break;
    default:
      return null;
  }
  row = Math.min(Math.max(row, 0), MAX_ROWS - 1);
  col = Math.min(Math.max(col, 0), MAX_COLS - 1);
  return areaAt(model, row, col);
}

/** What selecting the cell at `row`, `col` selects: `B9`, or the whole merged area it is part of. */
export function areaAt(model: GridModel, row: number, col: number): string {
  return rangeOf(model.merges.find((m) => contains(m, row, col)) ?? { row, col, rows: 1, cols: 1 });
}

/** The cell as the formula bar shows it: its formula, or its value (`TRUE`, `#N/A`, `300000`). */
function cellInput(formula: string | undefined, value: CellValue): string {
  if (formula !== undefined) return formula;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') return value.error;
  return String(value);
}
