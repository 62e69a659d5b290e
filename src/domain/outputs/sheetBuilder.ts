import { cellRef } from '../address';
import type {
  CellModel,
  CellStyle,
  ChartModel,
  ConditionalFormatModel,
  InternalLink,
  PrintSettings,
  SheetModel,
} from '../model';

/** What a cell holds: text and numbers literally, or a formula. */
export type Content =
  | { readonly value: string | number | null }
  | { readonly formula: string }
  | { readonly value: string; readonly link: InternalLink };

/**
 * Collects a sheet's cells and settings while a layout walks down the rows.
 * Layouts stay declarative: they say what goes where, the builder keeps the
 * bookkeeping (one cell per address, widths, merges) in one place.
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

  constructor(readonly name: string) {}

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
    };
  }
}
