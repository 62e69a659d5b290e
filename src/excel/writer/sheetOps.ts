/**
 * One output sheet as a list of write operations, each with the request
 * bytes Microsoft's client will send for it (requestBytes.ts), so that the
 * writer can pack them into round trips under the payload limit
 * (stagedWrite.ts). Nothing is queued until an operation is given its round
 * trip's worksheet object.
 *
 * Cells are written in row bands (at most `bandCells` cells and about
 * `bandBytes` bytes each): per band the number formats first (text that
 * must stay text gets `@`), then the values and formulas as 2D arrays of at
 * most 1 500 cells (the client would split larger ones itself), then the
 * other formats grouped into rectangles of equal value, or as one
 * `setCellProperties` call (ExcelApi 1.9) where that is smaller (mixed
 * formats), then the links. Sheet settings (widths, heights, merges, frozen
 * panes, tables, conditional formats, printing, charts) follow the cells.
 */
import { cellRef, columnLetters, parseRangeRef, quoteSheetName } from '../../domain/address';
import {
  headerFooterCode,
  isProtectedText,
  numberFormatOf,
  type CellModel,
  type ChartModel,
  type SheetModel,
} from '../../domain/model';
import { jsonBytes } from '../adapter/blocks';
import { parseSheetRef } from '../adapter/sheetRef';
import type { ExcelRange, ExcelSettableCellProperties, ExcelWorksheet } from '../excelApi';
import { isLeftOut, type LeftOut } from '../gateway';
import { FORMAT_PROPERTIES, type FormatProperty } from './cellFormats';
import { rectangles, type Keyed, type Rect } from './rects';
import * as bytes from './requestBytes';

/** What this Excel can do beyond ExcelApi 1.4 (each feature's set in parentheses). */
export interface Features {
  /** `setCellProperties`, `RangeFormat.indentLevel`, page layout, page breaks (1.9). */
  readonly api19: boolean;
  /** `Range.hyperlink`, frozen panes, chart series methods, protection's `allowEditObjects` (1.7). */
  readonly api17: boolean;
  /** Conditional formats, `suspendApiCalculationUntilNextSync` (1.6). */
  readonly api16: boolean;
}

/** Where an operation writes: the sheet being written (under its temporary name), and any other sheet. */
export interface OpTarget {
  readonly sheet: ExcelWorksheet;
  /** A sheet by its name after writing (an output being written resolves to its temporary sheet). */
  readonly sheetFor: (name: string) => ExcelWorksheet;
}

export interface WriteOp {
  /** Request bytes, as Microsoft's client serialises what `queue` does (requestBytes.ts). */
  readonly bytes: number;
  /** Writes formulas: the round trip suspends calculation. */
  readonly formulas?: boolean;
  readonly queue: (target: OpTarget) => void;
}

export interface SheetPlan {
  readonly ops: WriteOp[];
  /** Features of the model this Excel lacks, left out (`chart`, `conditionalFormat`, ...). */
  readonly leftOut: LeftOut[];
  /** Tables are created under temporary names (table names are unique in the workbook); renamed at the swap. */
  readonly tableNames: readonly { readonly temporary: string; readonly name: string }[];
}

export interface BandLimits {
  /** Request bytes a band of cells may take (as cut, from its cells' sizes). */
  readonly bandBytes: number;
  /** Request bytes one operation may take: a band with a larger one is cut in two. */
  readonly opBytes: number;
  /** Cells a band may cover (`setCellProperties` fails on the web around 90 000: office-js #2564). */
  readonly bandCells: number;
}

/** Cells one 2D write may have before Microsoft's client cuts it into parts itself (`setRangePropertiesInBulk`). */
export const MAX_GRID_CELLS = 1_500;

