import { cellRef } from '../address';
import type {
  CellModel,
  CellStyle,
  ChartModel,
  ConditionalFormatModel,
  FontModel,
  InternalLink,
  PrintSettings,
  SheetModel,
} from '../model';
import {
  BODY_FONT,
  fitText,
  lineHeight,
  rowHeightFor,
  usableWidth,
  wrapLines,
  type TextChunk,
  type TextFont,
} from './measure';

/** What a cell holds: text and numbers literally, or a formula. */
export type Content =
  | { readonly value: string | number | null }
  | { readonly formula: string }
  | { readonly value: string; readonly link: InternalLink };

/** One cell of a fitted row (SheetBuilder.row). */
export interface RowCell {
  readonly col: number;
  /** The last column of a block the cell is merged across (its text gets the block's width). */
  readonly lastCol?: number;
  /** Null: a styled cell without content. */
  readonly content: Content | string | null;
  readonly style?: CellStyle;
}

/** The style of a cell a merge covers: only what shows of it, its fill and its borders. */
function covered(style: CellStyle): CellStyle {
  return {
    ...(style.fill !== undefined ? { fill: style.fill } : {}),
    ...(style.border !== undefined ? { border: style.border } : {}),
  };
}

/** Excel's width of a column whose width is not set (Calibri 11). */
const DEFAULT_WIDTH = 8.43;

/**
 * Collects a sheet's cells and settings while a layout walks down the rows.
 * Layouts stay declarative: they say what goes where, the builder keeps the
 * bookkeeping (one cell per address, widths, merges, row heights) in one place.
 */
export class SheetBuilder {
  private readonly cells = new Map<string, CellModel>();
  private readonly merges: string[] = [];
  private readonly widths = new Map<number, number>();
  private readonly heights = new Map<number, number>();
  private readonly formats: ConditionalFormatModel[] = [];
  private readonly charts: ChartModel[] = [];
  private freeze: SheetModel['freeze'];
  private print: PrintSettings | undefined;
  /** Every cell is written in this font (named in the file), and measured in it. */
  readonly font: FontModel = BODY_FONT;

  constructor(readonly name: string) {}

  /** The width set for a column (Excel's default when none is). */
  widthOf(col: number): number {
    return this.widths.get(col) ?? DEFAULT_WIDTH;
  }

  /** The width in points a text can use across columns `col` to `lastCol`. */
  textArea(col: number, lastCol = col): number {
    let chars = 0;
    for (let c = col; c <= lastCol; c++) chars += this.widthOf(c);
    return usableWidth(chars);
  }

  /** The lines a text wraps to across columns `col` to `lastCol` (1 when it fits on one). */
  linesOf(text: string, col: number, lastCol = col, font: TextFont = {}): number {
    return wrapLines(text, this.textArea(col, lastCol), { size: this.font.size, ...font }).length;
  }

  /** Points from the top of row `first` to the bottom of row `last`, as the rows are now. */
  heightOf(first: number, last = first): number {
    let sum = 0;
    for (let r = first; r <= last; r++) sum += this.heights.get(r) ?? lineHeight(this.font.size);
    return sum;
  }

