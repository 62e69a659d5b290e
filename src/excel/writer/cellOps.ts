/**
 * The cells of an output sheet as write operations, in row bands (at most `bandCells` cells and
 * about `bandBytes` bytes each): per band the number formats first (text that must stay text gets
 * `@`), then the values and formulas as 2D arrays of at most 1 500 cells (the client would split
 * larger ones itself), then the other formats grouped into rectangles of equal value, or as one
 * `setCellProperties` call (ExcelApi 1.9) where that is smaller (mixed formats), then the links.
 * A band whose operation is larger than a round trip may be is cut in two.
 */
import { quoteSheetName } from '../../domain/address';
import { isProtectedText, numberFormatOf, type CellModel } from '../../domain/model';
import { jsonBytes } from '../adapter/blocks';
import type { ExcelSettableCellProperties } from '../excelApi';
import { isLeftOut, type LeftOut } from '../gateway';
import { FORMAT_PROPERTIES, type FormatProperty } from './cellFormats';
import { rectangles, type Keyed, type Rect } from './rects';
import * as bytes from './requestBytes';
import {
  address,
  filled,
  range,
  type BandLimits,
  type Features,
  type OpTarget,
  type WriteOp,
} from './writeOp';

/** Cells one 2D write may have before Microsoft's client cuts it into parts itself (`setRangePropertiesInBulk`). */
export const MAX_GRID_CELLS = 1_500;

/** `HYPERLINK("#'Budsjett'!B9","Budsjett!B9")`: the link without ExcelApi 1.7, as the .xlsx writer does it. */
function hyperlinkFormula(c: CellModel): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const shown = String(c.value ?? c.link!.cell);
  return `=HYPERLINK(${q(`#${quoteSheetName(c.link!.sheet)}!${c.link!.cell}`)},${q(shown)})`;
}

/** What goes into the cell through `Range.formulas`: a formula, a literal, or null (left as it is). */
function contentOf(c: CellModel, features: Features): unknown {
  if (c.formula !== undefined) return c.formula.startsWith('=') ? c.formula : `=${c.formula}`;
  if (c.link !== undefined && !features.api17) return hyperlinkFormula(c);
  if (c.value === undefined || c.value === null || c.value === '') return null;
  return c.value;
}

function hasStyle(c: CellModel): boolean {
  return FORMAT_PROPERTIES.some((p) => p.valueOf(c) !== undefined) || c.numberFormat !== undefined;
}

interface Band {
  readonly cells: readonly CellModel[];
  readonly rect: Rect;
}

/** Bytes per styled cell assumed when cutting bands (formats come on top of values). */
const STYLED_CELL_BYTES = 48;

/** Rows with cells, cut into bands; every band spans the sheet's columns in use. */
export function bands(cells: readonly CellModel[], limits: BandLimits): Band[] {
  if (cells.length === 0) return [];
  let minCol = Infinity;
  let maxCol = -1;
  for (const c of cells) {
    minCol = Math.min(minCol, c.col);
    maxCol = Math.max(maxCol, c.col);
  }
  const width = maxCol - minCol + 1;
  const out: Band[] = [];
  let start = 0;
  let size = 0;
  const close = (end: number) => {
    const part = cells.slice(start, end);
    const first = part[0].row;
    const last = part[part.length - 1].row;
    out.push({ cells: part, rect: { row: first, col: minCol, rows: last - first + 1, cols: width } });
    start = end;
    size = 0;
  };
  for (let i = 0; i < cells.length;) {
    const row = cells[i].row;
    let rowBytes = width * 5 + 3;
    let j = i;
    for (; j < cells.length && cells[j].row === row; j++) {
      const c = cells[j];
      rowBytes += jsonBytes(c.formula ?? c.value ?? null) + (hasStyle(c) ? STYLED_CELL_BYTES : 0);
    }
    const rows = start < i ? row - cells[start].row + 1 : 1;
    if (start < i && (size + rowBytes > limits.bandBytes || rows * width > limits.bandCells)) close(i);
    size += rowBytes;
    i = j;
  }
  close(cells.length);
  return out;
}

/** A rectangle cut into row groups of at most MAX_GRID_CELLS cells, for 2D writes. */
function gridParts(rect: Rect): Rect[] {
  const rows = Math.max(1, Math.floor(MAX_GRID_CELLS / rect.cols));
  const out: Rect[] = [];
  for (let r = 0; r < rect.rows; r += rows)
    out.push({ ...rect, row: rect.row + r, rows: Math.min(rows, rect.rows - r) });
  return out;
}

/** `range.<property> = grid`, one op per part of at most MAX_GRID_CELLS cells. */
function gridOps(
  rect: Rect,
  property: 'numberFormat' | 'formulas',
  grid: unknown[][],
  formulas = false,
): WriteOp[] {
  const name = property === 'numberFormat' ? 'NumberFormat' : 'Formulas';
  return gridParts(rect).map((part) => {
    const rows = grid.slice(part.row - rect.row, part.row - rect.row + part.rows);
    return {
      bytes: bytes.set(bytes.range(address(part)), name, jsonBytes(rows)),
      formulas,
      queue: (t: OpTarget) => {
        range(t, part)[property] = rows;
      },
    };
  });
}