function address(rect: Rect): string {
  const first = cellRef(rect.row, rect.col);
  return rect.rows === 1 && rect.cols === 1
    ? first
    : `${first}:${cellRef(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

const filled = <T>(rows: number, cols: number, v: T): T[][] =>
  Array.from({ length: rows }, () => new Array<T>(cols).fill(v));

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
function bands(cells: readonly CellModel[], limits: BandLimits): Band[] {
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

/** A range of the sheet being written, untracked (used in its round trip only: see excelApi.ts). */
const range = (t: OpTarget, r: Rect): ExcelRange => t.sheet.getRange(address(r)).untrack();

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
function fittedBandOps(band: Band, features: Features, leftOut: Set<LeftOut>, limits: BandLimits): WriteOp[] {
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

/**
 * Merged areas as merge calls: single-row areas of the same columns in consecutive rows are one
 * call that merges each row (`merge(true)`, Excel's Merge Across); others one call each.
 */
export function mergeRuns(merges: readonly string[]): { address: string; across: boolean }[] {
  const parsed = merges.map((m) => ({ m, rect: parseRangeRef(m) }));
  const single = parsed
    .filter((p): p is { m: string; rect: Rect } => p.rect !== null && p.rect.rows === 1)
    .sort((a, b) => a.rect.col - b.rect.col || a.rect.cols - b.rect.cols || a.rect.row - b.rect.row);
  const out: { address: string; across: boolean }[] = parsed
    .filter((p) => p.rect === null || p.rect.rows > 1)
    .map((p) => ({ address: p.m, across: false }));
  for (let i = 0; i < single.length;) {
    const first = single[i].rect;
    let j = i + 1;
    while (
      j < single.length &&
      single[j].rect.col === first.col &&
      single[j].rect.cols === first.cols &&
      single[j].rect.row === first.row + (j - i)
    ) {
      j++;
    }
    out.push(
      j - i === 1
        ? { address: single[i].m, across: false }
        : { address: address({ ...first, rows: j - i }), across: true },
    );
    i = j;
  }
  return out;
}

/** A small operation on the sheet: costed at a flat, generous size (a few of them a sheet). */
const SMALL_OP = 2_048;

/** Excel's column width in points for a width in characters (Calibri 11: 7 px a character, 5 px padding). */
export function widthToPoints(chars: number): number {
  return ((chars * 7 + 5) * 3) / 4;
}

/** Consecutive indexes with the same value, as `[first, last, value]`. */
function runs(items: readonly { index: number; value: number }[]): [number, number, number][] {
  const sorted = [...items].sort((a, b) => a.index - b.index);
  const out: [number, number, number][] = [];
  for (const { index, value } of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === index - 1 && last[2] === value) last[1] = index;
    else out.push([index, index, value]);
  }
  return out;
}

/** `'Sammendrag'!$A$5:$A$8` on the sheet it names. */
function chartRange(t: OpTarget, model: SheetModel, ref: string): ExcelRange {
  const parsed = parseSheetRef(ref);
  if (!parsed) throw new Error(`Chart range ${ref} is not a range.`);
  const sheet =
    parsed.sheet === null || parsed.sheet.toLowerCase() === model.name.toLowerCase()
      ? t.sheet
      : t.sheetFor(parsed.sheet);
  return sheet.getRange(parsed.address).untrack();
}

/** A chart's request bytes: a dozen calls, costed generously (a chart or two a sheet). */
function chartBytes(chart: ChartModel): number {
  return SMALL_OP * (2 + 2 * chart.series.length) + jsonBytes(chart);
}

function chartOp(model: SheetModel, chart: ChartModel): WriteOp {
  return {
    bytes: chartBytes(chart),
    queue: (t) => {
      const [first, ...rest] = chart.series;
      const categories = () => chartRange(t, model, chart.categories);
      const c = t.sheet.charts.add('ColumnClustered', chartRange(t, model, first.values), 'Columns');
      c.title.text = chart.title;
      const s0 = c.series.getItemAt(0);
      s0.name = first.name;
      s0.setXAxisValues(categories());
      for (const s of rest) {
        const added = c.series.add(s.name);
        added.setValues(chartRange(t, model, s.values));
        added.setXAxisValues(categories());
      }
      c.setPosition(cellRef(chart.anchor.row, chart.anchor.col));
    },
  };
}

const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

let tableSerial = 0;

export function sheetOps(model: SheetModel, features: Features, limits: BandLimits): SheetPlan {
  const leftOut = new Set<LeftOut>();
  const cells = [...model.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const at = (r: string) => (t: OpTarget) => t.sheet.getRange(r).untrack();
  const ops: WriteOp[] = [];
  // The sheet's font on every cell it writes, first: the cells' own sizes and weights come after.
  const font = model.font;
  if (font && cells.length > 0) {
    let maxRow = 0;
    let maxCol = 0;
    for (const c of cells) {
      maxRow = Math.max(maxRow, c.row);
      maxCol = Math.max(maxCol, c.col);
    }
    const all = `A1:${cellRef(maxRow, maxCol)}`;
    const on = bytes.nav(bytes.range(all), 'Format', 'Font');
    ops.push({
      bytes: bytes.set(on, 'Name', jsonBytes(font.name)) + bytes.set(on, 'Size', jsonBytes(font.size)),
      queue: (t) => {
        const f = at(all)(t).format.font;
        f.name = font.name;
        f.size = font.size;
      },
    });
  }
  ops.push(...bands(cells, limits).flatMap((b) => fittedBandOps(b, features, leftOut, limits)));

  for (const [first, last, width] of runs(
    (model.columnWidths ?? []).map((w) => ({ index: w.col, value: w.width })),
  )) {
    const cols = `${columnLetters(first)}:${columnLetters(last)}`;
    const points = widthToPoints(width);
    ops.push({
      bytes: bytes.set(bytes.nav(bytes.range(cols), 'Format'), 'ColumnWidth', jsonBytes(points)),
      queue: (t) => (at(cols)(t).format.columnWidth = points),
    });
  }
  for (const [first, last, height] of runs(
    (model.rowHeights ?? []).map((h) => ({ index: h.row, value: h.height })),
  )) {
    const rows = `${first + 1}:${last + 1}`;
    ops.push({
      bytes: bytes.set(bytes.nav(bytes.range(rows), 'Format'), 'RowHeight', jsonBytes(height)),
      queue: (t) => (at(rows)(t).format.rowHeight = height),
    });
  }
  for (const { address: m, across } of mergeRuns(model.merges ?? [])) {
    ops.push({
      bytes: bytes.call(bytes.range(m), 'Merge', jsonBytes([across])),
      queue: (t) => at(m)(t).merge(across),
    });
  }

  const freeze = model.freeze;
  if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
    if (!features.api17) leftOut.add('freezePanes');
    else {
      ops.push({
        bytes: SMALL_OP,
        queue: (t) => {
          if (freeze.rows > 0 && freeze.cols > 0) {
            t.sheet.freezePanes.freezeAt(
              t.sheet.getRange(cellRef(freeze.rows - 1, freeze.cols - 1)).untrack(),
            );
          } else if (freeze.rows > 0) t.sheet.freezePanes.freezeRows(freeze.rows);
          else t.sheet.freezePanes.freezeColumns(freeze.cols);
        },
      });
    }
  }

  const tableNames: { temporary: string; name: string }[] = [];
  for (const table of model.tables ?? []) {
    const temporary = `PlanReconcilerTmp${++tableSerial}`;
    tableNames.push({ temporary, name: table.name });
    ops.push({
      bytes: SMALL_OP,
      queue: (t) => {
        // A Range of this sheet: an address alone would put the table on the active sheet.
        const added = t.sheet.tables.add(t.sheet.getRange(table.range).untrack(), true);
        added.name = temporary;
        added.style = table.style ?? 'TableStyleMedium2';
      },
    });
  }

  if ((model.conditionalFormats ?? []).length > 0 && !features.api16) leftOut.add('conditionalFormat');
  for (const cf of features.api16 ? (model.conditionalFormats ?? []) : []) {
    ops.push({
      bytes: SMALL_OP + jsonBytes(cf),
      queue: (t) => {
        const f = at(cf.range)(t).conditionalFormats.add('Custom');
        f.custom.rule.formula = cf.formula.startsWith('=') ? cf.formula : `=${cf.formula}`;
        if (cf.fill) f.custom.format.fill.color = cf.fill;
        if (cf.fontColor) f.custom.format.font.color = cf.fontColor;
        if (cf.bold !== undefined) f.custom.format.font.bold = cf.bold;
      },
    });
  }

  const print = model.print;
  if (print && !features.api19) leftOut.add('print');
  if (print && features.api19) {
    const breaks = [...new Set(print.rowBreaks ?? [])].filter((r) => r > 0).sort((a, b) => a - b);
    ops.push({
      bytes: SMALL_OP * 2,
      queue: (t) => {
        const layout = t.sheet.pageLayout;
        layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        layout.paperSize = print.paperSize;
        // One page wide; the height is left to Excel (as many pages as it takes).
        if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
        if (print.titleRows)
          layout.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
        const m = print.margins;
        if (m) {
          layout.leftMargin = m.left;
          layout.rightMargin = m.right;
          layout.topMargin = m.top;
          layout.bottomMargin = m.bottom;
          layout.headerMargin = m.header;
          layout.footerMargin = m.footer;
        }
        const footer = print.footer;
        if (footer) {
          const pages = layout.headersFooters.defaultForAllPages;
          if (footer.left) pages.leftFooter = headerFooterCode(footer.left);
          if (footer.center) pages.centerFooter = headerFooterCode(footer.center);
          if (footer.right) pages.rightFooter = headerFooterCode(footer.right);
        }
      },
    });
    // Page breaks in operations of at most opBytes (25 000 cards have 25 000 breaks: 5 MB).
    const breakBytes = bytes.reachObject(bytes.SHEET, 'Add', jsonBytes(['A1048576'])).bytes;
    const perOp = Math.max(1, Math.floor(limits.opBytes / breakBytes));
    for (let i = 0; i < breaks.length; i += perOp) {
      const part = breaks.slice(i, i + perOp);
      ops.push({
        bytes: SMALL_OP + part.length * breakBytes,
        queue: (t) => {
          const pageBreaks = t.sheet.horizontalPageBreaks;
          for (const r of part) pageBreaks.add(`A${r + 1}`);
        },
      });
    }
  }

  const charts = (model.charts ?? []).filter((c) => c.series.length > 0);
  if (charts.length > 0 && !features.api17) leftOut.add('chart');
  if (features.api17) for (const chart of charts) ops.push(chartOp(model, chart));

  const visibility = model.visibility ?? 'visible';
  if (visibility !== 'visible') {
    ops.push({ bytes: SMALL_OP, queue: (t) => (t.sheet.visibility = VISIBILITY[visibility]) });
  }
  if (model.protect) leftOut.add('protect');
  return { ops, leftOut: [...leftOut], tableNames };
}
