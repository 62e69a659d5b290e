/**
 * `Range.getCellProperties` and `Range.setCellProperties` (ExcelApi 1.9): each cell's address and
 * format, read as asked (Excel's defaults where a cell sets nothing), and formats set per cell
 * (keys left out change nothing).
 */
import { quoteSheetName } from '../../domain/address';
import type { CellData, HorizontalAlignment, RangeTarget, VerticalAlignment } from '../model/cells';
import { HostError, invalidArgument } from '../model/errors';
import { cellCount, rectToA1 } from '../model/rangeAddress';
import type { Execution } from '../richApi/execution';
import { borderWeight, checkAlignment, H_ALIGN, styleOf, V_ALIGN, type CellBorder } from './cellFormat';
import { forEachCell } from './ranges';

/** What `setCellProperties` takes per cell (the part of Excel.SettableCellProperties the host knows). */
interface SettableCellProperties {
  format?: {
    indentLevel?: number;
    horizontalAlignment?: string;
    verticalAlignment?: string;
    wrapText?: boolean;
    font?: { bold?: boolean; italic?: boolean; color?: string; size?: number; name?: string };
    fill?: { color?: string };
    borders?: { top?: CellBorder; bottom?: CellBorder; left?: CellBorder; right?: CellBorder };
  };
}

interface CellPropertiesLoadOptions {
  address?: boolean;
  format?: {
    indentLevel?: boolean;
    horizontalAlignment?: boolean;
    wrapText?: boolean;
    font?: { bold?: boolean; italic?: boolean; color?: boolean; size?: boolean };
    fill?: { color?: boolean };
  };
}

/** Sets the formats of one cell (its part of the 2D array `setCellProperties` takes). */
function applyCellFormat(cell: CellData, f: NonNullable<SettableCellProperties['format']>): void {
  if (f.indentLevel !== undefined) cell.indentLevel = f.indentLevel;
  if (f.horizontalAlignment !== undefined) {
    checkAlignment(f.horizontalAlignment, H_ALIGN, 'Range.setCellProperties');
    cell.horizontalAlignment = f.horizontalAlignment as HorizontalAlignment;
  }
  if (f.verticalAlignment !== undefined) {
    checkAlignment(f.verticalAlignment, V_ALIGN, 'Range.setCellProperties');
    cell.verticalAlignment = f.verticalAlignment as VerticalAlignment;
  }
  if (f.wrapText !== undefined) cell.wrapText = f.wrapText;
  if (f.font?.bold !== undefined) cell.bold = f.font.bold;
  if (f.font?.italic !== undefined) cell.italic = f.font.italic;
  if (f.font?.color !== undefined) cell.fontColor = f.font.color;
  if (f.font?.size !== undefined) cell.fontSize = f.font.size;
  if (f.fill?.color !== undefined) cell.fill = f.fill.color;
  const sides = [
    ['top', 'borderTop'],
    ['bottom', 'borderBottom'],
    ['left', 'borderLeft'],
    ['right', 'borderRight'],
  ] as const;
  for (const [side, key] of sides) {
    const b = f.borders?.[side];
    if (b === undefined) continue;
    const w = borderWeight(cell[key], b);
    if (w === undefined) delete cell[key];
    else cell[key] = w;
  }
}

/** The properties `o` asks for, per cell of the range. */
function cellProperties(t: RangeTarget, o: CellPropertiesLoadOptions): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 0; r < t.rect.rows; r++) {
    const cells = t.sheet.rows[t.rect.row + r];
    const row: unknown[] = [];
    for (let c = 0; c < t.rect.cols; c++) {
      const cell = cells?.[t.rect.col + c];
      const p: Record<string, unknown> = {};
      if (o.address) {
        p.address = `${quoteSheetName(t.sheet.name)}!${rectToA1({ row: t.rect.row + r, col: t.rect.col + c, rows: 1, cols: 1 })}`;
      }
      const f = o.format;
      if (f) {
        const format: Record<string, unknown> = {};
        if (f.indentLevel) format.indentLevel = styleOf(cell, 'indentLevel');
        if (f.horizontalAlignment) format.horizontalAlignment = styleOf(cell, 'horizontalAlignment');
        if (f.wrapText) format.wrapText = styleOf(cell, 'wrapText');
        if (f.font) {
          const font: Record<string, unknown> = {};
          if (f.font.bold) font.bold = styleOf(cell, 'bold');
          if (f.font.italic) font.italic = styleOf(cell, 'italic');
          if (f.font.color) font.color = styleOf(cell, 'fontColor');
          if (f.font.size) font.size = styleOf(cell, 'fontSize');
          format.font = font;
        }
        if (f.fill?.color) format.fill = { color: styleOf(cell, 'fill') };
        p.format = format;
      }
      row.push(p);
    }
    out.push(row);
  }
  return out;
}

/** `Range.getCellProperties(options)`: a read of the range's cells, within Excel's limit. */
export function getCellProperties(t: RangeTarget, options: unknown, x: Execution): unknown[][] {
  x.checkRead(cellCount(t.rect), 'Range.getCellProperties');
  return cellProperties(t, (options ?? {}) as CellPropertiesLoadOptions);
}

/**
 * `Range.setCellProperties(data)`: per-cell formats, a 2D array the size of the range. Excel fails
 * with an internal error on the web for very large ranges (office-js #2564): the host refuses
 * from 90 000 cells.
 */
export function setCellProperties(t: RangeTarget, data: unknown, x: Execution): void {
  if (cellCount(t.rect) >= 90_000)
    throw new HostError('GeneralException', 'setCellProperties on 90 000 cells or more');
  const rows = data as SettableCellProperties[][];
  if (
    !Array.isArray(rows) ||
    rows.length !== t.rect.rows ||
    rows.some((row) => !Array.isArray(row) || row.length !== t.rect.cols)
  ) {
    throw invalidArgument(
      "the number of rows or columns in the input array doesn't match the size or dimensions of the range",
    );
  }
  x.state.guard(t.sheet);
  forEachCell(t.rect, (r, c) => {
    const f = rows[r - t.rect.row][c - t.rect.col]?.format;
    if (!f) return;
    x.state.change(x.journal, t.sheet, r, c, (cell) => applyCellFormat(cell, f));
  });
  x.changedSheets.add(t.sheet.name);
}