  /**
   * One row of a table or a card, fitted to its texts (measure.ts): a text that fits its cell
   * (or the block it is merged across) stays on one line; a longer one wraps, and its row is made
   * as tall as its lines; a text taller than Excel's tallest row goes on in the rows below, as
   * many as it takes. The row's other cells are merged down over those rows (so a table's row
   * stays one row to read). Columns must have their widths before. Returns the rows taken.
   */
  row(row: number, cells: readonly RowCell[]): number {
    const fitted = cells.map((cell) => {
      const style = cell.style ?? {};
      const text =
        typeof cell.content === 'string'
          ? cell.content
          : cell.content !== null && 'value' in cell.content && typeof cell.content.value === 'string'
            ? cell.content.value
            : null;
      const font = { size: style.fontSize ?? this.font.size, bold: style.bold };
      const chunks: TextChunk[] | null =
        text === null || text === '' ? null : fitText(text, this.textArea(cell.col, cell.lastCol), font);
      const wraps = chunks !== null && (chunks.length > 1 || chunks[0].lines > 1);
      return {
        cell,
        chunks,
        size: font.size,
        style: wraps
          ? { ...style, wrapText: true, verticalAlignment: style.verticalAlignment ?? 'top' }
          : style,
      };
    });
    const rows = Math.max(1, ...fitted.map((f) => f.chunks?.length ?? 1));
    let tall = rows > 1;
    for (let r = 0; r < rows; r++) {
      let height = lineHeight(this.font.size);
      for (const f of fitted) {
        const lines = f.chunks?.[r]?.lines ?? (r === 0 ? 1 : 0);
        if (lines > 0) height = Math.max(height, rowHeightFor(lines, f.size));
      }
      if (height > lineHeight(Math.max(...fitted.map((f) => f.size)))) tall = true;
      this.height(row + r, height);
    }
    for (const f of fitted) {
      // In a row made taller by another cell's lines, every cell reads from the top, as the text does.
      const { cell, chunks } = f;
      const style: CellStyle =
        tall && f.style.verticalAlignment === undefined ? { ...f.style, verticalAlignment: 'top' } : f.style;
      const last = cell.lastCol ?? cell.col;
      const parts = chunks?.length ?? 1;
      for (let r = 0; r < rows; r++) {
        if (r < parts) {
          const content: Content =
            chunks === null
              ? typeof cell.content === 'string'
                ? { value: cell.content }
                : (cell.content ?? { value: null })
              : r === 0 && typeof cell.content !== 'string' && cell.content !== null
                ? ({ ...cell.content, value: chunks[0].text } as Content)
                : { value: chunks[r].text };
          this.set(row + r, cell.col, content, style);
        } else this.cover(row + r, cell.col, style);
        for (let c = cell.col + 1; c <= last; c++) this.cover(row + r, c, style);
      }
      // Each part across its block; the last one down to the fitted row's end.
      for (let r = 0; r < parts; r++) {
        const bottom = r === parts - 1 ? row + rows - 1 : row + r;
        this.merge(row + r, cell.col, last, bottom);
      }
    }
    return rows;
  }

  /** Sets a cell (a later call for the same cell replaces it). */
  set(row: number, col: number, content: Content, style: CellStyle = {}): void {
    this.cells.set(cellRef(row, col), { row, col, ...style, ...content });
  }

  text(row: number, col: number, text: string | null, style: CellStyle = {}): void {
    this.set(row, col, { value: text }, style);
  }

  /** Styles a cell without content (borders and fills of empty cells in a block). */
  blank(row: number, col: number, style: CellStyle): void {
    if (!this.cells.has(cellRef(row, col))) this.set(row, col, { value: null }, style);
  }

  /** A cell a merge covers: its fill and borders, where the merged block has them. */
  private cover(row: number, col: number, style: CellStyle): void {
    const shown = covered(style);
    if (shown.fill !== undefined || shown.border !== undefined) this.blank(row, col, shown);
  }

  merge(row: number, col: number, lastCol: number, lastRow = row): void {
    if (lastCol > col || lastRow > row) this.merges.push(`${cellRef(row, col)}:${cellRef(lastRow, lastCol)}`);
  }

  width(col: number, width: number): void {
    this.widths.set(col, width);
  }

  /** Keeps the tallest height asked for a row. */
  height(row: number, height: number): void {
    this.heights.set(row, Math.max(height, this.heights.get(row) ?? 0));
  }

  conditional(format: ConditionalFormatModel): void {
    this.formats.push(format);
  }

  chart(chart: ChartModel): void {
    this.charts.push(chart);
  }

  frozen(rows: number, cols: number): void {
    this.freeze = { rows, cols };
  }

  printing(settings: PrintSettings): void {
    this.print = settings;
  }

  build(): SheetModel {
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      name: this.name,
      cells,
      columnWidths: [...this.widths].sort((a, b) => a[0] - b[0]).map(([col, width]) => ({ col, width })),
      ...(this.heights.size > 0
        ? {
            rowHeights: [...this.heights]
              .sort((a, b) => a[0] - b[0])
              .map(([row, height]) => ({ row, height })),
          }
        : {}),
      ...(this.merges.length > 0 ? { merges: [...this.merges] } : {}),
      ...(this.formats.length > 0 ? { conditionalFormats: [...this.formats] } : {}),
      ...(this.freeze ? { freeze: this.freeze } : {}),
      ...(this.print ? { print: this.print } : {}),
      ...(this.charts.length > 0 ? { charts: [...this.charts] } : {}),
      font: this.font,
    };
  }
}