function bandOps(band: Band, features: Features, leftOut: Set<LeftOut>): WriteOp[] {
  const ops: WriteOp[] = [];
  const { cells, rect } = band;

  // 1. Number formats, before the values (and `@` before text that must stay text; not on a
  // link written as a HYPERLINK formula, which `@` would keep as text).
  const formatOf = (c: CellModel) =>
    c.link !== undefined && !features.api17 ? c.numberFormat : numberFormatOf(c);
  const formats = rectangles(
    cells.map((c): Keyed<string> => ({ row: c.row, col: c.col, value: formatOf(c) })),
  );
  for (const { rect: r, value } of formats)
    ops.push(...gridOps(r, 'numberFormat', filled(r.rows, r.cols, value)));

  // 2. Values and formulas: 2D arrays (null leaves a cell as it is).
  const grid = filled<unknown>(rect.rows, rect.cols, null);
  let any = false;
  let formulas = false;
  for (const c of cells) {
    const v = contentOf(c, features);
    if (v === null) continue;
    grid[c.row - rect.row][c.col - rect.col] = v;
    any = true;
    if (typeof v === 'string' && v.startsWith('=') && !isProtectedText(c)) formulas = true;
  }
  if (any) ops.push(...gridOps(rect, 'formulas', grid, formulas));

  // 3. The other formats: rectangles, or per-cell properties when that is smaller.
  const props = FORMAT_PROPERTIES.filter((p) => {
    if (p.api === '1.9' && !features.api19) {
      if (!isLeftOut(p.name))
        throw new Error(`No LEFT_OUT entry for ${p.name}, which needs ExcelApi ${p.api}.`);
      if (cells.some((c) => p.valueOf(c) !== undefined)) leftOut.add(p.name);
      return false;
    }
    return true;
  });
  // Per format, whichever costs fewer request bytes: its rectangles, or its share of one
  // `setCellProperties` call (ExcelApi 1.9) for the band, each cell listing the formats chosen.
  const groups = props.map((p) => {
    const rects = rectangles(
      cells.map((c) => ({ row: c.row, col: c.col, value: p.valueOf(c) })),
      p.grouping,
    ).map(({ rect: r, value }) => formatOp(p, r, value));
    let perCell = 0;
    if (features.api19) {
      // What the format adds to a cell's entry: by value, measured once each (values repeat).
      const sizes = new Map<unknown, number>();
      for (const c of cells) {
        const v = p.valueOf(c);
        if (v === undefined) continue;
        const key = p.grouping?.key?.(v) ?? v;
        let size = sizes.get(key);
        if (size === undefined) {
          const format: NonNullable<ExcelSettableCellProperties['format']> = {};
          p.toCell(format, v);
          sizes.set(key, (size = jsonBytes(format) - 2));
        }
        perCell += size;
      }
    }
    const rectBytes = rects.reduce((sum, op) => sum + op.bytes, 0);
    return { p, rects, byCell: features.api19 && rects.length > 0 && perCell < rectBytes };
  });
  const byCell = groups.filter((g) => g.byCell).map((g) => g.p);
  if (byCell.length > 0) {
    const cellProps = filled<ExcelSettableCellProperties>(rect.rows, rect.cols, {}).map((row) =>
      row.map(() => ({})),
    );
    for (const c of cells) {
      const format: NonNullable<ExcelSettableCellProperties['format']> = {};
      for (const p of byCell) {
        const v = p.valueOf(c);
        if (v !== undefined) p.toCell(format, v);
      }
      if (Object.keys(format).length > 0) cellProps[c.row - rect.row][c.col - rect.col] = { format };
    }
    ops.push({
      bytes: bytes.call(bytes.range(address(rect)), 'SetCellProperties', jsonBytes([cellProps])),
      queue: (t) => range(t, rect).setCellProperties(cellProps),
    });
  }
  for (const g of groups) if (!g.byCell) ops.push(...g.rects);

  // 4. Links to cells of the workbook (ExcelApi 1.7; without it, HYPERLINK formulas in step 2).
  if (features.api17) {
    for (const c of cells) {
      if (c.link === undefined || c.formula !== undefined) continue;
      const link = {
        documentReference: `${quoteSheetName(c.link.sheet)}!${c.link.cell}`,
        textToDisplay: String(c.value ?? c.link.cell),
      };
      const r = { row: c.row, col: c.col, rows: 1, cols: 1 };
      ops.push({
        bytes: bytes.set(bytes.range(address(r)), 'Hyperlink', jsonBytes(link)),
        queue: (t) => (range(t, r).hyperlink = link),
      });
    }
  }
  return ops;
}

/**
 * A band's operations, the band cut in two (by rows) while one of them is larger than a round
 * trip may be: long texts, or many cells of mixed formats in one `setCellProperties` call.
 */
export function fittedBandOps(
  band: Band,
  features: Features,
  leftOut: Set<LeftOut>,
  limits: BandLimits,
): WriteOp[] {
  const ops = bandOps(band, features, leftOut);
  const first = band.cells[0].row;
  const last = band.cells[band.cells.length - 1].row;
  if (last === first || ops.every((op) => op.bytes <= limits.opBytes)) return ops;
  const middle = first + Math.floor((last - first + 1) / 2);
  const split = band.cells.findIndex((c) => c.row >= middle);
  const half = (cells: readonly CellModel[]): Band => {
    const r0 = cells[0].row;
    const r1 = cells[cells.length - 1].row;
    return { cells, rect: { ...band.rect, row: r0, rows: r1 - r0 + 1 } };
  };
  return [
    ...fittedBandOps(half(band.cells.slice(0, split)), features, leftOut, limits),
    ...fittedBandOps(half(band.cells.slice(split)), features, leftOut, limits),
  ];
}

/** One format set on a rectangle, with the request bytes of what `apply` queues. */
function formatOp(p: FormatProperty<unknown>, r: Rect, value: unknown): WriteOp {
  return { bytes: p.requestBytes(bytes.range(address(r)), value), queue: (t) => p.apply(range(t, r), value) };
}
